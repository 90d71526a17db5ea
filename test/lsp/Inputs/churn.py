#!/usr/bin/env python3
"""Drives a language server through an editor's churn and checks what a user
would see: several documents opened, changed, closed and reopened while
their analyses run, with no waiting between messages.

    churn.py [--docs N] [--cycles N] [--max-threads N]
             [--initialization-options JSON] -- <server command...>

Each cycle of each document sends didOpen (version 1), didChange
(version 2), didClose, and didOpen again (version 1, new text), so that the
reopened document has the version numbers of the closed one. Every text
names its own function (`d<doc>_c<cycle>_v<version>`), so a diagnostic says
which text it was computed from. After the last cycle the client waits for
the server (a `sync` request), then shuts it down.

It fails (exit 1, with the reason) when the server crashes or exits
non-zero, when the last diagnostics published for a document are not those
of the text the editor has, or, with --max-threads, when the server ever
had more threads than that (sampled from /proc after every cycle).
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "tools"))
from lsp_client import Client, thread_count  # noqa: E402

HEADER = '#include <stddef.h>\nextern "C" unsigned sleep(unsigned);\n'


def text_of(doc, cycle, version):
    name = "d%d_c%d_v%d" % (doc, cycle, version)
    return (HEADER + '[[clang::annotate("boundwise::async")]] void %s() '
            '{ sleep(1); }\n' % name), name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=3)
    parser.add_argument("--cycles", type=int, default=30)
    parser.add_argument("--max-threads", type=int)
    parser.add_argument("--initialization-options", type=json.loads,
                        help="the initializationOptions, as JSON")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    client = Client(args.command)
    initialize = {"capabilities": {}}
    if args.initialization_options is not None:
        initialize["initializationOptions"] = args.initialization_options
    client.request(0, "initialize", initialize)
    client.notify("initialized", {})
    # What the editor shows for each document at the end: its latest text.
    latest = {}
    most_threads = 0
    for cycle in range(args.cycles):
        for doc in range(args.docs):
            uri = "test:///doc%d.cpp" % doc
            text, name = text_of(doc, cycle, 1)
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "cpp", "version": 1,
                "text": text}})
            text, name = text_of(doc, cycle, 2)
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": text}]})
            client.notify("textDocument/didClose",
                          {"textDocument": {"uri": uri}})
            text, name = text_of(doc, cycle + 1000, 1)
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "cpp", "version": 1,
                "text": text}})
            latest[uri] = name
        most_threads = max(most_threads, thread_count(client.server.pid))
    client.request(1, "sync")
    most_threads = max(most_threads, thread_count(client.server.pid))
    client.request(2, "shutdown")
    client.notify("exit", None)
    client.reader.join(timeout=60)
    status = client.server.wait(timeout=60)

    failures = []
    if status != 0:
        failures.append("the server exited with status %d" % status)
    if args.max_threads and most_threads > args.max_threads:
        failures.append("the server had %d threads, more than %d"
                        % (most_threads, args.max_threads))
    if None not in client.messages:
        failures.append("the server's output did not end")
    last = {}
    for message in client.messages:
        if not message or message.get("method") != \
                "textDocument/publishDiagnostics":
            continue
        params = message["params"]
        found = [re.search(r"'(d\d+_c\d+_v\d)'", d["message"])
                 for d in params["diagnostics"]]
        last[params["uri"]] = [m.group(1) for m in found if m]
    for uri, name in sorted(latest.items()):
        shown = last.get(uri)
        if shown != [name]:
            failures.append("%s shows the diagnostics of %s, but the editor "
                            "has the text of %s" % (uri, shown, name))
    for failure in failures:
        print("churn: " + failure)
    if failures:
        sys.exit(1)
    print("churn: %d documents, %d cycles: the latest text's diagnostics "
          "are shown" % (args.docs, args.cycles))
    print("churn: at most %d threads" % most_threads, file=sys.stderr)


if __name__ == "__main__":
    main()

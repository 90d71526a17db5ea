#!/usr/bin/env python3
"""Drives a language server with input nested far deeper than any real one,
as a hostile workspace or a broken client could send it, and prints what an
editor would show, for FileCheck:

    deep-inputs.py --dir DIR -- <server command...>

The server gets JSON messages nested 100,000 levels deep, a .boundwise.yaml
and a compile_commands.json nested 30,000 levels deep, a source file whose
expression nests 100,000 levels deep (which clang parses, given the stack),
and one nested deeper than clang's recursive parser can go (which crashes
clang, and must be recovered for that file alone). Then it opens an
ordinary file, which must still be analysed, and shuts the server down.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "tools"))
from lsp_client import Client  # noqa: E402

LEVELS = 100000
SLEEPS = ('extern "C" unsigned sleep(unsigned);\n'
          '[[clang::annotate("boundwise::async")]] void on_message() {\n'
          '  sleep(1);\n}\n')


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


def make_workspace(root):
    """The files a hostile repository holds; returns the sources to open."""
    write(os.path.join(root, "config", ".boundwise.yaml"),
          "Checks: " + "[" * 30000 + "]" * 30000 + "\n")
    write(os.path.join(root, "database", "compile_commands.json"),
          '[{"directory": "/", "file": "x.cpp", "arguments": '
          + "[" * 30000 + "]" * 30000 + "}]\n")
    return {
        "config": os.path.join(root, "config", "main.cpp"),
        "database": os.path.join(root, "database", "main.cpp"),
        "parsed": os.path.join(root, "parsed.cpp"),
        "crashed": os.path.join(root, "crashed.cpp"),
        "ordinary": os.path.join(root, "ordinary.cpp"),
    }


def text_of(name):
    if name == "parsed":
        return "int f() { return " + "+".join(["1"] * LEVELS) + "; }\n"
    if name == "crashed":
        return "int f(int x) { return " + "!" * LEVELS + "x; }\n"
    return SLEEPS


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    sources = make_workspace(args.dir)

    client = Client(args.command)
    client.request(0, "initialize", {"capabilities": {}})
    client.send_body(b'{"jsonrpc":"2.0","id":1,"method":"textDocument/hover",'
                     b'"params":' + b"[" * LEVELS + b"]" * LEVELS + b"}")
    client.send_body(b'{"jsonrpc":"2.0","method":'
                     b'"workspace/didChangeConfiguration","params":'
                     b'{"settings":' + b'{"a":' * LEVELS + b"1"
                     + b"}" * LEVELS + b"}}")
    for name in ["config", "database", "parsed", "crashed", "ordinary"]:
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": "file://" + sources[name], "languageId": "cpp",
            "version": 1, "text": text_of(name)}})
        client.request(10 + len(name), "sync")
    client.request(2, "shutdown")
    client.notify("exit", None)
    status = client.server.wait(timeout=60)
    client.reader.join()

    names = {"file://" + path: name for name, path in sources.items()}
    for message in client.messages:
        if message is None:
            continue
        if "error" in message:
            print("error reply:", message["error"]["message"])
        method = message.get("method")
        if method == "window/showMessage":
            print("message:", message["params"]["message"].replace(
                args.dir, "DIR"))
        if method == "textDocument/publishDiagnostics":
            params = message["params"]
            codes = [d.get("code") for d in params["diagnostics"]]
            print("diagnostics of %s: %s" % (names[params["uri"]],
                                             json.dumps(codes)))
    print("exit status:", status)


if __name__ == "__main__":
    main()

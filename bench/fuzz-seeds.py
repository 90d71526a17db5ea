#!/usr/bin/env python3
"""Writes framed seed inputs for boundwise-lsp-fuzzer into a directory:

  churn        three documents opened, changed, closed and reopened, with a
               hover and code actions in between, as an editor's churn sends
  deep-json    a request whose params nest ten thousand arrays deep
  deep-source  a document with a deeply nested expression and blocks

    fuzz-seeds.py <dir> [--small]

--small keeps each seed under 8 KB, for the suite's short run.
"""

import json
import os
import sys

HEADER = '#include <stddef.h>\nextern "C" unsigned sleep(unsigned);\n'


def frame(messages):
    out = bytearray()
    for message in messages:
        body = message if isinstance(message, bytes) else \
            json.dumps(dict(message, jsonrpc="2.0")).encode()
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return bytes(out)


def initialize():
    return [{"id": 0, "method": "initialize", "params": {"capabilities": {}}},
            {"method": "initialized", "params": {}}]


def open_doc(uri, version, text):
    return {"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": version, "text": text}}}


def churn():
    messages = initialize()
    for cycle in range(2):
        for doc in range(3):
            uri = "test:///doc%d.cpp" % doc
            body = ('[[clang::annotate("boundwise::async")]] void f%d() '
                    '{ sleep(%d); }\n' % (doc, cycle))
            messages.append(open_doc(uri, 1, HEADER + body))
            messages.append({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": HEADER + "int x;\n" + body}]}})
            messages.append({"id": 10 + doc, "method": "textDocument/hover",
                             "params": {"textDocument": {"uri": uri},
                                        "position": {"line": 3,
                                                     "character": 50}}})
            messages.append({"method": "textDocument/didClose",
                             "params": {"textDocument": {"uri": uri}}})
            messages.append(open_doc(uri, 1, HEADER + body))
    messages.append({"id": 1, "method": "shutdown"})
    messages.append({"method": "exit"})
    return frame(messages)


def deep_json(depth):
    params = b"[" * depth + b"]" * depth
    hover = (b'{"jsonrpc":"2.0","id":1,"method":"textDocument/hover",'
             b'"params":' + params + b'}')
    return frame(initialize() + [hover, {"id": 2, "method": "shutdown"},
                                 {"method": "exit"}])


def deep_source(depth):
    text = ("int deep() {\n  int x = 0;\n  " + "{ " * depth + "x = x" +
            " + 1" * depth + ";" + " }" * depth + "\n  return x;\n}\n")
    return frame(initialize() + [open_doc("test:///deep.cpp", 1, text),
                                 {"id": 2, "method": "shutdown"},
                                 {"method": "exit"}])


def main():
    out = sys.argv[1]
    small = "--small" in sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    seeds = {
        "churn": churn(),
        "deep-json": deep_json(1000 if small else 10000),
        "deep-source": deep_source(500 if small else 20000),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()

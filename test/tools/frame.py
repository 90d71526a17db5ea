#!/usr/bin/env python3
"""Turns a delimited LSP transcript (messages separated by '---' lines, '#'
comment lines) into real framing: 'Content-Length: N\\r\\n\\r\\n' + body.

Usage: frame.py <transcript> [<output>]   (output defaults to stdout)
"""
import sys


def frame(text):
    out = bytearray()
    for block in text.split("\n---\n"):
        body = "\n".join(line for line in block.splitlines()
                         if not line.lstrip().startswith("#")).strip()
        if not body:
            continue
        data = body.encode("utf-8", "surrogateescape")
        out += b"Content-Length: %d\r\n\r\n" % len(data) + data
    return bytes(out)


def main():
    with open(sys.argv[1], encoding="utf-8", errors="surrogateescape") as f:
        framed = frame(f.read())
    if len(sys.argv) > 2:
        with open(sys.argv[2], "wb") as f:
            f.write(framed)
    else:
        sys.stdout.buffer.write(framed)


if __name__ == "__main__":
    main()

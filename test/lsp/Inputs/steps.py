#!/usr/bin/env python3
"""Feeds a delimited transcript to a language server, running shell steps
between messages: for tests in which files on disk change mid-session
(a compile_commands.json, a .boundwise.yaml).

    steps.py --dir DIR -- <server command...>  < transcript

Messages are separated by `---` lines and sent as they are, `#` lines
included (the server skips them), with every DIRECTORY replaced by DIR. A
line `#! <shell command>` in a block runs the command in DIR before the
block's message is sent, once the server has answered everything before
it: a `sync` request is sent first and its reply awaited. The server's
output is copied to stdout unchanged, for FileCheck.
"""

import argparse
import subprocess
import sys
import threading


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    server = subprocess.Popen(args.command, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    seen = []
    changed = threading.Condition()

    def copy_output():
        for line in iter(server.stdout.readline, b""):
            sys.stdout.buffer.write(line)
            sys.stdout.buffer.flush()
            with changed:
                seen.append(line)
                changed.notify_all()
        with changed:
            seen.append(b"")
            changed.notify_all()

    reader = threading.Thread(target=copy_output)
    reader.start()

    def wait_for(marker):
        with changed:
            changed.wait_for(lambda: any(marker in l or l == b""
                                         for l in seen), timeout=120)

    def send(text):
        server.stdin.write(text.encode() + b"\n---\n")
        server.stdin.flush()

    blocks = sys.stdin.read().replace("DIRECTORY", args.dir).split("\n---\n")
    for number, block in enumerate(blocks):
        steps = [l[2:].strip() for l in block.splitlines()
                 if l.startswith("#!")]
        if steps:
            marker = "steps-%d" % number
            send('{"jsonrpc":"2.0","id":"%s","method":"sync"}' % marker)
            wait_for(('"id": "%s"' % marker).encode())
            for step in steps:
                subprocess.run(step, shell=True, cwd=args.dir, check=True)
        send(block)
    server.stdin.close()
    reader.join()
    return server.wait()


if __name__ == "__main__":
    sys.exit(main())

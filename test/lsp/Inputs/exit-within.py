#!/usr/bin/env python3
"""Sends a delimited transcript to a language server and checks that the
server ends soon after its input does: after `exit`, or at the end of input
when the transcript has no `exit`.

    exit-within.py --seconds N [--dir DIR] -- <server command...> < transcript

Every DIRECTORY in the transcript is replaced by DIR. The messages are sent
at once; then, after a pause that lets the server start its work, the input
is closed. If the server has not exited N seconds after that, it is killed
and the script fails. Otherwise the server's exit status is printed as
`exit status: S` (and its output copied to stdout), for FileCheck.
"""

import argparse
import subprocess
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--dir", default="")
    parser.add_argument("--pause", type=float, default=1.0)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    transcript = sys.stdin.read().replace("DIRECTORY", args.dir)
    blocks = [b for b in transcript.split("\n---\n") if b.strip()]
    server = subprocess.Popen(args.command, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    output = []
    reader = threading.Thread(target=lambda: output.append(
        server.stdout.read()))
    reader.start()
    # The messages up to `exit`, then a pause in which the work starts,
    # then `exit` if there is one, and the end of input.
    has_exit = '"exit"' in blocks[-1]
    head, tail = (blocks[:-1], blocks[-1]) if has_exit else (blocks, None)
    server.stdin.write("\n---\n".join(head).encode() + b"\n---\n")
    server.stdin.flush()
    time.sleep(args.pause)
    if tail:
        server.stdin.write(tail.encode() + b"\n")
    server.stdin.close()
    start = time.monotonic()
    try:
        server.wait(timeout=args.seconds)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        sys.exit("exit-within: the server still ran %.1f s after its input "
                 "ended" % args.seconds)
    took = time.monotonic() - start
    reader.join()
    sys.stdout.buffer.write(output[0])
    print("exit status: %d" % server.returncode)
    print("exit-within: ended %.1f s after its input" % took,
          file=sys.stderr)


if __name__ == "__main__":
    main()

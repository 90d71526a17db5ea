#!/usr/bin/env python3
"""expect_exit.py <code> <command> [args...]

Runs the command with stdout and stderr passed through and succeeds only if
it exits with exactly <code>. lit's `not` accepts any non-zero code; the CLI
promises particular ones (1 for findings turned into errors)."""

import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: expect_exit.py <code> <command> [args...]")
    expected = int(sys.argv[1])
    code = subprocess.call(sys.argv[2:])
    if code != expected:
        sys.stdout.flush()
        sys.stderr.write("expect_exit.py: %s exited with %d, expected %d\n"
                         % (sys.argv[2], code, expected))
        sys.exit(1)


if __name__ == "__main__":
    main()

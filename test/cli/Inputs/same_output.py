#!/usr/bin/env python3
"""Runs a command several times and fails unless every run prints exactly
the expected stdout and stderr (byte for byte) and exits with the expected
code: for tests of nondeterminism, such as `boundwise -j N` against `-j 1`.

    same_output.py --runs N --stdout FILE --stderr FILE [--exit-code C] -- <command...>
"""

import argparse
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--stdout", required=True)
    parser.add_argument("--stderr", required=True)
    parser.add_argument("--exit-code", type=int, default=0)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    with open(args.stdout, "rb") as f:
        expected_out = f.read()
    with open(args.stderr, "rb") as f:
        expected_err = f.read()
    for run in range(1, args.runs + 1):
        done = subprocess.run(args.command, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        for name, got, expected in [("stdout", done.stdout, expected_out),
                                    ("stderr", done.stderr, expected_err)]:
            if got != expected:
                sys.stderr.write("run %d: %s differs:\n" % (run, name))
                sys.stderr.buffer.write(got)
                return 1
        if done.returncode != args.exit_code:
            sys.stderr.write("run %d: exit code %d\n" % (run, done.returncode))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The pre-commit hook (.pre-commit-hooks.yaml): boundwise on the lines the
staged changes add or change, through boundwise-diff.

    boundwise-pre-commit.py [--boundwise-binary=PATH] [boundwise args] [files]

pre-commit appends the staged files it selected; they limit the diff. The
other arguments go to boundwise (write options with `=`: `-p=build`). Any
finding fails the hook: `--warnings-as-errors=*` is added unless the
arguments give their own --warnings-as-errors.
"""

import os
import shutil
import subprocess
import sys


def staged_files():
    names = subprocess.run(
        ["git", "diff", "--cached", "--name-only", "-z"],
        stdout=subprocess.PIPE, check=True).stdout.decode()
    return set(name for name in names.split("\0") if name)


def boundwise_diff():
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ["boundwise-diff.py", "boundwise-diff"]:
        path = os.path.join(here, name)
        if os.path.isfile(path):
            return path
    return shutil.which("boundwise-diff") or "boundwise-diff"


def main(argv):
    binary = []
    args = []
    for arg in argv:
        if arg.startswith("--boundwise-binary="):
            binary = ["-boundwise-binary=" + arg.split("=", 1)[1]]
        else:
            args.append(arg)
    # The files pre-commit passes come last.
    staged = staged_files()
    files = []
    while args and args[-1] in staged:
        files.insert(0, args.pop())
    if not any(arg.startswith("--warnings-as-errors") for arg in args):
        args.insert(0, "--warnings-as-errors=*")

    diff = subprocess.run(
        ["git", "diff", "--cached", "-U0", "--no-color", "--no-ext-diff",
         "--src-prefix=a/", "--dst-prefix=b/", "--"] + files,
        stdout=subprocess.PIPE, check=True).stdout
    command = [sys.executable, boundwise_diff(), "-p1"] + binary
    return subprocess.run(command + ["--"] + args, input=diff).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Runs boundwise on the lines a unified diff changes, as clang-tidy-diff does.

    git diff -U0 | boundwise-diff -p1 [options] [-- boundwise args]

Reads the diff on stdin, collects the added and changed lines of each C and
C++ file (the files matching -regex / -iregex), and runs boundwise once on
those files with a --line-filter naming these lines. The arguments after `--`
go to boundwise (options, then a `--` of their own and compile arguments if
wanted). Exits with boundwise's exit code, or 0 when the diff changes no
matching lines. Installed next to the boundwise binary, which it runs unless
-boundwise-binary names another; in the source tree it finds boundwise on
PATH.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

DEFAULT_IREGEX = r".*\.(c|cc|cpp|cxx|c\+\+|cp|h|hh|hpp|hxx|h\+\+|inc|ipp|tcc)"


def changed_lines(diff, strip, regex, iregex):
    """Returns {file: [[first, last], ...]} for the new side of the diff."""
    lines_by_file = {}
    filename = None
    for line in diff:
        match = re.match(r'^\+\+\+ "?(.*?)"?\s*$', line)
        if match:
            path = match.group(1).split("\t")[0]
            filename = None
            if path == "/dev/null":
                continue
            parts = path.split("/")
            if len(parts) <= strip:
                continue
            candidate = "/".join(parts[strip:])
            if regex and not re.fullmatch(regex, candidate):
                continue
            if not regex and not re.fullmatch(iregex, candidate,
                                              re.IGNORECASE):
                continue
            filename = candidate
            continue
        if filename is None:
            continue
        match = re.match(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
        if not match:
            continue
        first = int(match.group(1))
        count = int(match.group(2)) if match.group(2) is not None else 1
        # A hunk that only deletes lines adds none to look at.
        if count == 0:
            continue
        lines_by_file.setdefault(filename, []).append([first,
                                                       first + count - 1])
    return lines_by_file


def default_binary():
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "boundwise")
    if os.access(beside, os.X_OK) and not os.path.isdir(beside):
        return beside
    return shutil.which("boundwise") or "boundwise"


def main(argv):
    boundwise_args = []
    if "--" in argv:
        boundwise_args = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(
        description="Run boundwise on the lines a unified diff (on stdin) "
        "changes, as clang-tidy-diff does.")
    parser.add_argument("-p", metavar="NUM", type=int, default=0,
                        help="strip the smallest prefix containing NUM "
                        "slashes from file names (as patch -p)")
    parser.add_argument("-regex", metavar="PATTERN", default=None,
                        help="files to analyse (case-sensitive, a whole "
                        "match)")
    parser.add_argument("-iregex", metavar="PATTERN", default=DEFAULT_IREGEX,
                        help="files to analyse (case-insensitive, a whole "
                        "match; default: C and C++ sources and headers)")
    parser.add_argument("-path", metavar="DIR",
                        help="directory of compile_commands.json (boundwise "
                        "-p)")
    parser.add_argument("-j", metavar="N", type=int, default=0,
                        help="files analysed in parallel (boundwise -j)")
    parser.add_argument("-quiet", action="store_true",
                        help="no summary line (boundwise --quiet)")
    parser.add_argument("-boundwise-binary", metavar="PATH",
                        default=None, help="the boundwise to run")
    args = parser.parse_args(argv)

    lines_by_file = changed_lines(sys.stdin, args.p, args.regex, args.iregex)
    if not lines_by_file:
        print("boundwise-diff: no relevant changes found", file=sys.stderr)
        return 0

    files = sorted(lines_by_file)
    line_filter = json.dumps(
        [{"name": name, "lines": lines_by_file[name]} for name in files],
        separators=(",", ":"))
    options, compile_args = boundwise_args, None
    if "--" in options:
        compile_args = options[options.index("--"):]
        options = options[:options.index("--")]
    command = [args.boundwise_binary or default_binary()]
    if args.path:
        command.append("-p=" + args.path)
    if args.j:
        command.append("-j=%d" % args.j)
    if args.quiet:
        command.append("--quiet")
    command += options + ["--line-filter=" + line_filter] + files
    if compile_args:
        command += compile_args
    sys.stdout.flush()
    try:
        return subprocess.call(command)
    except OSError as error:
        print("boundwise-diff: cannot run %s: %s" % (command[0], error),
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""What a project's run costs beside analysing its files one by one: the
same compilation database timed side by side, every file of it analysed
alone (`boundwise -p DIR FILE...`) and as one project (`boundwise -p DIR`,
which summarises every file first, one more parse per file). Prints the
median wall time of each, their ratio, and the findings of each (a
project's run reports a root cause in another file once, so it may show
fewer).

The script reports and does not assert; it exits 2 only when boundwise is
missing or fails.

Usage: bench/project.py BUILD_DIR [--boundwise PATH] [--jobs N] [--runs N]
       [-- boundwise options...]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command):
    """Wall time of one run, and its stdout; None when it fails."""
    start = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
    elapsed = time.monotonic() - start
    # 1: findings that are errors; 2: a file could not be analysed.
    if done.returncode not in (0, 1):
        return None
    return elapsed, done.stdout


def findings(output):
    return sum(1 for line in output.splitlines() if ": warning: " in line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir")
    parser.add_argument("--boundwise",
                        default=os.path.join(REPO, "build", "bin", "boundwise"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    if not shutil.which(args.boundwise):
        print(f"no boundwise at {args.boundwise}", file=sys.stderr)
        return 2
    with open(os.path.join(args.build_dir, "compile_commands.json")) as db:
        files = sorted({os.path.normpath(os.path.join(e["directory"], e["file"]))
                        for e in json.load(db)})
    base = [args.boundwise, "-p", args.build_dir, "-j", str(args.jobs),
            "--use-color=false"] + extra
    modes = {"one by one": base + files, "as a project": base}
    times = {name: [] for name in modes}
    counts = {}
    for _ in range(args.runs):
        for name, command in modes.items():
            result = timed(command)
            if result is None:
                print(f"boundwise failed: {' '.join(command[:6])} ...",
                      file=sys.stderr)
                return 2
            times[name].append(result[0])
            counts[name] = findings(result[1])
    alone = statistics.median(times["one by one"])
    project = statistics.median(times["as a project"])
    print(f"{len(files)} files, median of {args.runs} runs, -j {args.jobs}")
    print(f"  one by one:   {alone:7.2f} s  {counts['one by one']} findings")
    print(f"  as a project: {project:7.2f} s  {counts['as a project']} findings")
    print(f"  ratio project / one by one: {project / alone:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How boundwise's cost grows with its input: a generated C file at 1x, 2x,
4x and 8x its size, timed side by side with clang -fsyntax-only on the same
file.

Each size holds N libuv timer callbacks that sleep, so N findings, and one
NOLINTBEGIN/NOLINTEND region around the first of them: the case where
finding NOLINT regions once per finding made the cost quadratic. For each
size the script prints the median wall time of both tools, the ratio
boundwise/clang, and the growth of boundwise's time against the size
before: about 2.0 per doubling is linear.

The script reports and does not assert; it exits 2 only when a tool is
missing or fails.

Usage: bench/scaling.py [--boundwise PATH] [--clang PATH] [--base N] [--runs N]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(path, count):
    """A C file of `count` timer callbacks that each sleep."""
    lines = ["#include <uv.h>", "#include <unistd.h>", "",
             "/* NOLINTBEGIN(blocking-in-async) */"]
    for i in range(count):
        lines += [f"static void on_tick_{i}(uv_timer_t *timer) {{",
                  "  (void)timer;",
                  f"  sleep({i % 3 + 1});",
                  "}"]
        if i == 0:
            lines.append("/* NOLINTEND(blocking-in-async) */")
    lines += ["", "void start(uv_loop_t *loop, uv_timer_t *timers) {"]
    lines += [f"  uv_timer_start(&timers[{i}], on_tick_{i}, 0, 0);"
              for i in range(count)]
    lines.append("}")
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def median_time(command, runs):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        done = subprocess.run(command, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        times.append(time.monotonic() - start)
        # boundwise exits 1 when it finds something; more is a failure.
        if done.returncode not in (0, 1):
            sys.stderr.write(" ".join(command) + "\n" + done.stderr[:2000])
            sys.exit(2)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundwise",
                        default=os.path.join(REPO, "build", "bin", "boundwise"))
    parser.add_argument("--clang", default="clang-22")
    parser.add_argument("--base", type=int, default=1000,
                        help="callbacks at 1x (default 1000)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for tool in (args.boundwise, args.clang):
        if not shutil.which(tool):
            sys.exit(f"scaling.py: cannot find {tool}")
    resource_dir = subprocess.run([args.clang, "-print-resource-dir"],
                                  capture_output=True, text=True).stdout.strip()
    print(f"{'size':>5} {'callbacks':>9} {'boundwise s':>12} {'clang s':>8}"
          f" {'time x':>7} {'growth':>7}")
    previous = None
    with tempfile.TemporaryDirectory() as work:
        for factor in (1, 2, 4, 8):
            count = args.base * factor
            source = os.path.join(work, f"timers_{factor}x.c")
            generate(source, count)
            flags = ["-std=gnu11", "-resource-dir", resource_dir]
            ours = median_time([args.boundwise, "--quiet", source, "--"] + flags,
                               args.runs)
            theirs = median_time([args.clang, "-fsyntax-only"] + flags + [source],
                                 args.runs)
            growth = f"{ours / previous:7.2f}" if previous else f"{'':>7}"
            print(f"{factor:>4}x {count:>9} {ours:>12.3f} {theirs:>8.3f}"
                  f" {ours / theirs:>7.2f} {growth}")
            previous = ours


if __name__ == "__main__":
    main()

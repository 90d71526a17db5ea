#!/usr/bin/env python3
"""Calls gil_demo.checksum (GIL held) and gil_demo.checksum_released (GIL
released) from 1 thread and from 4 threads, and prints the speedup of each
side by side.

Usage: threads.py <directory holding the built gil_demo module>
       [--tasks N] [--rounds R] [--repeat K]

The same work (N calls of R rounds each) is done by one thread, then shared
by 4 threads; the speedup is the one-thread time over the four-thread time,
best of K runs each. With the GIL held the calls run one at a time: about
1x. With it released they run in parallel: up to the number of cores.
"""

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def run(function, tasks, rounds, threads):
    """(wall time, CPU time of the process) of `tasks` calls of
    function(rounds) on `threads` threads."""
    start, cpu_start = time.perf_counter(), time.process_time()
    if threads == 1:
        results = [function(rounds) for _ in range(tasks)]
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(pool.map(function, [rounds] * tasks))
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    if len(set(results)) != 1:
        sys.exit("threads.py: the calls disagree: %s" % sorted(set(results)))
    return wall, cpu


def best(function, tasks, rounds, threads, repeat):
    """The run with the least wall time."""
    return min(run(function, tasks, rounds, threads) for _ in range(repeat))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module_dir")
    parser.add_argument("--tasks", type=int, default=8,
                        help="calls per measurement (default 8)")
    parser.add_argument("--rounds", type=int, default=100,
                        help="passes over the 1 MiB buffer per call "
                             "(default 100)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per measurement; the best counts "
                             "(default 3)")
    args = parser.parse_args()

    sys.path.insert(0, os.path.abspath(args.module_dir))
    import gil_demo  # noqa: E402  (built by run.sh into module_dir)

    gil_demo.checksum(1)  # make the buffer once, outside the measurements
    cores = os.cpu_count()
    usable = (len(os.sched_getaffinity(0))
              if hasattr(os, "sched_getaffinity") else cores)
    print("Python %s, %d cores (%d usable by this process); "
          "%d calls of %d rounds over 1 MiB, best of %d"
          % (sys.version.split()[0], cores, usable, args.tasks, args.rounds,
             args.repeat))
    print()
    print("%-18s %-9s %9s %10s %8s %12s" % ("function", "GIL", "1 thread",
                                            "4 threads", "speedup",
                                            "cores busy"))
    for name, gil in [("checksum", "held"), ("checksum_released", "released")]:
        function = getattr(gil_demo, name)
        one, _ = best(function, args.tasks, args.rounds, 1, args.repeat)
        four, four_cpu = best(function, args.tasks, args.rounds, 4,
                              args.repeat)
        print("%-18s %-9s %8.2fs %9.2fs %7.2fx %12.2f"
              % (name, gil, one, four, one / four, four_cpu / four))
    print()
    print("speedup: 1-thread time / 4-thread time. cores busy: CPU time / "
          "wall time of the 4-thread run (1.00 = one core at a time).")


if __name__ == "__main__":
    main()

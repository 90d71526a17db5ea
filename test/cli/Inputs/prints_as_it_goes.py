#!/usr/bin/env python3
"""Checks that boundwise prints a file's findings as soon as that file (and
those before it) is done, not at the end of the run:

    prints_as_it_goes.py DIR -- <boundwise command...>

DIR/first.cpp has a finding; DIR/second.cpp includes DIR/gate.h, a FIFO, so
its analysis waits until the FIFO is written. The first file's finding must
appear while the second still waits; then the FIFO is opened and written,
and the run must end with both files' findings, in order.
"""

import os
import subprocess
import sys
import threading


def main():
    root = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1:]
    gate = os.path.join(root, "gate.h")
    run = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    lines = []
    first_seen = threading.Event()

    def read():
        for line in run.stdout:
            lines.append(line)
            if "first.cpp" in line:
                first_seen.set()
    reader = threading.Thread(target=read)
    reader.start()
    printed_early = first_seen.wait(timeout=120)
    # Let the second file's analysis go on, early or not.
    with open(gate, "w") as fifo:
        fifo.write("void gate();\n")
    reader.join(timeout=120)
    run.wait(timeout=120)
    print("first file's findings before the second was done:",
          "yes" if printed_early else "no")
    sys.stdout.writelines(lines)


if __name__ == "__main__":
    main()

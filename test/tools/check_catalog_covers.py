#!/usr/bin/env python3
"""check_catalog_covers.py <list> <catalog-dir>

Checks that every function of <list> (one a line, `name()` and any notes
after it; `#` starts a comment) is a blocking entry of the catalog's
*.yaml files or is listed as left out, with a reason, in the table of the
catalog's README.md under "## POSIX cancellation points left out". Prints
the names that are neither, and those left out that the catalog has after
all, and fails then.

The catalog is read with PyYAML (python3-yaml)."""

import fnmatch
import glob
import os
import re
import sys

import yaml

LEFT_OUT_HEADING = "## POSIX cancellation points left out"


def listed_functions(path):
    names = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line.split("(", 1)[0].strip())
    return names


def blocking_names(directory):
    names = []
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        with open(path) as f:
            catalog = yaml.safe_load(f) or {}
        for entry in catalog.get("blocking", []):
            names += entry["names"]
    return names


def left_out(readme):
    reasons = {}
    with open(readme) as f:
        text = f.read()
    if LEFT_OUT_HEADING not in text:
        sys.exit("%s: no section '%s'" % (readme, LEFT_OUT_HEADING))
    section = text.split(LEFT_OUT_HEADING, 1)[1].split("\n## ", 1)[0]
    for row in re.findall(r"^\|(.+)\|(.*)\|\s*$", section, re.M):
        reason = row[1].strip()
        for name in re.findall(r"`([A-Za-z_0-9]+)`", row[0]):
            reasons[name] = reason
    return reasons


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    functions = listed_functions(sys.argv[1])
    catalog = blocking_names(sys.argv[2])
    reasons = left_out(os.path.join(sys.argv[2], "README.md"))

    def in_catalog(name):
        return any(fnmatch.fnmatchcase(name, entry) for entry in catalog)

    missing = [n for n in functions if not in_catalog(n) and n not in reasons]
    unexplained = [n for n in functions if n in reasons and not reasons[n]]
    contradicted = [n for n in functions if n in reasons and in_catalog(n)]
    for name in missing:
        print("missing: %s is neither a blocking entry nor left out in the "
              "README" % name)
    for name in unexplained:
        print("no reason: %s is left out without a reason" % name)
    for name in contradicted:
        print("contradiction: %s is a blocking entry and left out" % name)
    if missing or unexplained or contradicted:
        sys.exit(1)
    print("%d functions: %d in the catalog, %d left out"
          % (len(functions), len(functions) - len(reasons.keys() & set(functions)),
             len(reasons.keys() & set(functions))))


if __name__ == "__main__":
    main()

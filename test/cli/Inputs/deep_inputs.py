#!/usr/bin/env python3
"""Writes into DIR the inputs of deep-inputs.test, nested far deeper than
any real one (too large to keep in the repository):

    deep_inputs.py DIR

    flow/.boundwise.yaml      a flow sequence 30,000 levels deep
    block/.boundwise.yaml     block sequences 30,000 levels deep
    database/compile_commands.json   arguments 30,000 levels deep
    line-filter.rsp           a response file with a --line-filter
                              100,000 levels deep
    parsed.cpp                an expression 100,000 operators deep, which
                              clang parses given the stack
    crashed.cpp               100,000 nested unary operators, deeper than
                              clang's recursive parser can go
    {flow,block,database}/main.cpp and ordinary.cpp: a handler that sleeps
"""

import os
import sys

SLEEPS = ('extern "C" unsigned sleep(unsigned);\n'
          '[[clang::annotate("boundwise::async")]] void on_message() {\n'
          '  sleep(1);\n}\n')


def write(root, name, text):
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


def main():
    root = sys.argv[1]
    write(root, "flow/.boundwise.yaml",
          "Checks: '*'\nDisabledApis: " + "[" * 30000 + "]" * 30000 + "\n")
    write(root, "block/.boundwise.yaml",
          "Checks: '*'\nDisabledApis:\n  " + "- " * 30000 + "sleep\n")
    write(root, "database/compile_commands.json",
          '[{"directory": "/", "file": "x.cpp", "arguments": '
          + "[" * 30000 + "]" * 30000 + "}]\n")
    write(root, "line-filter.rsp",
          "--line-filter=" + "[" * 100000 + "]" * 100000 + "\n")
    write(root, "parsed.cpp",
          "int f() { return " + "+".join(["1"] * 100000) + "; }\n")
    write(root, "crashed.cpp",
          "int f(int x) { return " + "!" * 100000 + "x; }\n")
    for name in ["flow/main.cpp", "block/main.cpp", "database/main.cpp",
                 "ordinary.cpp"]:
        write(root, name, SLEEPS)


if __name__ == "__main__":
    main()

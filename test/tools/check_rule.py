#!/usr/bin/env python3
"""Runs one boundwise rule on a test file and checks the file's inline
expectations: our version of clang-tidy's check_clang_tidy.py.

Usage (lit's %check_rule supplies the two tool paths):

  check_rule.py --boundwise=BIN --filecheck=BIN
                [-check-suffix=S | -check-suffixes=S1,S2]
                <test file> <rule-name> <temp file>
                [-- <tool args> [-- <compiler args>]]

1. The test is copied to <temp file><ext of the test> with every
   `// CHECK-...:` comment replaced by a bare `//`: line numbers stay, and the
   expectations cannot match themselves.
2. boundwise runs with only the rule enabled:
     boundwise --checks=-*,<rule> --config={} <tool args> <temp> -- <compiler args>
   (`--config={}` is left out when the tool args set --config or
   --config-file).
   Exit code 0 is required, or 1 when the output holds error-severity
   findings of the rule (boundwise's exit code for errors).
3. Its output (stdout and stderr) is FileChecked against the test file:
   - CHECK-MESSAGES[-SUFFIX]: every warning and error must be matched
     (-implicit-check-not={{warning|error}}:);
   - CHECK-NOTES[-SUFFIX]: the same, and every note too;
   a file may not mix the two for one suffix. A file with neither must
   produce no diagnostic at all.
4. CHECK-FIXES[-SUFFIX]: with any, boundwise runs with --fix, and the fixed
   temp file is FileChecked against them with --match-full-lines (leading
   and trailing whitespace of a line is not compared).
"""

import os
import re
import subprocess
import sys


USAGE = ("usage: check_rule.py --boundwise=BIN --filecheck=BIN "
         "[-check-suffix=S | -check-suffixes=S1,S2] "
         "<test file> <rule-name> <temp file> "
         "[-- <tool args> [-- <compiler args>]]")

DIRECTIVE_SUFFIXES = r"(-NEXT|-SAME|-DAG|-NOT|-EMPTY|-LABEL|-COUNT-[0-9]+)?"


def fail(message):
    sys.exit("check_rule.py: error: " + message)


class Options:
    def __init__(self, argv):
        self.boundwise = None
        self.filecheck = "FileCheck"
        self.suffixes = [""]
        self.tool_args = []
        self.compiler_args = []
        positional = []

        try:
            first_sep = argv.index("--")
        except ValueError:
            first_sep = len(argv)
        for arg in argv[:first_sep]:
            name, _, value = arg.lstrip("-").partition("=")
            if arg.startswith("--boundwise="):
                self.boundwise = value
            elif arg.startswith("--filecheck="):
                self.filecheck = value
            elif arg.startswith("-") and name in ("check-suffix",
                                                  "check-suffixes"):
                self.suffixes = [s.strip() for s in value.split(",")]
            elif arg.startswith("-"):
                fail("unknown option %s\n%s" % (arg, USAGE))
            else:
                positional.append(arg)
        rest = argv[first_sep + 1:]
        if "--" in rest:
            sep = rest.index("--")
            self.tool_args = rest[:sep]
            self.compiler_args = rest[sep + 1:]
        else:
            self.tool_args = rest

        if len(positional) != 3:
            fail("expected <test file> <rule-name> <temp file>\n" + USAGE)
        if not self.boundwise:
            fail("--boundwise=<path of the boundwise binary> is required")
        self.input_file, self.rule, temp = positional
        for suffix in self.suffixes:
            if suffix and not re.fullmatch(r"[A-Z0-9\-]+", suffix):
                fail("only A..Z, 0..9 and '-' are allowed in check suffixes: "
                     "'%s'" % suffix)
        # The temp file keeps the test's extension: it tells the tool the
        # language (.c or .cpp).
        self.temp_file = temp + os.path.splitext(self.input_file)[1]


def has_prefix(text, prefix):
    return re.search(r"(?<![\w-])" + re.escape(prefix) + DIRECTIVE_SUFFIXES
                     + ":", text) is not None


def run(args, **kwargs):
    print("RUN:", " ".join(quote(a) for a in args))
    sys.stdout.flush()
    return subprocess.run(args, **kwargs)


def quote(arg):
    return arg if re.fullmatch(r"[\w@%+=:,./\-]+", arg) else repr(arg)


def check_fixes(opts, prefixes):
    """CHECK-FIXES: FileCheck the fixed file (the temp file after --fix)
    against the test with --match-full-lines."""
    with open(opts.temp_file, encoding="utf-8") as f:
        fixed = f.read()
    print("------------------------- the fixed file -------------------------")
    print(fixed, end="" if fixed.endswith("\n") or not fixed else "\n")
    print("------------------------------------------------------------------")
    sys.stdout.flush()
    result = run([opts.filecheck, "-input-file=" + opts.temp_file,
                  opts.input_file, "-check-prefixes=" + ",".join(prefixes),
                  "--match-full-lines"])
    if result.returncode != 0:
        fail("FileCheck failed for %s" % ",".join(prefixes))


def file_check(opts, messages_file, prefixes, implicit_not):
    result = run([opts.filecheck, "-input-file=" + messages_file,
                  opts.input_file, "-check-prefixes=" + ",".join(prefixes),
                  "-implicit-check-not=" + implicit_not])
    if result.returncode != 0:
        fail("FileCheck failed for %s" % ",".join(prefixes))


def main():
    opts = Options(sys.argv[1:])
    with open(opts.input_file, encoding="utf-8") as f:
        text = f.read()

    messages, notes, fixes = [], [], []
    for suffix in opts.suffixes:
        tail = "-" + suffix if suffix else ""
        has_messages = has_prefix(text, "CHECK-MESSAGES" + tail)
        has_notes = has_prefix(text, "CHECK-NOTES" + tail)
        if has_messages and has_notes:
            fail("CHECK-MESSAGES%s and CHECK-NOTES%s may not be mixed"
                 % (tail, tail))
        if has_messages:
            messages.append("CHECK-MESSAGES" + tail)
        if has_notes:
            notes.append("CHECK-NOTES" + tail)
        if has_prefix(text, "CHECK-FIXES" + tail):
            fixes.append("CHECK-FIXES" + tail)

    # Blank out the expectations, keeping every line where it was.
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)
    with open(opts.temp_file, "w", encoding="utf-8") as f:
        f.write(cleaned)

    tool_args = list(opts.tool_args)
    if not any(re.match(r"--?config(-file)?=", a) for a in tool_args):
        # Without a config of its own, a test must not see a .boundwise.yaml
        # found upward from the temp file.
        tool_args.append("--config={}")
    if fixes:
        tool_args.append("--fix")
    command = ([opts.boundwise, "--checks=-*," + opts.rule] + tool_args
               + [opts.temp_file, "--"] + opts.compiler_args)
    result = run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = result.stdout.decode("utf-8", errors="replace")
    print("------------------------ boundwise output ------------------------")
    print(output, end="" if output.endswith("\n") or not output else "\n")
    print("------------------------------------------------------------------")
    sys.stdout.flush()
    # boundwise exits 1 when it reports an error (README, "Exit codes"). That
    # is expected when the rule under test reports error-severity findings
    # (python-api-without-gil); FileCheck below still requires every one of
    # them to be expected.
    reported_errors = re.search(r"\berror: .*\[" + re.escape(opts.rule)
                                + r"\]\s*$", output, re.M)
    if result.returncode != 0 and not (result.returncode == 1
                                       and reported_errors):
        fail("boundwise exited with code %d" % result.returncode)

    if not messages and not notes:
        diagnostics = [l for l in output.splitlines()
                       if re.search(r"\b(warning|error|note):", l)]
        if diagnostics:
            fail("no diagnostics were expected (the test has no CHECK-MESSAGES "
                 "or CHECK-NOTES lines), but boundwise printed the ones above")
    else:
        messages_file = opts.temp_file + ".msg"
        with open(messages_file, "w", encoding="utf-8") as f:
            f.write(output)
        if messages:
            file_check(opts, messages_file, messages, "{{warning|error}}:")
        if notes:
            file_check(opts, messages_file, notes, "{{note|warning|error}}:")

    if fixes:
        check_fixes(opts, fixes)


if __name__ == "__main__":
    main()

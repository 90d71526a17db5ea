#!/usr/bin/env python3
"""Latency of boundwise-lsp against clangd-22 on the same files, side by side.

For each file and server, a fresh server process gets initialize, then
didOpen; the script times didOpen -> the first publishDiagnostics of that
version, then sends a didChange (a comment appended inside the file, after
the includes, so the preamble stays valid) and times it -> the
publishDiagnostics of the new version. Runs alternate between the servers
(A B, B A, ...) so drift on a shared machine hits both alike; medians are
reported.

Targets: first diagnostics no slower than clangd's (ratio <= 1.0),
re-diagnostics within 1.2x of clangd's.

Usage: bench/lsp_compare.py [--lsp PATH] [--clangd PATH] [--runs N]
"""

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASIO_FLAGS = ["-std=c++20", "-DBOOST_ASIO_HAS_CO_AWAIT",
              "-DBOOST_ASIO_HAS_STD_COROUTINE"]
FILES = [
    ("bench/inputs/asio_heavy.cpp", ASIO_FLAGS),
    ("examples/src/profile_server.cpp", ASIO_FLAGS),
]
FIRST_TARGET = 1.0
CHANGE_TARGET = 1.2


class Client:
    """One server process, with a reader thread that timestamps messages."""

    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.messages.put((time.monotonic(), json.loads(body)))

    def send(self, message):
        data = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, predicate, timeout=300):
        deadline = time.monotonic() + timeout
        while True:
            stamp, message = self.messages.get(
                timeout=max(0.0, deadline - time.monotonic()))
            if predicate(message):
                return stamp, message

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def diagnostics_of(uri, version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri
                      and m["params"].get("version") == version)


def measure(command, path, root):
    """Returns (seconds to first diagnostics, seconds to re-diagnostics)."""
    client = Client(command)
    uri = "file://" + path
    client.request("initialize", {"processId": os.getpid(),
                                  "rootUri": "file://" + root,
                                  "capabilities": {}})
    client.notify("initialized", {})
    with open(path) as f:
        text = f.read()
    start = time.monotonic()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    stamp, _ = client.wait(diagnostics_of(uri, 1))
    first = stamp - start
    # Append a comment at the end: the preamble stays valid.
    lines = text.count("\n")
    start = time.monotonic()
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": lines, "character": 0},
                                      "end": {"line": lines, "character": 0}},
                            "text": "// edited\n"}]})
    stamp, _ = client.wait(diagnostics_of(uri, 2))
    change = stamp - start
    client.close()
    return first, change


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lsp", default=os.path.join(REPO, "build", "bin",
                                                      "boundwise-lsp"))
    parser.add_argument("--clangd", default="clangd-22")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    clangd = shutil.which(args.clangd)
    if not os.path.exists(args.lsp) or not clangd:
        print("need %s and %s" % (args.lsp, args.clangd), file=sys.stderr)
        return 2

    root = tempfile.mkdtemp(prefix="boundwise-lsp-bench-")
    try:
        database = []
        paths = []
        for relative, flags in FILES:
            path = os.path.join(root, os.path.basename(relative))
            shutil.copy(os.path.join(REPO, relative), path)
            paths.append((relative, path))
            database.append({"directory": root, "file": path,
                             "arguments": ["clang++"] + flags + ["-c", path]})
        with open(os.path.join(root, "compile_commands.json"), "w") as f:
            json.dump(database, f)
        servers = {
            "boundwise-lsp": [args.lsp, "--compile-commands-dir=" + root,
                              "-log=error"],
            "clangd-22": [clangd, "--compile-commands-dir=" + root,
                          "--background-index=false", "--log=error",
                          "--clang-tidy=false"],
        }
        names = list(servers)
        print("%-32s %-14s %9s %9s %9s %9s" % (
            "file", "server", "open s", "", "change s", ""))
        for relative, path in paths:
            samples = {name: ([], []) for name in names}
            for run in range(args.runs):
                order = names if run % 2 == 0 else names[::-1]
                for name in order:
                    first, change = measure(servers[name], path, root)
                    samples[name][0].append(first)
                    samples[name][1].append(change)
            medians = {name: (statistics.median(samples[name][0]),
                              statistics.median(samples[name][1]))
                       for name in names}
            for name in names:
                print("%-32s %-14s %9.3f %9s %9.3f %9s" % (
                    relative, name, medians[name][0], "", medians[name][1], ""))
            ours, theirs = medians["boundwise-lsp"], medians["clangd-22"]
            first_ratio = ours[0] / theirs[0]
            change_ratio = ours[1] / theirs[1]
            print("%-32s %-14s %9.2fx %-8s %9.2fx %-8s" % (
                "", "ratio", first_ratio,
                "ok" if first_ratio <= FIRST_TARGET else "OVER",
                change_ratio,
                "ok" if change_ratio <= CHANGE_TARGET else "OVER"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

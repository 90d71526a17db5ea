#!/usr/bin/env python3
"""What an editor session costs the language server: its resident memory
and threads before any document is open, with N documents open and
analysed, and after they are all closed, as `ps` would show them.

    bench/lsp_open_close.py [--server build/bin/boundwise-lsp] [-j N] 20 400

Each document is a small C++ file of its own in a temporary folder that
includes <string>, <vector> and <map>, so that each has a real preamble.
Prints one line per count:

    files  RSS before  RSS open  RSS closed  threads before/open/closed
"""

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "test",
                                "tools"))
from lsp_client import Client, thread_count  # noqa: E402

SOURCE = """#include <map>
#include <string>
#include <vector>
extern "C" unsigned sleep(unsigned);
[[clang::annotate("boundwise::async")]] void handler_%d() { sleep(1); }
"""


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def session(server, jobs, count):
    folder = tempfile.mkdtemp(prefix="boundwise-bench-")
    command = [server] + (["-j", str(jobs)] if jobs else [])
    client = Client(command + ["-log=error"])
    client.request(0, "initialize", {"capabilities": {}})
    client.notify("initialized", {})
    pid = client.server.pid
    samples = [(rss_mb(pid), thread_count(pid))]
    uris = []
    for i in range(count):
        path = os.path.join(folder, "file%d.cpp" % i)
        with open(path, "w") as f:
            f.write(SOURCE % i)
        uri = "file://" + path
        uris.append(uri)
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1,
            "text": SOURCE % i}})
    client.request(1, "sync")
    samples.append((rss_mb(pid), thread_count(pid)))
    for uri in uris:
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.request(2, "sync")
    samples.append((rss_mb(pid), thread_count(pid)))
    client.request(3, "shutdown")
    client.notify("exit", None)
    client.server.wait(timeout=60)
    return samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.path.join(
        os.path.dirname(__file__), "..", "build", "bin", "boundwise-lsp"))
    parser.add_argument("-j", type=int, default=0)
    parser.add_argument("counts", type=int, nargs="+")
    args = parser.parse_args()
    print("%6s %12s %12s %12s %s" % ("files", "RSS before", "RSS open",
                                     "RSS closed", "threads b/o/c"))
    for count in args.counts:
        (r0, t0), (r1, t1), (r2, t2) = session(args.server, args.j, count)
        print("%6d %9.0f MB %9.0f MB %9.0f MB %d/%d/%d"
              % (count, r0, r1, r2, t0, t1, t2))


if __name__ == "__main__":
    main()

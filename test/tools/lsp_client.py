#!/usr/bin/env python3
"""A minimal LSP client over a server's stdin and stdout, with
Content-Length framing, for tests and benchmarks that drive a server as an
editor does: notifications sent without waiting, requests awaited, every
message the server sends kept in order (None marks the end of its output).
"""

import json
import subprocess
import sys
import threading


class Client:
    def __init__(self, command):
        self.server = subprocess.Popen(command, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE)
        self.messages = []
        self.replied = threading.Condition()
        self.reader = threading.Thread(target=self.read)
        self.reader.start()

    def read(self):
        out = self.server.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self.replied:
                        self.messages.append(None)
                        self.replied.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(out.read(length))
            with self.replied:
                self.messages.append(message)
                self.replied.notify_all()

    def send(self, message):
        message["jsonrpc"] = "2.0"
        self.send_body(json.dumps(message).encode())

    def send_body(self, body):
        """Sends body, the bytes of one message, as they are."""
        self.server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body)
                                + body)
        self.server.stdin.flush()

    def wait_for(self, predicate, what):
        """Waits until a message the server sent satisfies predicate."""
        with self.replied:
            ok = self.replied.wait_for(
                lambda: any(m is None or predicate(m)
                            for m in self.messages), timeout=600)
        if not ok or not any(m is not None and predicate(m)
                             for m in self.messages):
            sys.exit("lsp_client: no %s" % what)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, id, method, params=None):
        self.send({"id": id, "method": method, "params": params})
        self.wait_for(lambda m: m.get("id") == id, "reply to " + method)


def thread_count(pid):
    """The number of threads of process pid, from /proc."""
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return 0

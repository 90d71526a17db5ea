// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Blocking reached through calls: chains, recursion, templates, and the
// calls whose target cannot be seen (virtual, function pointers).

#include <coroutine>
#include <functional>

#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A chain of three calls down to recv.

static int readFrame(int fd, char *buf) { return (int)recv(fd, buf, 16, 0); }
static int readHeader(int fd, char *buf) { return readFrame(fd, buf); }
static int readMessage(int fd, char *buf) { return readHeader(fd, buf) + 1; }

Task serveChain(int fd) {
  char buf[16];
  readMessage(fd, buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'serveChain' is a coroutine, but 'readMessage' blocks on the network (recv) and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  co_return;
}

// The same depth without a blocking leaf.
static int parseFrame(const char *buf) { return buf[0]; }
static int parseHeader(const char *buf) { return parseFrame(buf) + 1; }
static int parseMessage(const char *buf) { return parseHeader(buf) + 1; }

Task parseChain() {
  char buf[16] = {};
  parseMessage(buf);
  co_return;
}

// Each category of blocking through a helper.

static void doze() { usleep(100); }
static void loadFile(FILE *f, char *buf) { fread(buf, 1, 16, f); }

Task categories(FILE *f) {
  char buf[16];
  doze();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'categories' is a coroutine, but 'doze' sleeps (usleep) and stalls the event loop; {{.+}} [blocking-in-async]
  loadFile(f, buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'categories' is a coroutine, but 'loadFile' blocks on file I/O (fread) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// Mutual recursion that blocks at the bottom: the analysis terminates and
// finds the sleep.

void ping(int n);
void pong(int n) {
  if (n > 0)
    ping(n - 1);
  else
    sleep(1);
}
void ping(int n) {
  if (n > 0)
    pong(n - 1);
}

Task recursive() {
  ping(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recursive' is a coroutine, but 'ping' sleeps (sleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// Mutual and self recursion that never blocks.

bool isOdd(unsigned n);
bool isEven(unsigned n) { return n == 0 ? true : isOdd(n - 1); }
bool isOdd(unsigned n) { return n == 0 ? false : isEven(n - 1); }
unsigned factorial(unsigned n) { return n < 2 ? 1 : n * factorial(n - 1); }

Task recursiveQuiet() {
  isEven(10);
  factorial(5);
  co_return;
}

// Templates: the call is dependent, and only one instantiation blocks.

struct SocketSource {
  int fd;
  int pull() {
    char c;
    return (int)recv(fd, &c, 1, 0);
  }
};
struct MemorySource {
  const char *data;
  int pull() { return *data; }
};

template <class Source> int drain(Source &source) { return source.pull(); }

Task drainSocket(SocketSource source) {
  drain(source);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'drainSocket' is a coroutine, but 'drain' blocks on the network (recv) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task drainMemory(MemorySource source) {
  drain(source);
  co_return;
}

// A coroutine template: only the blocking instantiation is reported, once.
template <class Source> Task pump(Source source) {
  source.pull();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'pump' is a coroutine, but 'SocketSource::pull' blocks on the network (recv) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// Awaited by a coroutine: each instantiation runs where its caller does.
Task startPumps(SocketSource s, MemorySource m) {
  pump(s);
  pump(m);
  co_return;
}

// A dependent call to a blocking function template.
template <class T> void nap(T seconds) { sleep(seconds); }
template <class T> void idle(T) {}

Task napTemplate() {
  nap(1u);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'napTemplate' is a coroutine, but 'nap' sleeps (sleep) and stalls the event loop; {{.+}} [blocking-in-async]
  idle(1u);
  co_return;
}

// Virtual calls without one visible target are not followed.

struct Source {
  virtual ~Source() = default;
  virtual int next() = 0;
};
struct BlockingSource : Source {
  int next() override { return (int)sleep(1); }
};
struct CountingSource : Source {
  int count = 0;
  int next() override { return ++count; }
};

Task virtualCall(Source &source) {
  source.next();
  co_return;
}

// With one visible target, a virtual call is followed: a final class, or a
// qualified call.
struct FinalBlockingSource final : Source {
  int next() override { return (int)usleep(1); }
};

Task finalCall(FinalBlockingSource &source, BlockingSource &blocking) {
  source.next();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'finalCall' is a coroutine, but 'FinalBlockingSource::next' sleeps (usleep) and stalls the event loop; {{.+}} [blocking-in-async]
  blocking.BlockingSource::next();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'finalCall' is a coroutine, but 'BlockingSource::next' sleeps (sleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// Calls through a function pointer or a std::function are not followed.

Task throughPointer(void (*callback)(int)) {
  callback(1);
  co_return;
}

Task throughFunction(std::function<void()> &callback) {
  callback();
  co_return;
}

void useCallbacks() {
  auto *callback = +[](int n) { sleep(n); };
  throughPointer(callback);
}

// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// The evidence chain: one note per further step of the chain, ending at the
// blocking call. CHECK-NOTES also fails on any note not listed here. Each
// context comes first and the functions it calls follow in chain order, so
// that the expectations are in the order boundwise prints them.

#include <coroutine>
#include <fstream>

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

// A direct call has no further step, so no note.
Task direct() {
  sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'direct' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  co_return;
}

// A chain of three calls.

static int readMessage(int fd, char *buf);
static int readHeader(int fd, char *buf);
static int readFrame(int fd, char *buf);

Task serve(int fd) {
  char buf[16];
  readMessage(fd, buf);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'serve' is a coroutine, but 'readMessage' blocks on the network (recv) and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  co_return;
}

static int readMessage(int fd, char *buf) {
  return readHeader(fd, buf) + 1;
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'readMessage' calls 'readHeader'{{$}}
}
static int readHeader(int fd, char *buf) {
  return readFrame(fd, buf);
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'readHeader' calls 'readFrame'{{$}}
}
static int readFrame(int fd, char *buf) {
  return (int)recv(fd, buf, 16, 0);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'readFrame' calls 'recv', which {{.+}} (blocking network I/O){{$}}
}

// Mutual recursion: the chain is the path to the sleep, without going round.

void ping(int n);
void pong(int n);

Task recursive() {
  ping(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'recursive' is a coroutine, but 'ping' sleeps (sleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

void ping(int n) {
  if (n > 0)
    pong(n - 1);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'ping' calls 'pong'{{$}}
}
void pong(int n) {
  if (n > 0)
    ping(n - 1);
  else
    sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'pong' calls 'sleep', which sleeps (a blocking sleep){{$}}
}

// Through a template instantiation and a method.

struct SocketSource {
  int fd;
  int pull();
};
template <class Source> int drain(Source &source);

Task drainSocket(SocketSource source) {
  drain(source);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'drainSocket' is a coroutine, but 'drain' blocks on the network (recv) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

template <class Source> int drain(Source &source) {
  return source.pull();
  // CHECK-NOTES: :[[@LINE-1]]:17: note: 'drain' calls 'SocketSource::pull'{{$}}
}
int SocketSource::pull() {
  char c;
  return (int)recv(fd, &c, 1, 0);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'SocketSource::pull' calls 'recv', which {{.+}} (blocking network I/O){{$}}
}

// Through a constructor that opens a file.

struct Settings {
  Settings();
};

Task loadSettings() {
  Settings settings;
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'loadSettings' is a coroutine, but 'Settings::Settings' blocks on file I/O (std::ifstream) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Settings::Settings() {
  std::ifstream in("settings.ini");
  // CHECK-NOTES: :[[@LINE-1]]:17: note: 'Settings::Settings' calls 'std::ifstream', which opens a file (blocking file I/O){{$}}
}

// Through a function marked [[clang::blocking]], which has no body here.

void flushJournal() [[clang::blocking]];
static void journal();

Task annotatedChain() {
  journal();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'annotatedChain' is a coroutine, but 'journal' calls a function declared {{\[\[}}clang::blocking{{\]\]}} (flushJournal) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

static void journal() {
  flushJournal();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'journal' calls 'flushJournal', which {{.+}}{{$}}
}

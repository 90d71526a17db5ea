// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// What the project says in code: [[clang::annotate("boundwise::async")]]
// marks an async entry point; Clang's function-effect attributes
// [[clang::blocking]] and [[clang::nonblocking]] say whether a function
// blocks.

#include <coroutine>

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

// Entry points marked boundwise::async.

[[clang::annotate("boundwise::async")]] void onMessage(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onMessage' is marked boundwise::async, but it calls 'recv', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
}

// The unannotated twin.
void onMessagePlain(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
}

// Another annotation is not ours.
[[clang::annotate("boundwise::sync")]] void onMessageOther(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
}

// The annotation on an earlier declaration only.
[[clang::annotate("boundwise::async")]] void onEvent(unsigned seconds);

void onEvent(unsigned seconds) {
  sleep(seconds);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onEvent' is marked boundwise::async, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
}

// The GNU spelling.
__attribute__((annotate("boundwise::async"))) void onSignal(int) {
  usleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onSignal' is marked boundwise::async, but it calls 'usleep', which sleeps {{.+}} [blocking-in-async]
}

// A method annotated in its class and defined out of line.
struct Server {
  [[clang::annotate("boundwise::async")]] void onData(int fd);
  void onDataPlain(int fd);
};

void Server::onData(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Server::onData' is marked boundwise::async, but it calls 'recv', which {{.+}} [blocking-in-async]
}

void Server::onDataPlain(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
}

// [[clang::blocking]]: the project's own blocking functions, with or
// without a body.

void flushJournal() [[clang::blocking]];
void compact() [[clang::blocking]] {}
void flushCache();

Task writeJournal() {
  flushJournal();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'writeJournal' is a coroutine, but it calls 'flushJournal', which {{.+}} and stalls the event loop; {{.+}} [blocking-in-async]
  compact();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'writeJournal' is a coroutine, but it calls 'compact', which {{.+}} and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A function with no body and no attribute is unknown, not blocking.
Task writeCache() {
  flushCache();
  co_return;
}

static void journal() { flushJournal(); }

Task writeJournalIndirectly() {
  journal();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'writeJournalIndirectly' is a coroutine, but 'journal' calls a function declared {{\[\[}}clang::blocking{{\]\]}} (flushJournal) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// [[clang::nonblocking]]: the project vouches for the function; what its
// body calls is not followed.

void fastPath() [[clang::nonblocking]] { usleep(1); }
void declaredFast() [[clang::nonblocking]];
void declaredFast() { sleep(1); }
void slowPath() { usleep(1); }

Task trusted() {
  fastPath();
  declaredFast();
  co_return;
}

Task untrusted() {
  slowPath();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'untrusted' is a coroutine, but 'slowPath' {{.+}} (usleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Where a coroutine runs decides whether it is async, not that it is one: a
// generator runs on the thread that iterates it, a task driven from main
// runs on main's thread. Each quiet case is next to the twin that runs on
// an event loop.

#include <coroutine>
#include <stdio.h>
#include <unistd.h>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  void wait() {}
};

// A hand-written generator: its promise yields values.
struct Lines {
  struct promise_type {
    const char *current = nullptr;
    Lines get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const char *line) {
      current = line;
      return {};
    }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool next() { return false; }
};

// A generator reading a file on a plain thread: synchronous code.
Lines readLines(FILE *in) {
  static char buf[256];
  while (fgets(buf, sizeof buf, in))
    co_yield buf;
}

// A task reading the same file: nothing drives it synchronously, so it runs
// where tasks run, on an event loop.
Task readAll(FILE *in) {
  char buf[256];
  fgets(buf, sizeof buf, in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'readAll' is a coroutine, but it calls 'fgets', which {{.+}} and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A task the tests drive synchronously from main: it runs on main's thread.
Task retryLater() {
  sleep(1);
  co_return;
}

// A plain helper that hands a task to a scheduler does not run it: the
// task on the event loop that calls the helper does not block.
void launch(Task task);
void scheduleRetry() { launch(retryLater()); }

Task onTick() {
  co_await std::suspend_always{};
  scheduleRetry();
  co_return;
}

// The same work awaited by a task on the event loop is found where it is,
// in the awaited task, not again in the one that awaits it.
Task backOff() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'backOff' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task serve() {
  co_await std::suspend_always{};
  backOff();
  co_return;
}

// A plain function that only makes a task leaves its place to the task's
// starter: it does not drive the task.
Task reconnect() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reconnect' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task makeReconnect() { return reconnect(); }

int main() {
  Lines lines = readLines(stdin);
  while (lines.next()) {
  }
  retryLater().wait();
  return 0;
}

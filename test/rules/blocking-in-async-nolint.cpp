// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// NOLINT and NOLINTNEXTLINE, as in clang-tidy: without a list, or with a
// list naming the rule, they suppress; naming another rule, they do not.

#include <coroutine>

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

static void nap() { sleep(1); }

Task suppressions() {
  sleep(1); // NOLINT(blocking-in-async)
  sleep(2); // NOLINT
  sleep(3); // NOLINT(cpu-in-async, blocking-in-async)
  // NOLINTNEXTLINE(blocking-in-async)
  sleep(4);
  // NOLINTNEXTLINE
  sleep(5);
  nap(); // NOLINT(blocking-in-async)

  sleep(6); // NOLINT(cpu-in-async)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'suppressions' is a coroutine, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  // NOLINTNEXTLINE(cpu-in-async)
  sleep(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'suppressions' is a coroutine, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  nap(); // NOLINT(io-holding-gil)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'suppressions' is a coroutine, but 'nap' {{.+}} (sleep) {{.+}} [blocking-in-async]

  // NOLINTNEXTLINE(blocking-in-async)

  sleep(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'suppressions' is a coroutine, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  co_return;
}

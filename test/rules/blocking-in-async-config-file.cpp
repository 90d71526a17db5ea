// A .boundwise.yaml given with --config-file: it marks an entry point and
// switches a catalog entry off. Without it, the same code is judged by the
// catalog alone (and the fixture's coroutine type, given with --config).

// RUN: rm -rf %t && split-file %s %t
// RUN: %check_rule -check-suffix=FILE %t/main.cpp blocking-in-async %t/main.tmp -- \
// RUN:   --config-file=%t/project/.boundwise.yaml -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=NONE %t/main.cpp blocking-in-async %t/main.tmp -- \
// RUN:   %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

//--- project/.boundwise.yaml
Catalog:
  async-entry-points: [app::onTick]
  coroutine-types: [{names: [Task]}]
DisabledApis: [sleep]

//--- main.cpp
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

namespace app {
void onTick() {
  sleep(1);
  usleep(10);
  // CHECK-MESSAGES-FILE: :[[@LINE-1]]:3: warning: 'onTick' is an async entry point, but it calls 'usleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
}

void onTock() { usleep(10); }
} // namespace app

Task coroutine() {
  sleep(1);
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: 'coroutine' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  usleep(10);
  // CHECK-MESSAGES-FILE: :[[@LINE-1]]:3: warning: 'coroutine' is a coroutine, but it calls 'usleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: 'coroutine' is a coroutine, but it calls 'usleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

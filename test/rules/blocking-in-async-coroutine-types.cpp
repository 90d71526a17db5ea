// RUN: %check_rule -check-suffix=UNKNOWN %s blocking-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=DECLARED %s blocking-in-async %t -- \
// RUN:   --config="{Catalog: {coroutine-types: [{names: [app::Task]}]}}" -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Where a coroutine that nothing here starts or awaits runs is up to its
// return type. A task type the catalog does not know says nothing, and the
// coroutine stays quiet (UNKNOWN); once the project declares it a task in
// its configuration, its coroutines run on an event loop (DECLARED).

#include <coroutine>
#include <unistd.h>

namespace app {
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task poll_sensors() {
  usleep(100);
  // CHECK-MESSAGES-DECLARED: :[[@LINE-1]]:3: warning: 'poll_sensors' is a coroutine, but it calls 'usleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}
} // namespace app

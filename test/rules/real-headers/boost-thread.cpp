// REQUIRES: real-boost-thread
// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20

// Boost.Thread's sleeps as installed (libboost-thread-dev): inline templates
// in boost::this_thread that call the hidden and no_interruption_point forms.

#include <coroutine>

#include <boost/chrono.hpp>
#include <boost/thread/thread.hpp>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task backOff() {
  boost::this_thread::sleep(boost::posix_time::milliseconds(50));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'backOff' is a coroutine, but it calls 'boost::this_thread::sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  boost::this_thread::sleep_for(boost::chrono::milliseconds(50));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'backOff' is a coroutine, but it calls 'boost::this_thread::sleep_for', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task giveWay() {
  boost::this_thread::yield();
  co_return;
}

// REQUIRES: real-libstdcxx
// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20

// The C++ standard library as installed (libstdc++): condition_variable in
// the inline namespace std::_V2, future's waits declared in a base class
// (named by the object's class), basic_ifstream behind the ifstream typedef
// and its constructors told apart, reads of an open file stream, std::thread's
// constructor whose body (in the header) starts the callable.

#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <fstream>
#include <future>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task waits(std::condition_variable &cv, std::unique_lock<std::mutex> &lock,
           std::future<int> &result) {
  cv.wait_for(lock, 0ms);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'waits' is a coroutine, but it calls 'std::condition_variable::wait', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  if (result.wait_for(0ms) == std::future_status::ready)
    co_return;
  result.wait_for(100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'waits' is a coroutine, but it calls 'std::future::wait_for', which {{.+}} [blocking-in-async]
  int value = result.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'waits' is a coroutine, but it calls 'std::future::get', which {{.+}} [blocking-in-async]
  (void)value;
}

Task files() {
  std::ifstream unopened;
  std::ifstream config("app.conf");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'files' is a coroutine, but it calls 'std::ifstream', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  std::ifstream named(std::string("app.conf"));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'files' is a coroutine, but it calls 'std::ifstream', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  std::ifstream adopted(std::move(config));
  co_return;
}

Task reads(std::ifstream &journal, std::istringstream &script) {
  std::string line;
  int value = 0;
  char block[64];
  std::getline(journal, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reads' is a coroutine, but it calls 'std::getline', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
  journal >> value;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'reads' is a coroutine, but it calls 'std::basic_ifstream::operator>>', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
  journal >> line;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'reads' is a coroutine, but it calls 'std::operator>>', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
  journal.read(block, sizeof block);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'reads' is a coroutine, but it calls 'std::basic_ifstream::read', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
  std::getline(script, line);
  script >> value;
  script >> line;
  script.read(block, sizeof block);
  co_return;
}

Task sleeps() {
  std::thread worker([] { std::this_thread::sleep_for(1s); });
  worker.detach();
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleeps' is a coroutine, but it calls 'std::this_thread::sleep_for', which sleeps {{.+}} [blocking-in-async]
  co_return;
}

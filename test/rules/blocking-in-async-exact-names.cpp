// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// A catalog name matches the library's function only: a C name matches an
// extern "C" or system-header declaration, never a function the project
// writes itself; a constructor entry covers the overloads its `params:` name
// (a file name opens a file, a moved stream does not); a member matches by
// the class of the object it is called on.

#include <chrono>
#include <coroutine>
#include <fstream>
#include <future>
#include <utility>

#include <sys/wait.h>
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

// POSIX wait(int *) reaps a child.
Task reapChild() {
  int status = 0;
  wait(&status);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reapChild' is a coroutine, but it calls 'wait', which waits for a child process and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// The project's own wait(int), an overload with a body: a tick counter.
static int wait(int ticks) { return ticks + 1; }

Task countTicks() {
  wait(3);
  co_return;
}

// A project's extern "C" function with its own body is the project's too.
extern "C" int pause() { return 0; }

Task pauseGame() {
  pause();
  co_return;
}

// The constructor with a file name opens the file.
Task openConfig() {
  std::ifstream config("app.conf");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'openConfig' is a coroutine, but it calls 'std::ifstream', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// The move constructor takes over a stream opened elsewhere.
Task adoptConfig(std::ifstream &&opened) {
  std::ifstream config(std::move(opened));
  co_return;
}

Task noStream() {
  std::ifstream unopened;
  co_return;
}

// A member matches by its object's class: the mock <future>, like
// libstdc++, declares future::wait in a base class, std::__basic_future;
// the entry names std::future::wait, and a class derived from std::future
// inherits it.
Task awaitResult(std::future<int> &result) {
  result.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'awaitResult' is a coroutine, but it calls 'std::future::wait', which waits for a future's result and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

class Reply : public std::future<int> {};

Task awaitReply(Reply &reply) {
  reply.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'awaitReply' is a coroutine, but it calls 'Reply::wait', which waits for a future's result and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A derived class's own wait() hides the library's.
class Batch : public std::future<int> {
public:
  void wait() { ++Polls; }
  int Polls = 0;
};

Task pollBatch(Batch &batch) {
  batch.wait();
  co_return;
}

// A zero timeout is one the catalog lists (std::chrono::duration::zero); a
// project's own zero() is not: this back-off starts at 50 ms.
struct Backoff {
  static std::chrono::milliseconds zero() { return std::chrono::milliseconds(50); }
};

Task pollResult(std::future<int> &result) {
  result.wait_for(std::chrono::milliseconds::zero());
  result.wait_until(std::chrono::steady_clock::now());
  co_return;
}

Task backOffResult(std::future<int> &result) {
  result.wait_for(Backoff::zero());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'backOffResult' is a coroutine, but it calls 'std::future::wait_for', which waits for a future's result and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

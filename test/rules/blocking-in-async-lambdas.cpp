// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Lambdas: one that runs in place is part of its async context; one handed to
// a thread, a pool or libuv's work queue runs elsewhere.

#include <boost/asio.hpp>
#include <coroutine>
#include <future>
#include <thread>

#include <unistd.h>
#include <uv.h>

namespace asio = boost::asio;

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// Lambdas that run in the coroutine.

Task immediatelyInvoked() {
  [] { sleep(1); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'immediatelyInvoked' is a coroutine, but '{{[^']+}}' {{.+}} (sleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task namedThenCalled() {
  auto nap = [] { usleep(10); };
  nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'namedThenCalled' is a coroutine, but '{{[^']+}}' {{.+}} (usleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task nestedLambdas() {
  auto outer = [] {
    auto inner = [] { sleep(1); };
    inner();
  };
  outer();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nestedLambdas' is a coroutine, but '{{[^']+}}' {{.+}} (sleep) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A lambda that is only created, never called, does not run here.
Task lambdaNotCalled() {
  auto later = [] { sleep(1); };
  (void)later;
  co_return;
}

// Lambdas that run on another thread.

Task offloadThread() {
  std::thread worker([] { sleep(1); });
  worker.detach();
  co_return;
}

Task offloadAsync() {
  auto result = std::async(std::launch::async, [] {
    sleep(1);
    return 1;
  });
  (void)result;
  co_return;
}

Task offloadPool(asio::thread_pool &pool) {
  asio::post(pool, [] { sleep(1); });
  asio::post(pool.get_executor(), [] { sleep(2); });
  co_return;
}

// Inside a completion handler: the same three shapes.

void handlerNesting(asio::steady_timer &timer, asio::thread_pool &pool) {
  timer.async_wait([&pool](const boost::system::error_code &) {
    asio::post(pool, [] { sleep(1); });
    std::thread([] { sleep(2); }).detach();
    [] { usleep(5); }();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'async_wait' is a completion handler, but '{{[^']+}}' {{.+}} (usleep) and stalls the event loop; {{.+}} [blocking-in-async]
  });
}

// libuv's work queue: work_cb runs on the pool, after_work_cb on the loop.

void queueWork(uv_loop_t *loop, uv_work_t *req) {
  uv_queue_work(loop, req,
                [](uv_work_t *) { sleep(1); },
                [](uv_work_t *, int) {
                  sleep(2);
                  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the lambda passed to 'uv_queue_work' is an event-loop callback, but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
                });
}

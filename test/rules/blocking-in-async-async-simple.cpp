// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// async_simple's Lazy runs where it is started: via(executor) or start(cb)
// on it starts it on an executor, syncAwait drives it on the calling thread
// (a test's, main's).

#include <async_simple/coro/Lazy.h>
#include <unistd.h>

using async_simple::coro::Lazy;

// Started on the server's executor from a plain function: event-loop code.
Lazy<void> serveConnection() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'serveConnection' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// Started with a callback: it runs where its first awaited operation
// completes, on the event loop.
Lazy<void> acceptLoop() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'acceptLoop' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

void startServer(async_simple::Executor *executor) {
  serveConnection().via(executor).detach();
  acceptLoop().start([](auto &&) {});
}

// A pause that waits on the executor's timer and sleeps only where there is
// no executor, as async_simple's own sleep does: a Lazy on the event loop
// was started there with its executor, so the sleep does not run there.
Lazy<void> timerOn(async_simple::Executor *ex, int ms);

Lazy<void> pause(int ms) {
  auto *ex = co_await async_simple::CurrentExecutor();
  if (!ex) {
    usleep(ms * 1000);
    co_return;
  }
  co_await timerOn(ex, ms);
}

Lazy<void> throttledConnection() {
  co_await pause(10);
}

// Its twin sleeps when there is an executor: reported, in the awaited
// coroutine.
Lazy<void> pauseBackwards(int ms) {
  if (auto *ex = co_await async_simple::CurrentExecutor(); ex != nullptr) {
    usleep(ms * 1000);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pauseBackwards' is a coroutine, but it calls 'usleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
    co_return;
  }
}

Lazy<void> backwardsConnection() {
  co_await pauseBackwards(10);
}

// An awaited coroutine reports its own finding, also when a constant the
// awaiting one passes decides its branches: no repeat at the co_await.
Lazy<void> readPart(bool throttled) {
  if (throttled)
    usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'readPart' is a coroutine, but it calls 'usleep', {{.+}} [blocking-in-async]
  co_return;
}

Lazy<void> upload() {
  co_await readPart(true);
}

void startThrottled(async_simple::Executor *executor) {
  throttledConnection().via(executor).detach();
  backwardsConnection().via(executor).detach();
  upload().via(executor).detach();
}

// Driven synchronously by a test: it runs on the test's thread.
Lazy<void> downloadFixture() {
  sleep(1);
  co_return;
}

int main() {
  async_simple::coro::syncAwait(downloadFixture());
  return 0;
}

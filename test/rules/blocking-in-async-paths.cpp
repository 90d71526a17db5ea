// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Paths that do not run: a branch a constant argument (a default argument
// too) rules out at the call, a guard that returns early for a null
// executor the caller never passes, and cold paths that end in a failure
// (abort(), a [[noreturn]] function of the project). Each has its twin
// that runs.

#include <coroutine>

#include <stdlib.h>
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

// A default argument that switches the blocking branch off.

static void nap(bool wait = false) {
  if (wait)
    usleep(1000);
}

Task defaultOff() {
  nap();
  co_return;
}

Task explicitlyOn() {
  nap(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'explicitlyOn' is a coroutine, but 'nap' sleeps (usleep) {{.+}} [blocking-in-async]
  co_return;
}

// The constant forwarded through a wrapper's own parameter, defaulted too
// (a `reply(status, body)` that passes its `encoding = None` on to the
// function that branches on it), and through two wrappers.

enum Encoding { None, Gzip };

static void send(int status, Encoding encoding) {
  if (encoding == Gzip)
    sleep(1);
}

static void reply(int status, Encoding encoding = None) {
  send(status, encoding);
}

static void replyOk(Encoding encoding = None) { reply(200, encoding); }

Task replyPlain() {
  reply(200);
  replyOk();
  co_return;
}

Task replyGzip() {
  reply(200, Gzip);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'replyGzip' is a coroutine, but 'reply' sleeps (sleep) {{.+}} [blocking-in-async]
  co_return;
}

Task replyOkGzip() {
  replyOk(Gzip);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'replyOkGzip' is a coroutine, but 'replyOk' sleeps (sleep) {{.+}} [blocking-in-async]
  co_return;
}

// A wrapper that changes its parameter before passing it on passes what
// it holds then, not the caller's value.

static void replyUpgraded(Encoding encoding = None) {
  encoding = Gzip;
  send(200, encoding);
}

Task replyReassigned() {
  replyUpgraded();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'replyReassigned' is a coroutine, but 'replyUpgraded' sleeps (sleep) {{.+}} [blocking-in-async]
  co_return;
}

// A mode compared with a constant.

enum Mode { Async, Sync };

static void flush(Mode mode) {
  if (mode == Sync)
    sleep(1);
}

Task flushAsync() {
  flush(Async);
  co_return;
}

Task flushSync() {
  flush(Sync);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flushSync' is a coroutine, but 'flush' sleeps (sleep) {{.+}} [blocking-in-async]
  co_return;
}

// A guard that returns early without an executor.

struct Executor {
  void post();
};

static void schedule(Executor *executor) {
  if (!executor) {
    usleep(100);
    return;
  }
  executor->post();
}

Task withExecutor(Executor &pool) {
  schedule(&pool);
  co_return;
}

Task withoutExecutor() {
  schedule(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'withoutExecutor' is a coroutine, but 'schedule' sleeps (usleep) {{.+}} [blocking-in-async]
  co_return;
}

// Cold paths: what runs only before a failure that does not return.

[[noreturn]] void fail(const char *why);

Task coldAbort(int fd, char *buf) {
  if (fd < 0) {
    sleep(1);
    abort();
  }
  co_return;
}

Task coldFailure(bool ok) {
  if (!ok) {
    sleep(1);
    fail("not ok");
  }
  co_return;
}

// exit() ends the process normally: the path before it runs.

Task beforeExit(bool done) {
  if (done) {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'beforeExit' is a coroutine, but it calls 'sleep', {{.+}} [blocking-in-async]
    exit(0);
  }
  co_return;
}

// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Coroutine bodies calling blocking APIs directly, each next to the twin that
// must stay quiet.

#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include <curl/curl.h>
#include <libpq-fe.h>
#include <netdb.h>
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

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

// Sleeps.

Task handle() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle' is a coroutine, but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  co_return;
}

// The same body outside a coroutine is not an async context.
void handlePlain() { sleep(1); }

Task sleepFor() {
  std::this_thread::sleep_for(100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleepFor' is a coroutine, but it calls 'std::this_thread::sleep_for', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  co_return;
}

void sleepForPlain() { std::this_thread::sleep_for(100ms); }

Task sleepUntil() {
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleepUntil' is a coroutine, but it calls 'std::this_thread::sleep_until', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task usleepAndNanosleep() {
  usleep(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleepAndNanosleep' is a coroutine, but it calls 'usleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  struct timespec ts = {0, 1000};
  nanosleep(&ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleepAndNanosleep' is a coroutine, but it calls 'nanosleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A coroutine that only awaits does not block.
Task awaitsOnly() {
  co_await std::suspend_always{};
  co_return;
}

// A blocking call in the coroutine's own body is reported once, however
// often the coroutine is called.
Task caller() {
  handle();
  handle();
  co_return;
}

// Waits.

Task futureGet(std::future<int> &result) {
  int value = result.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'futureGet' is a coroutine, but it calls 'std::future::get', which {{.+}} and stalls the event loop; {{.+}} [blocking-in-async]
  (void)value;
  co_return;
}

Task futureWait(std::future<int> &result) {
  result.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'futureWait' is a coroutine, but it calls 'std::future::wait', which {{.+}} [blocking-in-async]
  result.wait_for(100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'futureWait' is a coroutine, but it calls 'std::future::wait_for', which {{.+}} [blocking-in-async]
  co_return;
}

// Polling a future with a zero timeout does not wait.
Task futurePoll(std::future<int> &result) {
  if (result.wait_for(0ms) == std::future_status::ready)
    co_return;
  result.wait_for(std::chrono::seconds(0));
  result.wait_for(std::chrono::milliseconds::zero());
  co_return;
}

// std::condition_variable is std::_V2::condition_variable in libstdc++.
Task cvWait(std::condition_variable &cv, std::unique_lock<std::mutex> &lock) {
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'cvWait' is a coroutine, but it calls 'std::condition_variable::wait', which {{.+}} [blocking-in-async]
  cv.wait_for(lock, 50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'cvWait' is a coroutine, but it calls 'std::condition_variable::wait_for', which {{.+}} [blocking-in-async]
  co_return;
}

Task cvPoll(std::condition_variable &cv, std::unique_lock<std::mutex> &lock) {
  cv.wait_for(lock, 0ms);
  cv.notify_one();
  co_return;
}

Task threadJoin(std::thread &worker) {
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'threadJoin' is a coroutine, but it calls 'std::thread::join', which {{.+}} [blocking-in-async]
  co_return;
}

Task threadDetach(std::thread &worker) {
  worker.detach();
  co_return;
}

// Files.

Task openStream() {
  std::ifstream config("app.conf");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'openStream' is a coroutine, but it calls 'std::ifstream', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A stream constructed without a file name opens nothing.
Task unopenedStream() {
  std::ifstream config;
  std::ofstream log;
  (void)config;
  (void)log;
  co_return;
}

Task stdioFile(FILE *in) {
  char line[64];
  fgets(line, sizeof line, in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdioFile' is a coroutine, but it calls 'fgets', which {{.+}} [blocking-in-async]
  FILE *out = fopen("out.txt", "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'stdioFile' is a coroutine, but it calls 'fopen', which {{.+}} [blocking-in-async]
  (void)out;
  co_return;
}

// Network and databases.

Task resolve() {
  struct addrinfo *result = nullptr;
  getaddrinfo("example.com", "443", nullptr, &result);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'resolve' is a coroutine, but it calls 'getaddrinfo', which {{.+}} [blocking-in-async]
  co_return;
}

Task fetch(CURL *easy, CURLM *multi) {
  curl_easy_perform(easy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fetch' is a coroutine, but it calls 'curl_easy_perform', which {{.+}} [blocking-in-async]
  int running = 0;
  curl_multi_perform(multi, &running);
  co_return;
}

Task query(sqlite3 *db, sqlite3_stmt *stmt) {
  sqlite3_exec(db, "DELETE FROM jobs", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'query' is a coroutine, but it calls 'sqlite3_exec', which {{.+}} [blocking-in-async]
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'query' is a coroutine, but it calls 'sqlite3_step', which {{.+}} [blocking-in-async]
  }
  co_return;
}

Task postgres(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'postgres' is a coroutine, but it calls 'PQexec', which {{.+}} [blocking-in-async]
  PQclear(res);
  co_return;
}

// The asynchronous libpq API sends without waiting.
Task postgresAsync(PGconn *conn) {
  PQsendQuery(conn, "SELECT 1");
  PQconsumeInput(conn);
  if (!PQisBusy(conn))
    co_return;
  co_return;
}

// Output to stdout is not in the catalog: logging is not flagged.
Task logs() {
  printf("tick\n");
  co_return;
}

// A blocking call in a macro is reported where the macro is used.
#define NAP() sleep(2)
Task macroSleep() {
  NAP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'macroSleep' is a coroutine, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  co_return;
}

// A method that is a coroutine.
struct Session {
  Task run();
  Task idle();
};

Task Session::run() {
  sleep(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Session::run' is a coroutine, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  co_return;
}

Task Session::idle() { co_return; }

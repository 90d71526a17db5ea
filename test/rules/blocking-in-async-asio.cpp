// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Boost.Asio: completion handlers, work posted to an io_context or a pool,
// bind_executor, co_spawn and awaitable coroutines (mock <boost/asio.hpp>).

#include <boost/asio.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include <stdio.h>
#include <unistd.h>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

// Completion handlers: a lambda, a named function, a bound member function.

void readWithLambda(tcp::socket &sock, char (&buf)[64]) {
  sock.async_read_some(asio::buffer(buf),
                       [](const boost::system::error_code &, std::size_t) {
                         sleep(1);
                         // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the lambda passed to 'async_read_some' is a completion handler, but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
                       });
}

void onTimer(const boost::system::error_code &) {
  usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onTimer' is a completion handler of 'async_wait', but it calls 'usleep', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
}

// The same body, never handed to Asio.
void onTimerUnused(const boost::system::error_code &) { usleep(100); }

void onTimerByAddress(const boost::system::error_code &) {
  std::this_thread::sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onTimerByAddress' is a completion handler of 'async_wait', but it calls 'std::this_thread::sleep_for', which sleeps {{.+}} [blocking-in-async]
}

void armTimers(asio::steady_timer &timer) {
  timer.async_wait(onTimer);
  timer.async_wait(&onTimerByAddress);
}

// A handler reaching a blocking call through a helper.
static void appendToLog(const char *line) {
  FILE *log = fopen("server.log", "a");
  fprintf(log, "%s\n", line);
}

void onAccept(const boost::system::error_code &, tcp::socket) {
  appendToLog("accepted");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onAccept' is a completion handler of 'async_accept', but 'appendToLog' blocks on file I/O (fopen) and stalls the event loop; {{.+}} [blocking-in-async]
}

void acceptOne(tcp::acceptor &acceptor) { acceptor.async_accept(onAccept); }

class Connection {
public:
  explicit Connection(asio::io_context &io) : sock_(io) {}

  void start() {
    sock_.async_read_some(asio::buffer(buf_),
                          std::bind(&Connection::onRead, this,
                                    std::placeholders::_1,
                                    std::placeholders::_2));
  }

  void onRead(const boost::system::error_code &, std::size_t) {
    asio::write(sock_, asio::buffer(buf_));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Connection::onRead' is a completion handler of 'async_read_some', but it calls 'boost::asio::write', which {{.+}} and stalls the event loop; {{.+}} [blocking-in-async]
  }

  // Never bound to an operation: a plain method.
  void onIdle() { asio::write(sock_, asio::buffer(buf_)); }

private:
  tcp::socket sock_;
  char buf_[64];
};

// An asynchronous operation inside a handler is what it should do.
void echo(tcp::socket &sock, char (&buf)[64]) {
  sock.async_read_some(
      asio::buffer(buf), [&sock, &buf](boost::system::error_code, std::size_t n) {
        asio::async_write(sock, asio::buffer(buf, n),
                          [](boost::system::error_code, std::size_t) {});
      });
}

// Work posted to an io_context runs on the event loop; to a pool, not.

void tick() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tick' runs on the event loop (posted with 'post'), but it calls 'sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
}
void tickOnPool() { sleep(1); }

void submit(asio::io_context &io, asio::thread_pool &pool) {
  asio::post(io, [] {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on the event loop, but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  });
  asio::dispatch(io.get_executor(), [] {
    usleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'dispatch' runs on the event loop, but it calls 'usleep', which sleeps {{.+}} [blocking-in-async]
  });
  asio::defer(asio::make_strand(io), [] {
    sleep(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'defer' runs on the event loop, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  });
  asio::post(io, tick);

  asio::post(pool, [] { sleep(1); });
  asio::dispatch(pool.get_executor(), [] { usleep(1); });
  asio::defer(asio::make_strand(pool.get_executor()), [] { sleep(2); });
  asio::post(pool, tickOnPool);
}

// any_io_executor is type-erased; it is taken to be an event loop.
void submitAny(asio::any_io_executor ex) {
  asio::post(ex, [] {
    sleep(3);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on the event loop, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  });
}

// bind_executor: the handler runs where the bound executor runs it.

void readOnPool(tcp::socket &sock, char (&buf)[64], asio::thread_pool &pool) {
  sock.async_read_some(asio::buffer(buf),
                       asio::bind_executor(pool, [](boost::system::error_code,
                                                    std::size_t) { sleep(1); }));
  sock.async_read_some(
      asio::buffer(buf),
      asio::bind_executor(pool.get_executor(),
                          [](boost::system::error_code, std::size_t) {
                            sleep(2);
                          }));
}

void readOnLoop(tcp::socket &sock, char (&buf)[64], asio::io_context &io) {
  sock.async_read_some(asio::buffer(buf),
                       asio::bind_executor(io, [](boost::system::error_code,
                                                  std::size_t) {
                         sleep(1);
                         // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the lambda passed to '{{async_read_some|bind_executor}}' is a completion handler, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
                       }));
}

// Coroutines.

asio::awaitable<void> session(tcp::socket sock) {
  char buf[64];
  std::size_t n = co_await sock.async_read_some(asio::buffer(buf),
                                                asio::use_awaitable);
  co_await asio::async_write(sock, asio::buffer(buf, n), asio::use_awaitable);

  sock.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'session' is a coroutine, but it calls 'boost::asio::basic_stream_socket::read_some', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  asio::read(sock, asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'session' is a coroutine, but it calls 'boost::asio::read', which {{.+}} [blocking-in-async]
}

asio::awaitable<void> timers(asio::steady_timer &timer) {
  co_await timer.async_wait(asio::use_awaitable);
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'timers' is a coroutine, but it calls 'boost::asio::basic_waitable_timer::wait', which {{.+}} [blocking-in-async]
}

asio::awaitable<void> acceptLoop(tcp::acceptor &acceptor) {
  tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
  tcp::socket other = acceptor.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'acceptLoop' is a coroutine, but it calls 'boost::asio::basic_socket_acceptor::accept', which {{.+}} [blocking-in-async]
}

// Offloading from a coroutine: the blocking work runs on the pool.
asio::awaitable<void> offloaded(asio::thread_pool &pool) {
  co_await asio::post(pool, asio::use_awaitable);
  co_return;
}

// co_spawn: a coroutine spawned onto a pool is a pool task.

asio::awaitable<void> loopJob() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'loopJob' is a coroutine, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
  co_return;
}

asio::awaitable<void> poolJob() {
  sleep(1);
  co_return;
}

void spawn(asio::io_context &io, asio::thread_pool &pool) {
  asio::co_spawn(io, loopJob(), asio::detached);
  asio::co_spawn(pool.get_executor(), poolJob(), asio::detached);
  asio::co_spawn(
      pool,
      []() -> asio::awaitable<void> {
        sleep(1);
        co_return;
      },
      asio::detached);
}

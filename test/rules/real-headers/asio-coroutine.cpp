// REQUIRES: real-asio
// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

// Boost.Asio as installed (Debian: 1.74), with C++20 coroutines: the real
// headers' templates, inline namespaces and executor types.

#include <utility>

#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> session(tcp::socket sock) {
  char buf[64];
  std::size_t n = co_await sock.async_read_some(asio::buffer(buf),
                                                asio::use_awaitable);
  co_await asio::async_write(sock, asio::buffer(buf, n), asio::use_awaitable);

  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'session' is a coroutine, but it calls 'std::this_thread::sleep_for', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  sock.read_some(asio::buffer(buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'session' is a coroutine, but it calls 'boost::asio::basic_stream_socket::read_some', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
}

// Only asynchronous operations, and a wait handed to a timer.
asio::awaitable<void> quietSession(tcp::socket sock) {
  char buf[64];
  for (;;) {
    std::size_t n = co_await sock.async_read_some(asio::buffer(buf),
                                                  asio::use_awaitable);
    co_await asio::async_write(sock, asio::buffer(buf, n),
                               asio::use_awaitable);
    asio::steady_timer timer(sock.get_executor(), std::chrono::seconds(1));
    co_await timer.async_wait(asio::use_awaitable);
  }
}

void arm(asio::steady_timer &timer) {
  timer.async_wait([](const boost::system::error_code &) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'async_wait' is a completion handler, but it calls 'std::this_thread::sleep_for', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  });
}

void submit(asio::io_context &io, asio::thread_pool &pool) {
  asio::post(io, [] {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on the event loop, but it calls 'std::this_thread::sleep_for', which sleeps {{.+}} [blocking-in-async]
  });
  asio::post(pool, [] { std::this_thread::sleep_for(std::chrono::seconds(2)); });
}

int main() {
  asio::io_context io;
  asio::thread_pool pool(2);
  asio::co_spawn(io, session(tcp::socket(io)), asio::detached);
  asio::co_spawn(io, quietSession(tcp::socket(io)), asio::detached);
  asio::steady_timer timer(io);
  arm(timer);
  submit(io, pool);
  io.run();
  pool.join();
}

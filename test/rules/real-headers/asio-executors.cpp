// REQUIRES: real-asio
// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

// Boost.Asio as installed (Debian: 1.74): code runs where its executor runs
// it. A socket made on a thread_pool completes its handlers on the pool; a
// coroutine co_spawned onto a pool, and what it awaits, run on the pool;
// `co_await post(pool, use_awaitable)` resumes on the coroutine's own
// executor (the event loop), so it moves nothing. Each quiet case has a
// twin on the io_context.

#include <utility>

#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

void readOnPool(asio::thread_pool &pool) {
  static char buf[64];
  static tcp::socket sock(pool);
  sock.async_read_some(asio::buffer(buf),
                       [](boost::system::error_code, std::size_t) {
                         std::this_thread::sleep_for(10ms);
                       });
}

void readOnLoop(asio::io_context &io) {
  static char buf[64];
  static tcp::socket sock(io);
  sock.async_read_some(asio::buffer(buf),
                       [](boost::system::error_code, std::size_t) {
                         std::this_thread::sleep_for(10ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the lambda passed to 'async_read_some' is a completion handler, but it calls 'std::this_thread::sleep_for', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
                       });
}

// A member socket constructed on the pool's executor, and a free async_read
// on it.
class PoolReader {
public:
  explicit PoolReader(asio::thread_pool &pool) : sock_(pool.get_executor()) {}
  void start() {
    asio::async_read(sock_, asio::buffer(buf_),
                     [](boost::system::error_code, std::size_t) {
                       std::this_thread::sleep_for(10ms);
                     });
  }

private:
  tcp::socket sock_;
  char buf_[64];
};

// Awaited by a coroutine that was co_spawned onto the pool.
asio::awaitable<void> compact() {
  std::this_thread::sleep_for(10ms);
  co_return;
}

asio::awaitable<void> maintenance() { co_await compact(); }

// The same shape on the io_context: found in the awaited coroutine, once.
asio::awaitable<void> flush() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush' is a coroutine, but it calls 'std::this_thread::sleep_for', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

asio::awaitable<void> housekeeping() { co_await flush(); }

// co_await co_spawn(pool, ..., use_awaitable): the body runs on the pool.
asio::awaitable<void> rebuildIndex() {
  std::this_thread::sleep_for(10ms);
  co_return;
}

// co_await post(pool, use_awaitable) does not switch: the sleep after it
// still runs on the event loop.
asio::awaitable<void> request(asio::thread_pool &pool) {
  co_await asio::co_spawn(pool, rebuildIndex(), asio::use_awaitable);
  co_await asio::post(pool, asio::use_awaitable);
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'request' is a coroutine, but it calls 'std::this_thread::sleep_for', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
}

int main() {
  asio::io_context io;
  asio::thread_pool pool(2);
  readOnPool(pool);
  readOnLoop(io);
  PoolReader reader(pool);
  reader.start();
  asio::co_spawn(pool, maintenance(), asio::detached);
  asio::co_spawn(io, housekeeping(), asio::detached);
  asio::co_spawn(io, request(pool), asio::detached);
  io.run();
  pool.join();
}

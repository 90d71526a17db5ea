// RUN: %check_rule %s cpu-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Boost.Asio: CPU-heavy work in completion handlers, in work posted to an
// io_context, and in awaitable coroutines, with Asio's own offload advice;
// the same work posted to a thread_pool, bound to one or co_spawned onto one
// stays quiet (mock <boost/asio.hpp>).

#include <algorithm>
#include <boost/asio.hpp>
#include <vector>

#include <openssl/sha.h>
#include <zlib.h>

namespace asio = boost::asio;
using asio::ip::tcp;

// Completion handlers: a named function, a lambda.

void onRead(const boost::system::error_code &, std::size_t n) {
  static unsigned char in[4096], out[8192];
  uLongf outLen = sizeof out;
  compress(out, &outLen, in, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onRead' is a completion handler of 'async_read_some', but it calls 'compress', which compresses a buffer and stalls the event loop; offload it to a CPU pool: asio::post(pool, ...) then post the result back to the io_context [cpu-in-async]
}

// The same body, never handed to Asio.
void onReadUnused(const boost::system::error_code &, std::size_t n) {
  static unsigned char in[4096], out[8192];
  uLongf outLen = sizeof out;
  compress(out, &outLen, in, n);
}

void readRequest(tcp::socket &sock, char (&buf)[64]) {
  sock.async_read_some(asio::buffer(buf), onRead);
}

void readTable(tcp::socket &sock, char (&buf)[64],
               const std::vector<int> &rows) {
  sock.async_read_some(asio::buffer(buf), [&rows](const boost::system::error_code &,
                                                  std::size_t) {
    long joins = 0;
    for (int a : rows)
      for (int b : rows)
        joins += a == b;
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: the lambda passed to 'async_read_some' is a completion handler, but it runs nested loops over input data (2 levels) and stalls the event loop; offload it to a CPU pool: asio::post(pool, ...) then post the result back to the io_context [cpu-in-async]
  });
}

// Work posted to an io_context runs on the event loop; to a pool, not.

static std::vector<int> g_index;

void rebuild() {
  std::sort(g_index.begin(), g_index.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rebuild' runs on the event loop (posted with 'post'), but it calls 'std::sort', which sorts a range and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
}
void rebuildOnPool() { std::sort(g_index.begin(), g_index.end()); }

void reindex(std::vector<int> &index) { std::sort(index.begin(), index.end()); }

void submit(asio::io_context &io, asio::thread_pool &pool,
            std::vector<int> &index, const unsigned char *data,
            std::size_t len) {
  asio::post(io, [data, len] {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on the event loop, but it calls 'SHA256', which hashes a buffer and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  });
  asio::post(io, [&index] { reindex(index); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: the lambda passed to 'post' runs on the event loop, but 'reindex' computes for long (std::sort) and stalls the event loop; {{.+}} [cpu-in-async]

  asio::post(pool, [data, len] {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
  });
  asio::dispatch(pool.get_executor(), [&index] { reindex(index); });
  asio::post(io, rebuild);
  asio::post(pool, rebuildOnPool);
}

// A handler bound to a pool runs on the pool.
void readOnPool(tcp::socket &sock, char (&buf)[64], asio::thread_pool &pool,
                const unsigned char *data, std::size_t len) {
  sock.async_read_some(asio::buffer(buf),
                       asio::bind_executor(pool, [data, len](boost::system::error_code,
                                                             std::size_t) {
                         unsigned char md[SHA256_DIGEST_LENGTH];
                         SHA256(data, len, md);
                       }));
}

// Coroutines: the Asio advice is co_spawn onto a pool.

asio::awaitable<void> session(tcp::socket sock, const unsigned char *data,
                              std::size_t len) {
  char buf[64];
  co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(data, len, md);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'session' is a coroutine, but it calls 'SHA256', which hashes a buffer and stalls the event loop; offload it to a CPU pool: co_await asio::co_spawn(pool, [&]() -> asio::awaitable<T> { co_return work(); }, asio::use_awaitable) [cpu-in-async]
}

asio::awaitable<void> sessionOffloaded(tcp::socket sock, asio::thread_pool &pool,
                                       const unsigned char *data,
                                       std::size_t len) {
  char buf[64];
  co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
  asio::co_spawn(
      pool,
      [data, len]() -> asio::awaitable<void> {
        unsigned char md[SHA256_DIGEST_LENGTH];
        SHA256(data, len, md);
        co_return;
      },
      asio::detached);
}

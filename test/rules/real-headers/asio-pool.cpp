// REQUIRES: real-asio
// RUN: %check_rule -check-suffix=POOL %s cpu-on-thread-pool %t -- -- -std=c++17
// RUN: %check_rule -check-suffix=LOOP %s cpu-in-async %t -- -- -std=c++17

// Boost.Asio as installed (Debian: 1.74) with libstdc++: work posted to an
// asio::thread_pool is a pool task, serialized when it holds a shared
// std::mutex across the heavy part (cpu-on-thread-pool); work posted to an
// io_context runs on the event loop (cpu-in-async). The twins merge under
// the lock only, or run on the pool.

#include <boost/asio.hpp>

#include <algorithm>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

namespace asio = boost::asio;

static std::mutex g_mutex;
static std::vector<long> g_totals;

static long pairCount(const std::vector<int> &xs) {
  long hits = 0;
  for (int a : xs)
    for (int b : xs)
      hits += a == b;
  return hits;
}

void submitToPool(asio::thread_pool &pool, const std::vector<int> &xs) {
  asio::post(pool, [&xs] {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_totals.push_back(pairCount(xs));
    // CHECK-MESSAGES-POOL: :[[@LINE-1]]:24: warning: the lambda passed to 'post' runs on a thread pool, but 'pairCount' computes for long (nested loops over input data) while holding 'g_mutex', a lock every task shares: the tasks run one at a time; hold the lock only to merge results [cpu-on-thread-pool]
  });
  asio::post(pool, [&xs] {
    long hits = pairCount(xs);
    std::lock_guard<std::mutex> lock(g_mutex);
    g_totals.push_back(hits);
  });
}

void submitToLoop(asio::io_context &io, std::vector<std::string> &names,
                  const std::string &path) {
  asio::post(io, [&names] {
    std::sort(names.begin(), names.end());
    // CHECK-MESSAGES-LOOP: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on the event loop, but it calls 'std::sort', which sorts a range and stalls the event loop; offload it to a CPU pool: asio::post(pool, ...) then post the result back to the io_context [cpu-in-async]
  });
  asio::post(io, [&path] {
    std::regex route("^/users/([0-9]+)$");
    // CHECK-MESSAGES-LOOP: :[[@LINE-1]]:16: warning: the lambda passed to 'post' runs on the event loop, but it calls 'std::regex', which compiles a regular expression and stalls the event loop; {{.+}} [cpu-in-async]
    std::smatch match;
    std::regex_match(path, match, route);
    // CHECK-MESSAGES-LOOP: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on the event loop, but it calls 'std::regex_match', which matches a regular expression and stalls the event loop; {{.+}} [cpu-in-async]
  });
}

void submitSortToPool(asio::thread_pool &pool, std::vector<std::string> &names) {
  asio::post(pool, [&names] { std::sort(names.begin(), names.end()); });
}

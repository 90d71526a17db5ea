// RUN: %check_rule %s cpu-on-thread-pool %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// CPU-heavy work on threads or a pool, serialized by one lock that every
// task takes: a global, static, member, captured-by-reference or
// reference-parameter mutex held across the heavy part. Each flagged task
// has a twin that stays quiet: the lock taken only to merge a result, a
// mutex local to the task, a reader lock, or the lock released first.

#include <BS_thread_pool.hpp>
#include <boost/asio.hpp>
#include <functional>
#include <future>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

#include <openssl/sha.h>
#include <zlib.h>

namespace asio = boost::asio;

static std::mutex g_mutex;
static std::vector<int> g_results;

// A global mutex held across a hash, in a lambda given to std::thread.

void hashUnderGlobalLock(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but it computes for long (SHA256) while holding 'g_mutex', a lock every task shares: the tasks run one at a time; hold the lock only to merge results [cpu-on-thread-pool]
    g_results.push_back(md[0]);
  });
  worker.join();
}

// The twin: hash first, lock only to merge.
void hashThenMerge(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
    std::lock_guard<std::mutex> lock(g_mutex);
    g_results.push_back(md[0]);
  });
  worker.join();
}

// The lock's scope closes before the heavy part.
void mergeThenHash(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    {
      std::lock_guard<std::mutex> lock(g_mutex);
      g_results.push_back(0);
    }
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
  });
  worker.join();
}

// unlock() before the heavy part.
void unlockThenHash(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::unique_lock<std::mutex> lock(g_mutex);
    g_results.push_back(0);
    lock.unlock();
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
  });
  worker.join();
}

// A mutex local to the task is not shared by the tasks.
void hashUnderLocalLock(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::mutex local;
    std::lock_guard<std::mutex> lock(local);
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
  });
  worker.join();
}

// Readers run in parallel.
static std::shared_mutex g_table_mutex;
void hashUnderReaderLock(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::shared_lock<std::shared_mutex> lock(g_table_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
  });
  worker.join();
}

// The same locked hash outside any thread or pool.
void hashUnderGlobalLockInline(const unsigned char *data, size_t len) {
  std::lock_guard<std::mutex> lock(g_mutex);
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(data, len, md);
}

// A static member mutex, in a named function given to std::thread.

struct Stats {
  static std::mutex mutex;
  static long total;
};

void tally(const std::vector<int> *rows) {
  std::scoped_lock lock(Stats::mutex);
  for (int a : *rows)
    for (int b : *rows)
      Stats::total += a * b;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'tally' runs on its own thread ('{{(std::)?}}thread'), but it computes for long (nested loops over input data) while holding 'Stats::mutex', a lock every task shares: the tasks run one at a time; hold the lock only to merge results [cpu-on-thread-pool]
}

void tallyQuiet(const std::vector<int> *rows) {
  long local = 0;
  for (int a : *rows)
    for (int b : *rows)
      local += a * b;
  std::scoped_lock lock(Stats::mutex);
  Stats::total += local;
}

void startTally(const std::vector<int> &rows) {
  std::thread first(tally, &rows);
  std::thread second(tallyQuiet, &rows);
  first.join();
  second.join();
}

// A mutex captured by reference, in a lambda given to std::async; the heavy
// part is a helper's constant loop.

static void mix(unsigned *state) {
  for (unsigned i = 0; i < 4000000; ++i)
    state[i & 63] ^= i * 2654435761u;
}

void asyncUnderCapturedLock(unsigned *state) {
  std::mutex mu;
  auto done = std::async(std::launch::async, [&mu, state] {
    std::unique_lock<std::mutex> lock(mu);
    mix(state);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}async' runs on its own thread, but 'mix' computes for long (a loop of 4000000 iterations) while holding 'mu', a lock every task shares: the tasks run one at a time; hold the lock only to merge results [cpu-on-thread-pool]
  });
  done.wait();
}

void asyncMixThenLock(unsigned *state, unsigned *merged) {
  std::mutex mu;
  auto done = std::async(std::launch::async, [&mu, state, merged] {
    mix(state);
    std::unique_lock<std::mutex> lock(mu);
    merged[0] ^= state[0];
  });
  done.wait();
}

// A mutex passed by reference to the thread's function.

void crunch(std::mutex &mu, const std::vector<int> &xs, long *out) {
  std::lock_guard<std::mutex> lock(mu);
  for (int a : xs)
    for (int b : xs)
      *out += a ^ b;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'crunch' runs on its own thread ('{{(std::)?}}thread'), but it computes for long (nested loops over input data) while holding 'mu', a lock every task shares: the tasks run one at a time; hold the lock only to merge results [cpu-on-thread-pool]
}

void startCrunch(std::mutex &mu, const std::vector<int> &xs, long *out) {
  std::thread t(crunch, std::ref(mu), std::ref(xs), out);
  t.join();
}

// A member mutex taken by a method that a BS::thread_pool task calls.

class Archive {
public:
  void add(const Bytef *block, uLong len) {
    std::lock_guard<std::mutex> lock(mu_);
    uLongf outLen = sizeof out_;
    compress(out_, &outLen, block, len);
  }
  void addQuiet(const Bytef *block, uLong len) {
    Bytef out[1024];
    uLongf outLen = sizeof out;
    compress(out, &outLen, block, len);
    std::lock_guard<std::mutex> lock(mu_);
    out_[0] = out[0];
  }

private:
  std::mutex mu_;
  Bytef out_[1024];
};

void archiveAll(BS::thread_pool &pool, Archive &archive, const Bytef *block) {
  pool.detach_task([&archive, block] {
    archive.add(block, 512);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the lambda passed to 'detach_task' runs on a thread pool, but 'Archive::add' computes for long (compress) while holding 'mu_', a lock every task shares: the tasks run one at a time; hold the lock only to merge results [cpu-on-thread-pool]
  });
  pool.detach_task([&archive, block] { archive.addQuiet(block, 512); });
  pool.wait();
}

// A parallel loop on a BS::thread_pool whose body takes the global lock.

void hashBlocks(BS::thread_pool &pool, const unsigned char *data, int blocks) {
  pool.detach_loop(0, blocks, [data](int i) {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data + i * 4096, 4096, md);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'detach_loop' runs on a thread pool, but it computes for long (SHA256) while holding 'g_mutex', a lock every task shares: {{.+}} [cpu-on-thread-pool]
  });
  pool.wait();
}

// Asio: work posted to a thread_pool is a pool task; to an io_context, not
// (that is cpu-in-async's).

void tickLocked() {
  std::lock_guard<std::mutex> lock(g_mutex);
  std::vector<int> &rows = g_results;
  for (int a : rows)
    for (int b : rows)
      rows[0] += a & b;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'tickLocked' runs on a thread pool ('post'), but it computes for long (nested loops over input data) while holding 'g_mutex', a lock every task shares: {{.+}} [cpu-on-thread-pool]
}
void tickLockedOnLoop() {
  std::lock_guard<std::mutex> lock(g_mutex);
  std::vector<int> &rows = g_results;
  for (int a : rows)
    for (int b : rows)
      rows[0] += a & b;
}

void postWork(asio::thread_pool &pool, asio::io_context &io,
              const unsigned char *data, size_t len) {
  asio::post(pool, tickLocked);
  asio::post(io, tickLockedOnLoop);
  asio::post(pool, [data, len] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to 'post' runs on a thread pool, but it computes for long (SHA256) while holding 'g_mutex', a lock every task shares: {{.+}} [cpu-on-thread-pool]
  });
}

// Light work under the shared lock is what a lock is for.
void countUnderLock() {
  std::thread worker([] {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_results.push_back(1);
  });
  worker.join();
}

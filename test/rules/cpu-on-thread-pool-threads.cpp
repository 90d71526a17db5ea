// RUN: %check_rule %s cpu-on-thread-pool %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// A new thread per item of a loop over data, each computing for long: more
// threads than cores only adds overhead. Reported where the thread is
// created. Quiet: one thread per core (a loop over hardware_concurrency()),
// a small constant number of threads, a pool per item, light work per
// thread.

#include <BS_thread_pool.hpp>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <openssl/sha.h>
#include <pthread.h>
#include <zlib.h>

struct Chunk {
  const Bytef *data;
  uLong len;
};

static void compressChunk(const Chunk &chunk) {
  static thread_local Bytef out[1 << 16];
  uLongf outLen = sizeof out;
  compress(out, &outLen, chunk.data, chunk.len);
}

// A named function started on a thread per chunk.
void compressAll(const std::vector<Chunk> &chunks) {
  std::vector<std::thread> workers;
  for (const Chunk &chunk : chunks)
    workers.push_back(std::thread(compressChunk, chunk));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new thread is started per item of this loop, and 'compressChunk' computes for long (compress): more threads than cores only adds overhead; use a pool sized to the cores (std::thread::hardware_concurrency()) [cpu-on-thread-pool]
  for (std::thread &worker : workers)
    worker.join();
}

// A lambda per file name, by index.
void hashAll(const std::vector<std::string> &names) {
  for (size_t i = 0; i < names.size(); ++i) {
    std::thread worker([&names, i] {
      unsigned char md[SHA256_DIGEST_LENGTH];
      SHA256((const unsigned char *)names[i].data(), names[i].size(), md);
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: a new thread is started per item of this loop, and 'lambda at {{[^']+}}:[[@LINE-4]]{{(:[0-9]+)?}}' computes for long (SHA256): more threads than cores only adds overhead; use a pool sized to the cores (std::thread::hardware_concurrency()) [cpu-on-thread-pool]
    worker.detach();
  }
}

// pthread_create per item.
static void *crunchRow(void *arg) {
  const std::vector<int> &row = *static_cast<const std::vector<int> *>(arg);
  long total = 0;
  for (int a : row)
    for (int b : row)
      total += a * b;
  return (void *)total;
}

void crunchAll(std::vector<std::vector<int>> &rows) {
  for (std::vector<int> &row : rows) {
    pthread_t tid;
    pthread_create(&tid, nullptr, crunchRow, &row);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a new thread is started per item of this loop, and 'crunchRow' computes for long (nested loops over input data): {{.+}} [cpu-on-thread-pool]
    pthread_detach(tid);
  }
}

// One thread per core: the right shape.
void compressPerCore(const std::vector<Chunk> &chunks) {
  unsigned cores = std::thread::hardware_concurrency();
  std::vector<std::thread> workers;
  for (unsigned c = 0; c < cores; ++c)
    workers.push_back(std::thread([&chunks, c, cores] {
      for (size_t i = c; i < chunks.size(); i += cores)
        compressChunk(chunks[i]);
    }));
  for (std::thread &worker : workers)
    worker.join();
}

// A small constant number of threads is not one per item.
void compressFour(const std::vector<Chunk> &chunks) {
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.push_back(std::thread(compressChunk, chunks[t]));
  for (std::thread &worker : workers)
    worker.join();
}

// A pool per item bounds the threads.
void compressOnPool(BS::thread_pool &pool, const std::vector<Chunk> &chunks) {
  for (const Chunk &chunk : chunks)
    pool.detach_task([&chunk] { compressChunk(chunk); });
  pool.wait();
}

// std::async(std::launch::async, ...) starts a thread per call.
void compressAsync(const std::vector<Chunk> &chunks) {
  std::vector<std::future<void>> results;
  for (const Chunk &chunk : chunks)
    results.push_back(std::async(std::launch::async, compressChunk, chunk));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new thread is started per item of this loop, and 'compressChunk' computes for long (compress): {{.+}} [cpu-on-thread-pool]
}

// With no policy, or a deferred one, the library chooses: taken to be a
// pool.
void compressDeferred(const std::vector<Chunk> &chunks) {
  std::vector<std::future<void>> results;
  for (const Chunk &chunk : chunks) {
    results.push_back(std::async(compressChunk, chunk));
    results.push_back(std::async(std::launch::deferred, compressChunk, chunk));
  }
}

// Light work per thread: nothing computes for long.
static void touch(const Chunk &chunk) { (void)chunk.len; }

void touchAll(const std::vector<Chunk> &chunks) {
  for (const Chunk &chunk : chunks)
    std::thread(touch, chunk).detach();
}

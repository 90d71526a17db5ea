// RUN: %check_rule %s cpu-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// CPU-heavy work reached through calls, with the evidence chain: one note
// per further step, the last naming the heavy operation. CHECK-NOTES also
// fails on any note not listed here. Each context comes first and the
// functions it calls follow in chain order.

#include <coroutine>
#include <string>
#include <vector>

#include <openssl/sha.h>
#include <zlib.h>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A direct call has no further step, so no note.
Task direct(const unsigned char *data, size_t len) {
  unsigned char md[SHA_DIGEST_LENGTH];
  SHA1(data, len, md);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'direct' is a coroutine, but it calls 'SHA1', which hashes a buffer and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

// A catalog API two calls down.

static void digestAll(const std::vector<std::string> &parts, unsigned char *out);
static void digestOne(const std::string &part, unsigned char *out);

Task serve(const std::vector<std::string> &parts) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  digestAll(parts, md);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'serve' is a coroutine, but 'digestAll' computes for long (SHA256) and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

static void digestAll(const std::vector<std::string> &parts, unsigned char *out) {
  for (const std::string &part : parts)
    digestOne(part, out);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'digestAll' calls 'digestOne'{{$}}
}
static void digestOne(const std::string &part, unsigned char *out) {
  SHA256((const unsigned char *)part.data(), part.size(), out);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'digestOne' calls 'SHA256', which hashes a buffer (CPU-heavy){{$}}
}

// Nested loops over data in a helper.

static long crossTab(const std::vector<int> &rows, const std::vector<int> &cols);
static long buildReport(const std::vector<int> &rows, const std::vector<int> &cols);

Task report(const std::vector<int> &rows, const std::vector<int> &cols) {
  buildReport(rows, cols);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'report' is a coroutine, but 'buildReport' computes for long (nested loops over input data) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

static long buildReport(const std::vector<int> &rows, const std::vector<int> &cols) {
  return crossTab(rows, cols) + 1;
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'buildReport' calls 'crossTab'{{$}}
}
static long crossTab(const std::vector<int> &rows, const std::vector<int> &cols) {
  long cells = 0;
  for (int r : rows)
    for (int c : cols)
      cells += r * c;
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'crossTab' runs nested loops over input data (2 levels) (CPU-heavy){{$}}
  return cells;
}

// A constant loop in a helper.

static void warmCache(unsigned *table);

Task warm(unsigned *table) {
  warmCache(table);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'warm' is a coroutine, but 'warmCache' computes for long (a loop of 3000000 iterations) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

static void warmCache(unsigned *table) {
  for (unsigned i = 0; i < 3000000; ++i)
    table[i % 4096] ^= i * 2654435761u;
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'warmCache' runs a loop of 3000000 iterations (CPU-heavy){{$}}
}

// A helper that calls a loop-bounded function with a large constant.

static double simulate(const double *p, long paths) {
  double s = 0;
  for (long i = 0; i < paths; ++i)
    s += p[i % 8] * 1.0001;
  return s;
}
static double runBatch(const double *p);

Task batch(const double *p) {
  runBatch(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'batch' is a coroutine, but 'runBatch' computes for long (a loop bound of 20000000) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

static double runBatch(const double *p) {
  return simulate(p, 20'000'000) / 2;
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'runBatch' calls 'simulate' with a loop bound of 20000000 (CPU-heavy){{$}}
}

// The same helper with a small constant: nothing to report.
static double runSmallBatch(const double *p) { return simulate(p, 100); }

Task smallBatch(const double *p) {
  runSmallBatch(p);
  co_return;
}

// Compression behind a method.

struct Encoder {
  z_stream zs;
  void finish();
};

Task flush(Encoder &encoder) {
  encoder.finish();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'flush' is a coroutine, but 'Encoder::finish' computes for long (deflate) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

void Encoder::finish() {
  deflate(&zs, Z_FINISH);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Encoder::finish' calls 'deflate', which compresses a buffer (CPU-heavy){{$}}
}

// The cost model's thresholds and the catalog, configured (--config=<yaml>,
// as in .boundwise.yaml): CostModel sets LoopIterations and NestedDataLoops;
// Catalog adds a project function as CPU-heavy; DisabledApis switches a
// catalog entry off. ALL holds what the default thresholds report.

// RUN: %check_rule -check-suffixes=ALL,DEFAULT %s cpu-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=LOW %s cpu-in-async %t -- \
// RUN:   --config="{CostModel: {LoopIterations: 1000, NestedDataLoops: 3}, Catalog: {coroutine-types: [{names: [Task]}]}}" \
// RUN:   -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffixes=ALL,CATALOG %s cpu-in-async %t -- \
// RUN:   --config="{Catalog: {coroutine-types: [{names: [Task]}], cpu-heavy: [{names: [img::fingerprint], kind: hashing, what: fingerprints an image}]}, DisabledApis: [std::sort]}" \
// RUN:   -- -std=c++20 -nostdinc++ -isystem %mock_headers

#include <algorithm>
#include <coroutine>
#include <vector>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task fiveThousand() {
  unsigned acc = 0;
  for (int i = 0; i < 5000; ++i)
    acc += i * i;
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'fiveThousand' is a coroutine, but it runs a loop of 5000 iterations and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task fiveHundred() {
  unsigned acc = 0;
  for (int i = 0; i < 500; ++i)
    acc += i * i;
  co_return;
}

Task fiveMillion() {
  unsigned acc = 0;
  for (int i = 0; i < 5000000; ++i)
    acc += i * i;
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'fiveMillion' is a coroutine, but it runs a loop of 5000000 iterations and stalls the event loop; {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-3]]:3: warning: 'fiveMillion' is a coroutine, but it runs a loop of 5000000 iterations and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task twoLevels(const std::vector<int> &xs) {
  long hits = 0;
  for (int a : xs)
    for (int b : xs)
      hits += a < b;
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:3: warning: 'twoLevels' is a coroutine, but it runs nested loops over input data (2 levels) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task threeLevels(const std::vector<int> &xs) {
  long hits = 0;
  for (int a : xs)
    for (int b : xs)
      for (int c : xs)
        hits += a + b == c;
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:3: warning: 'threeLevels' is a coroutine, but it runs nested loops over input data (3 levels) and stalls the event loop; {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-5]]:3: warning: 'threeLevels' is a coroutine, but it runs nested loops over input data (3 levels) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

namespace img {
unsigned fingerprint(const unsigned char *pixels, int width, int height);
}

Task thumbnail(const unsigned char *pixels) {
  img::fingerprint(pixels, 640, 480);
  // CHECK-MESSAGES-CATALOG: :[[@LINE-1]]:3: warning: 'thumbnail' is a coroutine, but it calls 'img::fingerprint', which fingerprints an image and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task rank(std::vector<int> &scores) {
  std::sort(scores.begin(), scores.end());
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'rank' is a coroutine, but it calls 'std::sort', which sorts a range and stalls the event loop; {{.+}} [cpu-in-async]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'rank' is a coroutine, but it calls 'std::sort', which sorts a range and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

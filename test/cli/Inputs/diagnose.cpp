// Input of the --diagnose tests (diagnose.test, diagnose-json.test): one
// function per verdict, and callers that use them concurrently. The tests
// name lines and columns of this file; keep them where they are.
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <sys/socket.h>

// I/O-bound, through a chain of two calls.
static long readFrame(int fd, char *buf) { return recv(fd, buf, 16, 0); }

long fetchMessage(int fd) {
  char buf[16];
  return readFrame(fd, buf);
}

// CPU-bound: nested loops over its input.
long sumPairs(const std::vector<int> &values) {
  long total = 0;
  for (int a : values)
    for (int b : values)
      total += a * b;
  return total;
}

// Mixed: waits on the network, then computes.
long fetchAndScore(int fd, const std::vector<int> &values) {
  fetchMessage(fd);
  return sumPairs(values);
}

// Trivial.
int addOne(int x) { return x + 1; }

// Uses: from an async context, per item of a loop, on a thread pool, from an
// accept loop.
[[clang::annotate("boundwise::async")]] void onMessage(int fd) {
  fetchMessage(fd);
}

void fetchAll(const std::vector<int> &fds) {
  for (int fd : fds)
    fetchMessage(fd);
}

void scoreOnPool(boost::asio::thread_pool &pool,
                 const std::vector<int> &values) {
  boost::asio::post(pool, [&values] { sumPairs(values); });
}

static void serveClient(int fd) { fetchMessage(fd); }

void acceptLoop(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    std::thread(serveClient, client).detach();
  }
}

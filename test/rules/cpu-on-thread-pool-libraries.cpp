// RUN: %check_rule -check-suffix=POOL %s cpu-on-thread-pool %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=LOOP %s cpu-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// The catalog's pools and threads of other libraries, declared here as the
// libraries declare them (oneTBB's classes in tbb::detail::d2 exported by
// using-declarations, folly's executors, Qt's pool, Boost.Thread): a task
// that computes under a shared lock is serialized wherever it runs (POOL).
// folly's IOThreadPoolExecutor runs its tasks on EventBase loops: CPU work
// there stalls a loop (LOOP), and is not a pool task.

#include <mutex>

#include <openssl/sha.h>

namespace tbb {
namespace detail {
namespace d2 {
class task_group {
public:
  template <typename F> void run(F &&f) {}
  void wait();
};
} // namespace d2
namespace d1 {
class task_arena {
public:
  template <typename F> void enqueue(F &&f) {}
  template <typename F> auto execute(F &&f) { return f(); }
};
} // namespace d1
} // namespace detail
inline namespace v1 {
using detail::d1::task_arena;
using detail::d2::task_group;
} // namespace v1
} // namespace tbb

namespace folly {
class CPUThreadPoolExecutor {
public:
  template <typename F> void add(F &&func) {}
};
class IOThreadPoolExecutor {
public:
  template <typename F> void add(F &&func) {}
};
} // namespace folly

class QThreadPool {
public:
  template <typename Callable> void start(Callable &&functionToRun) {}
};

namespace boost {
class thread {
public:
  template <class F> explicit thread(F f) {}
  void join();
};
template <class Mutex> class lock_guard {
public:
  explicit lock_guard(Mutex &m);
  ~lock_guard();
};
} // namespace boost

static std::mutex g_mutex;

static void digest(const unsigned char *data, unsigned char *md) {
  SHA256(data, 4096, md);
}

void tbbTasks(tbb::task_group &group, tbb::task_arena &arena,
              const unsigned char *data) {
  group.run([data] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    // CHECK-MESSAGES-POOL: :[[@LINE-1]]:5: warning: the lambda passed to 'run' runs on a thread pool, but 'digest' computes for long (SHA256) while holding 'g_mutex', a lock every task shares: {{.+}} [cpu-on-thread-pool]
  });
  arena.enqueue([data] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    // CHECK-MESSAGES-POOL: :[[@LINE-1]]:5: warning: the lambda passed to 'enqueue' runs on a thread pool, but 'digest' computes for long (SHA256) while holding 'g_mutex', a lock every task shares: {{.+}} [cpu-on-thread-pool]
  });
  // execute runs the functor and waits for it: not an offload.
  arena.execute([data] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    return 0;
  });
}

void follyTasks(folly::CPUThreadPoolExecutor &cpu,
                folly::IOThreadPoolExecutor &io, const unsigned char *data) {
  cpu.add([data] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    // CHECK-MESSAGES-POOL: :[[@LINE-1]]:5: warning: the lambda passed to 'add' runs on a thread pool, but 'digest' computes for long (SHA256) {{.+}} [cpu-on-thread-pool]
  });
  io.add([data] {
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    // CHECK-MESSAGES-LOOP: :[[@LINE-1]]:5: warning: the lambda passed to 'add' {{.+}}, but 'digest' computes for long (SHA256) and stalls the event loop; offload it to a CPU pool: folly::via(cpuExecutor, work) and finish on the EventBase (.via(evb)) [cpu-in-async]
  });
  // The same work on the CPU pool does not stall a loop.
  cpu.add([data] {
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
  });
}

void qtTasks(QThreadPool &pool, const unsigned char *data) {
  pool.start([data] {
    std::lock_guard<std::mutex> lock(g_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    // CHECK-MESSAGES-POOL: :[[@LINE-1]]:5: warning: the lambda passed to 'start' runs on a thread pool, but 'digest' computes for long (SHA256) {{.+}} [cpu-on-thread-pool]
  });
}

static std::mutex g_boost_mutex;

void boostThread(const unsigned char *data) {
  boost::thread worker([data] {
    boost::lock_guard<std::mutex> lock(g_boost_mutex);
    unsigned char md[SHA256_DIGEST_LENGTH];
    digest(data, md);
    // CHECK-MESSAGES-POOL: :[[@LINE-1]]:5: warning: the lambda passed to '{{(boost::)?}}thread' runs on its own thread, but 'digest' computes for long (SHA256) while holding 'g_boost_mutex', {{.+}} [cpu-on-thread-pool]
  });
  worker.join();
}

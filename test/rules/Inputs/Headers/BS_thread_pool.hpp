// Mock <BS_thread_pool.hpp>: BS::thread_pool's submission API as version 4
// declares it; the templates have empty bodies
// (a lambda's type has no linkage, so a declaration alone would not do).
#ifndef BOUNDWISE_MOCK_BS_THREAD_POOL
#define BOUNDWISE_MOCK_BS_THREAD_POOL
#include <cstddef>
#include <future>
#include <utility>

namespace BS {
template <typename T> class multi_future {
public:
  void wait() const;
};

class thread_pool {
public:
  explicit thread_pool(std::size_t num_threads = 0);
  ~thread_pool();
  template <typename F>
  std::future<decltype(std::declval<F>()())> submit_task(F &&task,
                                                         int priority = 0) {
    return {};
  }
  template <typename F> void detach_task(F &&task, int priority = 0) {}
  template <typename T1, typename T2, typename F>
  void detach_loop(T1 first_index, T2 index_after_last, F &&loop,
                   std::size_t num_blocks = 0, int priority = 0) {}
  template <typename T1, typename T2, typename F>
  multi_future<void> submit_loop(T1 first_index, T2 index_after_last, F &&loop,
                                 std::size_t num_blocks = 0, int priority = 0) {
    return {};
  }
  std::size_t get_thread_count() const noexcept;
  void wait();
};
} // namespace BS

#endif

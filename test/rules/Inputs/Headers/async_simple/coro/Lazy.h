// Mock async_simple (Alibaba) Lazy coroutines: the real names of
// async_simple::coro::Lazy, its detail::LazyBase::start, via() and
// RescheduleLazy::detach, syncAwait and CurrentExecutor, without bodies.
#ifndef BOUNDWISE_MOCK_ASYNC_SIMPLE_LAZY
#define BOUNDWISE_MOCK_ASYNC_SIMPLE_LAZY
#include <coroutine>

namespace async_simple {
class Executor {
public:
  virtual ~Executor() = default;
};

// `co_await CurrentExecutor()` gives the executor the Lazy runs on (the
// real one is awaited through the promise's await_transform).
struct CurrentExecutor {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Executor *await_resume() noexcept { return nullptr; }
};

namespace coro {
template <class T> class Lazy;
template <class T> class RescheduleLazy;

namespace detail {
template <class T> struct LazyPromise {
  Lazy<T> get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

template <class T> class LazyBase {
public:
  using promise_type = LazyPromise<T>;
  template <class F> void start(F &&callback) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
} // namespace detail

template <class T = void> class Lazy : public detail::LazyBase<T> {
public:
  RescheduleLazy<T> via(Executor *ex) &&;
};

template <class T = void> class RescheduleLazy : public detail::LazyBase<T> {
public:
  void detach() {}
};

template <class T> Lazy<T> detail::LazyPromise<T>::get_return_object() {
  return {};
}

template <class LazyType> void syncAwait(LazyType &&lazy) {}
} // namespace coro
} // namespace async_simple

#endif

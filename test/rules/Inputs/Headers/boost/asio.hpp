// Mock <boost/asio.hpp> for the boundwise tests: the real qualified names of
// Boost.Asio 1.74 (boost::asio::basic_stream_socket, ::basic_waitable_timer,
// io_context::basic_executor_type, ...), without bodies and much smaller.
// Completion tokens work as in Asio: a callable is a handler (the function
// returns void), use_awaitable makes the function return an awaitable.
#ifndef BOUNDWISE_MOCK_BOOST_ASIO_HPP
#define BOUNDWISE_MOCK_BOOST_ASIO_HPP

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace boost {
namespace system {
class error_code {
public:
  error_code() noexcept;
  int value() const noexcept;
  std::string message() const;
  explicit operator bool() const noexcept;
};
} // namespace system

namespace asio {
class execution_context {
protected:
  execution_context();
  ~execution_context();
};

class any_io_executor {
public:
  any_io_executor() noexcept;
  template <class Executor> any_io_executor(Executor e);
  execution_context &context() const noexcept;
};

class io_context : public execution_context {
public:
  template <class Allocator, unsigned int Bits> class basic_executor_type {
  public:
    io_context &context() const noexcept;
    bool running_in_this_thread() const noexcept;
  };
  typedef basic_executor_type<std::allocator<void>, 0> executor_type;

  io_context();
  explicit io_context(int concurrency_hint);
  ~io_context();
  executor_type get_executor() noexcept;
  std::size_t run();
  std::size_t run_one();
  std::size_t poll();
  std::size_t poll_one();
  void stop();
  void restart();
  bool stopped() const;
};

class thread_pool : public execution_context {
public:
  template <class Allocator, unsigned int Bits> class basic_executor_type {
  public:
    thread_pool &context() const noexcept;
    bool running_in_this_thread() const noexcept;
  };
  typedef basic_executor_type<std::allocator<void>, 0> executor_type;

  thread_pool();
  explicit thread_pool(std::size_t num_threads);
  ~thread_pool();
  executor_type get_executor() noexcept;
  executor_type executor() noexcept;
  void join();
  void stop();
  void wait();
};

template <class Executor> class strand {
public:
  typedef Executor inner_executor_type;
  strand();
  explicit strand(const Executor &e);
  inner_executor_type get_inner_executor() const noexcept;
  execution_context &context() const noexcept;
};
template <class Executor> strand<Executor> make_strand(const Executor &ex);
template <class ExecutionContext>
strand<typename ExecutionContext::executor_type>
make_strand(ExecutionContext &ctx);

// Coroutines.
namespace detail {
template <class T, class Executor> class awaitable_frame;
} // namespace detail

template <class T, class Executor = any_io_executor> class awaitable {
public:
  typedef T value_type;
  typedef Executor executor_type;
  using promise_type = detail::awaitable_frame<T, Executor>;
  awaitable() noexcept;
  awaitable(awaitable &&other) noexcept;
  ~awaitable();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h);
  T await_resume();
};

namespace detail {
template <class T, class Executor> class awaitable_frame_base {
public:
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception();
};
template <class T, class Executor>
class awaitable_frame : public awaitable_frame_base<T, Executor> {
public:
  awaitable<T, Executor> get_return_object() noexcept;
  template <class U> void return_value(U &&value);
};
template <class Executor>
class awaitable_frame<void, Executor>
    : public awaitable_frame_base<void, Executor> {
public:
  awaitable<void, Executor> get_return_object() noexcept;
  void return_void();
};
} // namespace detail

template <class Executor = any_io_executor> struct use_awaitable_t {
  constexpr use_awaitable_t() {}
};
constexpr use_awaitable_t<> use_awaitable;

struct detached_t {
  constexpr detached_t() {}
};
constexpr detached_t detached;

// Completion tokens: what an initiating function returns for a token.
namespace detail {
template <class Signature> struct awaitable_signature_result;
template <> struct awaitable_signature_result<void()> { typedef void type; };
template <> struct awaitable_signature_result<void(system::error_code)> {
  typedef void type;
};
template <class T>
struct awaitable_signature_result<void(system::error_code, T)> {
  typedef T type;
};
} // namespace detail

template <class CompletionToken, class Signature> class async_result {
public:
  typedef void return_type;
};
template <class Executor, class Signature>
class async_result<use_awaitable_t<Executor>, Signature> {
public:
  typedef awaitable<
      typename detail::awaitable_signature_result<Signature>::type, Executor>
      return_type;
};

namespace detail {
template <class CompletionToken, class Signature>
using async_return_t =
    typename async_result<typename std::decay<CompletionToken>::type,
                          Signature>::return_type;
} // namespace detail

// Submitting work to an executor or execution context.
template <class CompletionToken>
detail::async_return_t<CompletionToken, void()> post(CompletionToken &&token) {
  return detail::async_return_t<CompletionToken, void()>();
}
template <class ExecutorOrContext, class CompletionToken>
detail::async_return_t<CompletionToken, void()>
post(ExecutorOrContext &&ex, CompletionToken &&token) {
  return detail::async_return_t<CompletionToken, void()>();
}
template <class CompletionToken>
detail::async_return_t<CompletionToken, void()>
dispatch(CompletionToken &&token) {
  return detail::async_return_t<CompletionToken, void()>();
}
template <class ExecutorOrContext, class CompletionToken>
detail::async_return_t<CompletionToken, void()>
dispatch(ExecutorOrContext &&ex, CompletionToken &&token) {
  return detail::async_return_t<CompletionToken, void()>();
}
template <class CompletionToken>
detail::async_return_t<CompletionToken, void()> defer(CompletionToken &&token) {
  return detail::async_return_t<CompletionToken, void()>();
}
template <class ExecutorOrContext, class CompletionToken>
detail::async_return_t<CompletionToken, void()>
defer(ExecutorOrContext &&ex, CompletionToken &&token) {
  return detail::async_return_t<CompletionToken, void()>();
}

template <class Executor, class T, class AwaitableExecutor,
          class CompletionToken>
void co_spawn(const Executor &ex, awaitable<T, AwaitableExecutor> a,
              CompletionToken &&token) {}
template <class Executor, class F, class CompletionToken>
void co_spawn(const Executor &ex, F &&f, CompletionToken &&token) {}

template <class T, class Executor> class executor_binder {
public:
  typedef T target_type;
  typedef Executor executor_type;
  T &get() noexcept;
  executor_type get_executor() const noexcept;
  template <class... Args> void operator()(Args &&...args) {}
};
template <class Executor, class T>
executor_binder<typename std::decay<T>::type, Executor>
bind_executor(const Executor &ex, T &&t) {
  return {};
}
template <class ExecutionContext, class T>
executor_binder<typename std::decay<T>::type,
                typename ExecutionContext::executor_type>
bind_executor(ExecutionContext &ctx, T &&t) {
  return {};
}

// Buffers.
class mutable_buffer {
public:
  mutable_buffer() noexcept;
  mutable_buffer(void *data, std::size_t size) noexcept;
  void *data() const noexcept;
  std::size_t size() const noexcept;
};
class const_buffer {
public:
  const_buffer() noexcept;
  const_buffer(const void *data, std::size_t size) noexcept;
  const_buffer(const mutable_buffer &b) noexcept;
  const void *data() const noexcept;
  std::size_t size() const noexcept;
};
mutable_buffer buffer(void *data, std::size_t size) noexcept;
const_buffer buffer(const void *data, std::size_t size) noexcept;
template <class PodType, std::size_t N>
mutable_buffer buffer(PodType (&data)[N]) noexcept;
template <class PodType, class Allocator>
mutable_buffer buffer(std::vector<PodType, Allocator> &data) noexcept;
template <class Elem, class Traits, class Allocator>
const_buffer buffer(const std::basic_string<Elem, Traits, Allocator> &data) noexcept;

// Sockets.
template <class Protocol, class Executor = any_io_executor> class basic_socket;
template <class Protocol, class Executor = any_io_executor>
class basic_stream_socket;
template <class Protocol, class Executor = any_io_executor>
class basic_socket_acceptor;

namespace ip {
template <class InternetProtocol> class basic_endpoint {
public:
  basic_endpoint() noexcept;
  basic_endpoint(const InternetProtocol &protocol, unsigned short port) noexcept;
  unsigned short port() const noexcept;
};

class tcp {
public:
  typedef basic_endpoint<tcp> endpoint;
  typedef basic_stream_socket<tcp> socket;
  typedef basic_socket_acceptor<tcp> acceptor;
  static tcp v4() noexcept;
  static tcp v6() noexcept;
  int family() const noexcept;
  int type() const noexcept;
  int protocol() const noexcept;
};
} // namespace ip

template <class Protocol, class Executor> class basic_socket {
public:
  typedef Executor executor_type;
  typedef typename Protocol::endpoint endpoint_type;
  executor_type get_executor() noexcept;
  void open(const Protocol &protocol);
  void connect(const endpoint_type &peer);
  void connect(const endpoint_type &peer, system::error_code &ec);
  template <class ConnectToken>
  detail::async_return_t<ConnectToken, void(system::error_code)>
  async_connect(const endpoint_type &peer, ConnectToken &&token) {
  return detail::async_return_t<ConnectToken, void(system::error_code)>();
}
  void close();
  bool is_open() const;
  void non_blocking(bool mode);
  bool non_blocking() const;
  std::size_t available() const;

protected:
  template <class ExecutionContext> explicit basic_socket(ExecutionContext &ctx);
  basic_socket(basic_socket &&other) noexcept;
  ~basic_socket();
};

template <class Protocol, class Executor>
class basic_stream_socket : public basic_socket<Protocol, Executor> {
public:
  template <class ExecutionContext>
  explicit basic_stream_socket(ExecutionContext &ctx);
  basic_stream_socket(basic_stream_socket &&other) noexcept;
  ~basic_stream_socket();

  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence &buffers);
  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence &buffers,
                        system::error_code &ec);
  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence &buffers);
  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence &buffers,
                         system::error_code &ec);
  template <class MutableBufferSequence>
  std::size_t receive(const MutableBufferSequence &buffers);
  template <class ConstBufferSequence>
  std::size_t send(const ConstBufferSequence &buffers);

  template <class MutableBufferSequence, class ReadToken>
  detail::async_return_t<ReadToken, void(system::error_code, std::size_t)>
  async_read_some(const MutableBufferSequence &buffers, ReadToken &&token) {
  return detail::async_return_t<ReadToken, void(system::error_code, std::size_t)>();
}
  template <class ConstBufferSequence, class WriteToken>
  detail::async_return_t<WriteToken, void(system::error_code, std::size_t)>
  async_write_some(const ConstBufferSequence &buffers, WriteToken &&token) {
  return detail::async_return_t<WriteToken, void(system::error_code, std::size_t)>();
}
};

template <class Protocol, class Executor> class basic_socket_acceptor {
public:
  typedef Executor executor_type;
  typedef typename Protocol::endpoint endpoint_type;
  template <class ExecutionContext>
  explicit basic_socket_acceptor(ExecutionContext &ctx);
  template <class ExecutionContext>
  basic_socket_acceptor(ExecutionContext &ctx, const endpoint_type &endpoint);
  ~basic_socket_acceptor();
  executor_type get_executor() noexcept;
  void listen(int backlog = 128);
  void close();

  basic_stream_socket<Protocol, Executor> accept();
  template <class Protocol1, class Executor1>
  void accept(basic_socket<Protocol1, Executor1> &peer);
  template <class AcceptToken>
  detail::async_return_t<
      AcceptToken,
      void(system::error_code, basic_stream_socket<Protocol, Executor>)>
  async_accept(AcceptToken &&token) {
  return detail::async_return_t<
      AcceptToken,
      void(system::error_code, basic_stream_socket<Protocol, Executor>)>();
}
  template <class Protocol1, class Executor1, class AcceptToken>
  detail::async_return_t<AcceptToken, void(system::error_code)>
  async_accept(basic_socket<Protocol1, Executor1> &peer, AcceptToken &&token) {
  return detail::async_return_t<AcceptToken, void(system::error_code)>();
}
};

// Timers.
template <class Clock> struct wait_traits {};
template <class Clock, class WaitTraits = wait_traits<Clock>,
          class Executor = any_io_executor>
class basic_waitable_timer {
public:
  typedef Executor executor_type;
  typedef typename Clock::duration duration;
  typedef typename Clock::time_point time_point;
  template <class ExecutionContext>
  explicit basic_waitable_timer(ExecutionContext &ctx);
  template <class ExecutionContext>
  basic_waitable_timer(ExecutionContext &ctx, const duration &expiry_time);
  ~basic_waitable_timer();
  executor_type get_executor() noexcept;
  std::size_t expires_after(const duration &expiry_time);
  std::size_t expires_at(const time_point &expiry_time);
  std::size_t cancel();
  void wait();
  void wait(system::error_code &ec);
  template <class WaitToken>
  detail::async_return_t<WaitToken, void(system::error_code)>
  async_wait(WaitToken &&token) {
  return detail::async_return_t<WaitToken, void(system::error_code)>();
}
};
typedef basic_waitable_timer<std::chrono::steady_clock> steady_timer;
typedef basic_waitable_timer<std::chrono::system_clock> system_timer;

// Composed operations.
template <class SyncReadStream, class MutableBufferSequence>
std::size_t read(SyncReadStream &s, const MutableBufferSequence &buffers);
template <class SyncReadStream, class MutableBufferSequence>
std::size_t read(SyncReadStream &s, const MutableBufferSequence &buffers,
                 system::error_code &ec);
template <class SyncWriteStream, class ConstBufferSequence>
std::size_t write(SyncWriteStream &s, const ConstBufferSequence &buffers);
template <class SyncWriteStream, class ConstBufferSequence>
std::size_t write(SyncWriteStream &s, const ConstBufferSequence &buffers,
                  system::error_code &ec);
template <class AsyncReadStream, class MutableBufferSequence, class ReadToken>
detail::async_return_t<ReadToken, void(system::error_code, std::size_t)>
async_read(AsyncReadStream &s, const MutableBufferSequence &buffers,
           ReadToken &&token) {
  return detail::async_return_t<ReadToken, void(system::error_code, std::size_t)>();
}
template <class AsyncWriteStream, class ConstBufferSequence, class WriteToken>
detail::async_return_t<WriteToken, void(system::error_code, std::size_t)>
async_write(AsyncWriteStream &s, const ConstBufferSequence &buffers,
            WriteToken &&token) {
  return detail::async_return_t<WriteToken, void(system::error_code, std::size_t)>();
}
} // namespace asio
} // namespace boost

#endif

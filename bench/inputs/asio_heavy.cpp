// Benchmark input: a translation unit that includes all of Boost.Asio and
// instantiates a good share of it: coroutines, completion-handler lambdas,
// timers, strands, a resolver, signals, a thread pool, composed operations.
// Some handlers block (sleep, std::ifstream, synchronous reads) so that the
// analysis has real work to do; others offload correctly.
//
// Compile flags (as bench/compare.py passes them):
//   -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
#include <utility>  // Boost 1.74's Asio needs it before <boost/asio.hpp> with clang
#include <boost/asio.hpp>

#include <array>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace bench {

struct Stats {
  std::mutex lock;
  std::map<std::string, long> counters;
  void bump(const std::string &key) {
    std::lock_guard<std::mutex> guard(lock);
    ++counters[key];
  }
};

std::string load_config(const std::string &path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string checksum(const std::string &data) {
  unsigned long h = 1469598103934665603ul;
  for (unsigned char c : data)
    h = (h ^ c) * 1099511628211ul;
  return std::to_string(h);
}

void throttle() { usleep(1000); }

std::string render(const std::string &key, Stats &stats) {
  stats.bump(key);
  if (key == "config")
    return load_config("/etc/bench.conf");
  return checksum(key);
}

// --- coroutines -------------------------------------------------------------

asio::awaitable<std::string> read_request(tcp::socket &socket) {
  std::string buffer;
  std::size_t n = co_await asio::async_read_until(
      socket, asio::dynamic_buffer(buffer), "\r\n", asio::use_awaitable);
  co_return buffer.substr(0, n - 2);
}

asio::awaitable<void> session(tcp::socket socket, Stats &stats) {
  for (;;) {
    std::string key = co_await read_request(socket);
    std::string body = render(key, stats); // blocks on "config"
    throttle();                             // blocks: usleep
    co_await asio::async_write(socket, asio::buffer(body), asio::use_awaitable);
  }
}

asio::awaitable<void> session_offloaded(tcp::socket socket, Stats &stats,
                                        asio::thread_pool &pool) {
  asio::steady_timer pause(socket.get_executor());
  for (;;) {
    std::string key = co_await read_request(socket);
    std::string body = co_await asio::co_spawn(
        pool, [&]() -> asio::awaitable<std::string> { co_return render(key, stats); },
        asio::use_awaitable);
    pause.expires_after(1ms);
    co_await pause.async_wait(asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(body), asio::use_awaitable);
  }
}

asio::awaitable<void> listener(tcp::acceptor acceptor, Stats &stats,
                               asio::thread_pool &pool, bool offload) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    auto ex = socket.get_executor();
    if (offload)
      asio::co_spawn(ex, session_offloaded(std::move(socket), stats, pool), asio::detached);
    else
      asio::co_spawn(ex, session(std::move(socket), stats), asio::detached);
  }
}

asio::awaitable<std::vector<std::string>> resolve_all(std::vector<std::string> hosts) {
  auto ex = co_await asio::this_coro::executor;
  tcp::resolver resolver(ex);
  std::vector<std::string> out;
  for (const auto &host : hosts) {
    auto results = co_await resolver.async_resolve(host, "80", asio::use_awaitable);
    for (const auto &entry : results)
      out.push_back(entry.endpoint().address().to_string());
  }
  co_return out;
}

// --- completion handlers ------------------------------------------------------

class Connection : public std::enable_shared_from_this<Connection> {
public:
  Connection(tcp::socket socket, Stats &stats)
      : socket_(std::move(socket)), strand_(asio::make_strand(socket_.get_executor())),
        timer_(socket_.get_executor()), stats_(stats) {}

  void start() { read_header(); }

private:
  void read_header() {
    auto self = shared_from_this();
    asio::async_read(socket_, asio::buffer(header_),
                     asio::bind_executor(strand_, [this, self](boost::system::error_code ec,
                                                               std::size_t) {
                       if (ec)
                         return;
                       stats_.bump("header");
                       read_body(header_[0]);
                     }));
  }

  void read_body(std::size_t length) {
    body_.resize(length);
    auto self = shared_from_this();
    asio::async_read(socket_, asio::buffer(body_),
                     [this, self](boost::system::error_code ec, std::size_t n) {
                       if (ec)
                         return;
                       std::array<char, 64> extra;
                       socket_.read_some(asio::buffer(extra)); // blocks in a handler
                       reply(checksum(std::string(body_.begin(), body_.begin() + n)));
                     });
  }

  void reply(std::string text) {
    auto self = shared_from_this();
    auto data = std::make_shared<std::string>(std::move(text));
    asio::async_write(socket_, asio::buffer(*data),
                      [this, self, data](boost::system::error_code ec, std::size_t) {
                        if (ec)
                          return;
                        timer_.expires_after(5ms);
                        timer_.async_wait([this, self](boost::system::error_code) {
                          std::this_thread::sleep_for(1ms); // blocks in a handler
                          read_header();
                        });
                      });
  }

  tcp::socket socket_;
  asio::strand<tcp::socket::executor_type> strand_;
  asio::steady_timer timer_;
  Stats &stats_;
  std::array<std::uint8_t, 1> header_{};
  std::vector<char> body_;
};

void accept_loop(tcp::acceptor &acceptor, Stats &stats) {
  acceptor.async_accept([&](boost::system::error_code ec, tcp::socket socket) {
    if (!ec)
      std::make_shared<Connection>(std::move(socket), stats)->start();
    accept_loop(acceptor, stats);
  });
}

} // namespace bench

int main() {
  asio::io_context io;
  asio::thread_pool pool(2);
  bench::Stats stats;
  auto loopback = asio::ip::make_address("127.0.0.1");
  tcp::acceptor plain(io, {loopback, 0});
  bench::accept_loop(plain, stats);
  asio::co_spawn(io, bench::listener(tcp::acceptor(io, {loopback, 0}), stats, pool, false),
                 asio::detached);
  asio::co_spawn(io, bench::listener(tcp::acceptor(io, {loopback, 0}), stats, pool, true),
                 asio::detached);
  asio::co_spawn(io, bench::resolve_all({"localhost"}), asio::detached);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code, int) { io.stop(); });
  asio::post(pool, [&] { stats.bump("pool"); bench::throttle(); });
  io.run_for(10ms);
  pool.join();
}

// profile_server: a line-based TCP service on Boost.Asio C++20 coroutines.
// A client sends one user name per line; the server answers with that user's
// profile, a text file profiles/<name>.txt.
//
// Port 5555 is served by handle_request, which reads the file on the event
// loop: while one client's file is read, every other connection waits.
// Port 5556 is served by handle_request_offloaded, which runs the same read
// on a thread pool and resumes on the event loop with the result.
//
//   ./profile_server [profile dir]      then: printf 'alice\n' | nc 127.0.0.1 5555
#include <utility>  // Boost 1.74's Asio uses std::exchange without including it
#include <boost/asio.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

std::string profile_dir = "profiles";

// Opens and reads a whole file: this blocks the calling thread on the disk.
std::string read_profile(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string lookup_user(const std::string &name) {
  if (name.empty() || name.find_first_of("/.") != std::string::npos)
    return {};
  return read_profile(profile_dir + "/" + name + ".txt");
}

std::string format_reply(const std::string &name, const std::string &profile) {
  if (profile.empty())
    return "404 " + name + "\n";
  return "200 " + name + " " + std::to_string(profile.size()) + "\n" + profile;
}

// Reads one request line (without its '\n'); throws at end of stream.
asio::awaitable<std::string> read_line(tcp::socket &socket, std::string &buffer) {
  std::size_t n = co_await asio::async_read_until(
      socket, asio::dynamic_buffer(buffer), '\n', asio::use_awaitable);
  std::string line = buffer.substr(0, n - 1);
  buffer.erase(0, n);
  co_return line;
}

// Wrong: lookup_user -> read_profile -> std::ifstream runs on the io_context.
asio::awaitable<void> handle_request(tcp::socket socket) {
  std::string buffer;
  for (;;) {
    std::string name = co_await read_line(socket, buffer);
    std::string reply = format_reply(name, lookup_user(name));
    co_await asio::async_write(socket, asio::buffer(reply), asio::use_awaitable);
  }
}

// Right: the lookup runs on the pool; this coroutine waits for it without
// blocking the io_context, and resumes there with the profile. (The lambda
// may capture by reference: this frame outlives the awaited co_spawn.)
asio::awaitable<void> handle_request_offloaded(tcp::socket socket,
                                               asio::thread_pool &pool) {
  std::string buffer;
  for (;;) {
    std::string name = co_await read_line(socket, buffer);
    std::string profile = co_await asio::co_spawn(
        pool,
        [&name]() -> asio::awaitable<std::string> { co_return lookup_user(name); },
        asio::use_awaitable);
    std::string reply = format_reply(name, profile);
    co_await asio::async_write(socket, asio::buffer(reply), asio::use_awaitable);
  }
}

asio::awaitable<void> serve(tcp::acceptor acceptor, asio::thread_pool *pool) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    auto executor = socket.get_executor();
    if (pool)
      asio::co_spawn(executor, handle_request_offloaded(std::move(socket), *pool),
                     asio::detached);
    else
      asio::co_spawn(executor, handle_request(std::move(socket)), asio::detached);
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc > 1)
    profile_dir = argv[1];
  asio::io_context io;
  asio::thread_pool pool(4);
  auto loopback = asio::ip::make_address("127.0.0.1");
  asio::co_spawn(io, serve(tcp::acceptor(io, {loopback, 5555}), nullptr),
                 asio::detached);
  asio::co_spawn(io, serve(tcp::acceptor(io, {loopback, 5556}), &pool),
                 asio::detached);
  std::cout << "profile_server: 127.0.0.1:5555 (blocking), :5556 (offloaded)\n";
  io.run();
  pool.join();
}

// RUN: %check_rule %s thread-per-connection %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Boost.Asio's synchronous acceptor in a loop, a std::thread per accepted
// socket: reported. Quiet: the sockets handed to a bounded
// boost::asio::thread_pool with post, and the asynchronous accept (the
// event loop's way).

#include <thread>
#include <utility>

#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

static void session(tcp::socket socket) {
  char data[1024];
  socket.read_some(asio::buffer(data));
}

// `socket = acceptor.accept()`, the thread given the moved socket.
void serveReturned(tcp::acceptor &acceptor) {
  for (;;) {
    tcp::socket socket = acceptor.accept();
    std::thread(session, std::move(socket)).detach();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: thousands of connections mean thousands of threads; use async (an event loop such as Asio or libuv) for thousands of connections, or a bounded pool for dozens to hundreds [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:35: note: the connection is accepted here{{$}}
  }
}

// `acceptor.accept(socket)`, the thread running a lambda that owns it.
void serveIntoSocket(asio::io_context &io, tcp::acceptor &acceptor) {
  while (true) {
    tcp::socket socket(io);
    acceptor.accept(socket);
    std::thread([s = std::move(socket)]() mutable {
      session(std::move(s));
    }).detach();
    // CHECK-NOTES: :[[@LINE-3]]:5: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-5]]:14: note: the connection is accepted here{{$}}
  }
}

// A bounded pool fed from the accept loop: quiet.
void servePooled(tcp::acceptor &acceptor) {
  asio::thread_pool pool(16);
  for (;;) {
    tcp::socket socket = acceptor.accept();
    asio::post(pool, [s = std::move(socket)]() mutable {
      session(std::move(s));
    });
  }
}

// The asynchronous accept runs on the event loop; its handler starts no
// thread per connection. Quiet.
void acceptNext(tcp::acceptor &acceptor) {
  acceptor.async_accept([&acceptor](const boost::system::error_code &ec,
                                    tcp::socket socket) {
    if (!ec)
      session(std::move(socket));
    acceptNext(acceptor);
  });
}

// A loop that starts threads, with the acceptor only used before it: the
// loop accepts nothing. Quiet.
void serveWorkers(asio::io_context &io, tcp::acceptor &acceptor) {
  acceptor.listen();
  for (int i = 0; i < 4; ++i)
    std::thread([&io] { io.run(); }).detach();
}

// REQUIRES: real-asio, real-sqlite
// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20

// A database call in an Asio completion handler, against the installed
// Boost.Asio and SQLite headers; the twin hands the query to a pool.

#include <utility>

#include <boost/asio.hpp>
#include <sqlite3.h>

namespace asio = boost::asio;
using asio::ip::tcp;

void handleRequest(tcp::socket &sock, char (&buf)[256], sqlite3 *db) {
  sock.async_read_some(
      asio::buffer(buf), [db](const boost::system::error_code &, std::size_t) {
        sqlite3_exec(db, "INSERT INTO hits VALUES (1)", nullptr, nullptr,
                     nullptr);
        // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: the lambda passed to 'async_read_some' is a completion handler, but it calls 'sqlite3_exec', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
      });
}

void handleRequestOffloaded(tcp::socket &sock, char (&buf)[256], sqlite3 *db,
                            asio::thread_pool &pool) {
  sock.async_read_some(
      asio::buffer(buf),
      [db, &pool](const boost::system::error_code &, std::size_t) {
        asio::post(pool, [db] {
          sqlite3_exec(db, "INSERT INTO hits VALUES (1)", nullptr, nullptr,
                       nullptr);
        });
      });
}

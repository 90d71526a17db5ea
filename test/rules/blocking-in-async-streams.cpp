// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Reads of a file stream opened elsewhere, in Asio completion handlers: each
// waits for the disk. A string stream reads memory, and a std::istream& may
// be one, so those stay quiet.

#include <boost/asio.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace asio = boost::asio;

std::ifstream Journal;
std::istringstream Script(std::string("1 2 3"));

void onLine(const boost::system::error_code &) {
  std::string line;
  std::getline(Journal, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onLine' is a completion handler of 'async_wait', but it calls 'std::getline', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
}

void onNumber(const boost::system::error_code &) {
  int value = 0;
  Journal >> value;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'onNumber' is a completion handler of 'async_wait', but it calls 'std::basic_ifstream::operator>>', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
}

void onWord(const boost::system::error_code &) {
  std::string word;
  Journal >> word;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'onWord' is a completion handler of 'async_wait', but it calls 'std::operator>>', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
}

void onBlock(const boost::system::error_code &) {
  char block[512];
  Journal.read(block, sizeof block);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'onBlock' is a completion handler of 'async_wait', but it calls 'std::basic_ifstream::read', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
  Journal.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'onBlock' is a completion handler of 'async_wait', but it calls 'std::basic_ifstream::get', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
}

// The same reads of a string stream.
void onScript(const boost::system::error_code &) {
  std::string line, word;
  int value = 0;
  char block[8];
  std::getline(Script, line);
  Script >> value;
  Script >> word;
  Script.read(block, sizeof block);
  Script.get();
}

// A stream of unknown kind.
static int readCount(std::istream &in) {
  int count = 0;
  in >> count;
  return count;
}

void onCount(const boost::system::error_code &) { readCount(Script); }

void armTimers(asio::io_context &io) {
  asio::steady_timer timer(io);
  timer.async_wait(onLine);
  timer.async_wait(onNumber);
  timer.async_wait(onWord);
  timer.async_wait(onBlock);
  timer.async_wait(onScript);
  timer.async_wait(onCount);
}

// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Blocking calls of Boost.Thread, SCTP, network interfaces and reverse DNS,
// each next to the form that returns at once.

#include <chrono>
#include <coroutine>

#include <boost/thread/thread.hpp>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/sctp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

using namespace std::chrono_literals;

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// Boost.Thread's sleeps.

Task backOff() {
  boost::this_thread::sleep(boost::posix_time::milliseconds(50));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'backOff' is a coroutine, but it calls 'boost::this_thread::sleep', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task backOffFor() {
  boost::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'backOffFor' is a coroutine, but it calls 'boost::this_thread::sleep_for', which sleeps and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task giveWay() {
  boost::this_thread::yield();
  co_return;
}

// SCTP sends and receives.

Task sendChunk(int sd, const char *data, size_t len) {
  sctp_sendmsg(sd, data, len, nullptr, 0, 0, SCTP_UNORDERED, 0, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sendChunk' is a coroutine, but it calls 'sctp_sendmsg', which sends on an SCTP socket and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task receiveChunk(int sd, char *buf, size_t len) {
  int flags = 0;
  sctp_recvmsg(sd, buf, len, nullptr, nullptr, nullptr, &flags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'receiveChunk' is a coroutine, but it calls 'sctp_recvmsg', which receives from an SCTP socket and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task sendChunkNow(int sd, const char *data, size_t len) {
  sctp_send(sd, data, len, nullptr, MSG_DONTWAIT);
  co_return;
}

// Network interfaces: getifaddrs and the interface ioctls.

Task listInterfaces() {
  struct ifaddrs *all = nullptr;
  getifaddrs(&all);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'listInterfaces' is a coroutine, but it calls 'getifaddrs', which lists the network interfaces (a netlink request to the kernel) and stalls the event loop; {{.+}} [blocking-in-async]
  freeifaddrs(all);
  co_return;
}

struct ifreq {
  char ifr_name[16];
  char ifr_data[24];
};

Task readMacAddress(int sd, struct ifreq *request) {
  ioctl(sd, SIOCGIFHWADDR, request);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'readMacAddress' is a coroutine, but it calls 'ioctl', which queries or configures a network interface (ioctl) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task bytesWaiting(int sd) {
  int pending = 0;
  ioctl(sd, FIONREAD, &pending);
  co_return;
}

// Reverse DNS, and the numeric form that does no lookup.

Task nameOfPeer(const struct sockaddr *peer, socklen_t len) {
  char host[NI_MAXHOST];
  getnameinfo(peer, len, host, sizeof host, nullptr, 0, NI_NAMEREQD);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nameOfPeer' is a coroutine, but it calls 'getnameinfo', which resolves an address to a host name (DNS) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task formatPeer(const struct sockaddr *peer, socklen_t len) {
  char host[NI_MAXHOST], port[NI_MAXSERV];
  getnameinfo(peer, len, host, sizeof host, port, sizeof port,
              NI_NUMERICHOST | NI_NUMERICSERV);
  co_return;
}

// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Blocking calls of Boost.Thread, SCTP, network interfaces, reverse DNS and
// file opens, each next to the form that returns at once.

#include <chrono>
#include <coroutine>
#include <fstream>
#include <string>

#include <boost/thread/thread.hpp>
#include <fcntl.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/sctp.h>
#include <stdio.h>
#include <unistd.h>
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

// Opening and reading a file waits for the disk; a file of /proc or /sys is
// made by the kernel from its memory.

Task readConfig(char *line, int size) {
  FILE *config = fopen("/etc/app.conf", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'readConfig' is a coroutine, but it calls 'fopen', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  fgets(line, size, config);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'readConfig' is a coroutine, but it calls 'fgets', which reads from a FILE stream and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task readOwnStat(char *line, int size) {
  FILE *stat = fopen("/proc/self/stat", "r");
  fgets(line, size, stat);
  co_return;
}

Task readProcessStatus(int pid, char *buf, long size) {
  std::string path = "/proc/" + std::to_string(pid) + "/status";
  int fd = open(path.c_str(), O_RDONLY);
  read(fd, buf, size);
  co_return;
}

Task readTemperature(int *milliCelsius) {
  std::ifstream sensor("/sys/class/thermal/thermal_zone0/temp");
  sensor >> *milliCelsius;
  co_return;
}

Task readProcessLog(int pid, char *buf, long size) {
  std::string path = "/var/log/" + std::to_string(pid);
  int fd = open(path.c_str(), O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'readProcessLog' is a coroutine, but it calls 'open', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  read(fd, buf, size);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'readProcessLog' is a coroutine, but it calls 'read', which reads from a file descriptor and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task readCount(int *count) {
  std::ifstream saved("/var/lib/app/count");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'readCount' is a coroutine, but it calls 'std::ifstream', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  saved >> *count;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'readCount' is a coroutine, but it calls 'std::basic_ifstream::operator>>', which reads from a file and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A fork's child is another process: what it does before it execs (opening
// /dev/null for its stderr) does not stall the parent's loop. The parent's
// own open does.

Task runJob(char *const argv[]) {
  int pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 2);
    execvp(argv[0], argv);
    _exit(1);
  }
  int log = open("/var/log/jobs", O_WRONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'runJob' is a coroutine, but it calls 'open', which opens a file and stalls the event loop; {{.+}} [blocking-in-async]
  (void)log;
  co_return;
}

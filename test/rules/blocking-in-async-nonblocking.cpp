// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Calls that do not block because of how they are made: a non-blocking flag,
// a descriptor made non-blocking, a zero timeout. Each has a blocking twin.

#include <coroutine>

#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// MSG_DONTWAIT, alone or with other flags.

Task flags(int fd) {
  char buf[16];
  recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  recv(fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
  send(fd, buf, sizeof buf, MSG_DONTWAIT | MSG_NOSIGNAL);
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flags' is a coroutine, but it calls 'recv', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  recv(fd, buf, sizeof buf, MSG_PEEK);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flags' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  send(fd, buf, sizeof buf, MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flags' is a coroutine, but it calls 'send', which {{.+}} [blocking-in-async]
  co_return;
}

// A descriptor made non-blocking with fcntl in the same function.

Task nonblockingFd(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  read(fd, buf, sizeof buf);
  co_return;
}

Task otherFdNonblocking(int fd, int other) {
  fcntl(other, F_SETFL, O_NONBLOCK);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'otherFdNonblocking' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

Task fcntlWithoutNonblock(int fd) {
  fcntl(fd, F_SETFL, 0);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fcntlWithoutNonblock' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

// A socket created non-blocking.

Task socketNonblock(const struct sockaddr *addr) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(fd, addr, sizeof *addr);
  co_return;
}

Task socketBlocking(const struct sockaddr *addr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, addr, sizeof *addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'socketBlocking' is a coroutine, but it calls 'connect', which {{.+}} [blocking-in-async]
  co_return;
}

// accept4 on a non-blocking listener does not wait, and SOCK_NONBLOCK makes
// the accepted socket non-blocking.
Task acceptNonblock(int listener) {
  fcntl(listener, F_SETFL, O_NONBLOCK);
  int fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  char buf[4];
  recv(fd, buf, sizeof buf, 0);
  co_return;
}

Task acceptBlocking(int listener) {
  int fd = accept4(listener, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'acceptBlocking' is a coroutine, but it calls 'accept4', which {{.+}} [blocking-in-async]
  char buf[4];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'acceptBlocking' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

// Zero timeouts.

Task pollTimeouts(struct pollfd *fds) {
  poll(fds, 1, 0);
  poll(fds, 1, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pollTimeouts' is a coroutine, but it calls 'poll', which {{.+}} [blocking-in-async]
  poll(fds, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pollTimeouts' is a coroutine, but it calls 'poll', which {{.+}} [blocking-in-async]
  co_return;
}

Task selectTimeouts(int n, fd_set *readable) {
  struct timeval zero = {0, 0};
  select(n, readable, nullptr, nullptr, &zero);
  struct timeval cleared;
  cleared.tv_sec = 0;
  cleared.tv_usec = 0;
  select(n, readable, nullptr, nullptr, &cleared);
  select(n, readable, nullptr, nullptr, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'selectTimeouts' is a coroutine, but it calls 'select', which {{.+}} [blocking-in-async]
  select(n, readable, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'selectTimeouts' is a coroutine, but it calls 'select', which {{.+}} [blocking-in-async]
  struct timeval second = {1, 0};
  select(n, readable, nullptr, nullptr, &second);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'selectTimeouts' is a coroutine, but it calls 'select', which {{.+}} [blocking-in-async]
  co_return;
}

Task epollTimeouts(int ep, struct epoll_event *events) {
  epoll_wait(ep, events, 16, 0);
  epoll_wait(ep, events, 16, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'epollTimeouts' is a coroutine, but it calls 'epoll_wait', which {{.+}} [blocking-in-async]
  co_return;
}

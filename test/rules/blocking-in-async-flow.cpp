// RUN: %check_rule %s blocking-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// The non-blocking conditions follow the control flow: a flag cleared or
// overwritten before the call, a descriptor made non-blocking only after the
// read, or only on one path. Each has its twin that stays quiet.

#include <coroutine>

#include <fcntl.h>
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

// MSG_DONTWAIT cleared from the flags.

Task clearedFlag(int fd, int flags) {
  char buf[16];
  recv(fd, buf, sizeof buf, flags & ~MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'clearedFlag' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

Task addedFlag(int fd, int flags) {
  char buf[16];
  recv(fd, buf, sizeof buf, flags | MSG_DONTWAIT);
  co_return;
}

// A flag variable overwritten after its initializer, or cleared in place.

Task overwrittenFlag(int fd) {
  int flags = MSG_DONTWAIT;
  flags = 0;
  char buf[16];
  recv(fd, buf, sizeof buf, flags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'overwrittenFlag' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

Task clearedInPlace(int fd) {
  int flags = MSG_DONTWAIT | MSG_NOSIGNAL;
  flags &= ~MSG_DONTWAIT;
  char buf[16];
  recv(fd, buf, sizeof buf, flags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'clearedInPlace' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

Task setLater(int fd) {
  int flags = 0;
  flags |= MSG_DONTWAIT;
  char buf[16];
  recv(fd, buf, sizeof buf, flags);
  co_return;
}

// Set on one path only, or on both.

Task flagOnOnePath(int fd, bool peek) {
  int flags = 0;
  if (peek)
    flags = MSG_DONTWAIT;
  char buf[16];
  recv(fd, buf, sizeof buf, flags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flagOnOnePath' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

Task flagOnBothPaths(int fd, bool peek) {
  int flags;
  if (peek)
    flags = MSG_DONTWAIT | MSG_PEEK;
  else
    flags = MSG_DONTWAIT;
  char buf[16];
  recv(fd, buf, sizeof buf, flags);
  co_return;
}

// fcntl(O_NONBLOCK) after the read does not make the read non-blocking.

Task nonblockingAfterRead(int fd) {
  char buf[16];
  read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nonblockingAfterRead' is a coroutine, but it calls 'read', which {{.+}} [blocking-in-async]
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  read(fd, buf, sizeof buf);
  co_return;
}

// A descriptor replaced after it was made non-blocking.

Task replacedDescriptor(int fd, int listener) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  fd = accept(listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'replacedDescriptor' is a coroutine, but it calls 'accept', which {{.+}} [blocking-in-async]
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'replacedDescriptor' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

// A helper that makes its parameter non-blocking, as servers write it: the
// error path returns early.

static int setNonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0)
    return -1;
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static int setCloseOnExec(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  return fcntl(fd, F_SETFL, flags);
}

Task nonblockingByHelper(int fd) {
  setNonblocking(fd);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  co_return;
}

Task otherHelper(int fd) {
  setCloseOnExec(fd);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'otherHelper' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

Task helperAfterRead(int fd) {
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'helperAfterRead' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  setNonblocking(fd);
  co_return;
}

// A helper told by its argument whether to set or clear O_NONBLOCK.

static void setBlocking(int fd, bool nonblocking) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, nonblocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK));
}

Task helperSetsNonblocking(int fd) {
  setBlocking(fd, true);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  co_return;
}

Task helperClearsNonblocking(int fd) {
  setBlocking(fd, false);
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'helperClearsNonblocking' is a coroutine, but it calls 'recv', which {{.+}} [blocking-in-async]
  co_return;
}

// A wrapper that passes its flags on to recv: MSG_DONTWAIT given to it makes
// its recv non-blocking, at that call only.

static long receive(int fd, char *buf, unsigned long len, int flags) {
  return recv(fd, buf, len, flags);
}

Task dontWaitThroughWrapper(int fd) {
  char buf[16];
  receive(fd, buf, sizeof buf, MSG_DONTWAIT);
  co_return;
}

Task waitThroughWrapper(int fd) {
  char buf[16];
  receive(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'waitThroughWrapper' is a coroutine, but 'receive' blocks on the network (recv) and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

// A descriptor made non-blocking before a member reads it.

struct Reader {
  long next(int fd, char *buf, unsigned long len) {
    return read(fd, buf, len);
  }
};

Task readThroughMember(int fd) {
  Reader reader;
  char buf[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  reader.next(fd, buf, sizeof buf);
  co_return;
}

Task readThroughMemberBlocking(int fd) {
  Reader reader;
  char buf[16];
  reader.next(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'readThroughMemberBlocking' is a coroutine, but 'Reader::next' blocks {{.+}} [blocking-in-async]
  co_return;
}

// RUN: %check_rule %s process-for-io %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// fork(): the child's work is the branch where the returned pid is 0, up to
// _exit/exit/exec. A child that only blocks on I/O (and computes nothing
// heavy) is flagged at the fork call, with notes down to the I/O. A child
// that computes, or that waits and computes, is worth its process. The
// parent's work is not the child's.

#include <vector>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static long crunchNumbers() {
  long total = 0;
  for (long i = 0; i < 100000000; ++i)
    total += i * i;
  return total;
}

// A child that only receives from a socket.
void forkToReceive(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): a process per wait costs memory and start-up for nothing; use threads for dozens to hundreds of waits, async for thousands (libcurl multi, Asio) [process-for-io]
  if (pid == 0) {
    char buf[512];
    recv(fd, buf, sizeof buf, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkToReceive' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
  waitpid(pid, nullptr, 0);
}

// A child that only reads a file.
void forkToReadFile() {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on file I/O (fopen): {{.+}} [process-for-io]
  if (pid == 0) {
    FILE *in = fopen("input.dat", "rb");
    // CHECK-NOTES: :[[@LINE-1]]:16: note: 'forkToReadFile' calls 'fopen', which opens a file (blocking file I/O){{$}}
    char buf[64];
    fread(buf, 1, sizeof buf, in);
    exit(0);
  }
  waitpid(pid, nullptr, 0);
}

// A child that computes a constant loop of 100000000 iterations: quiet.
void forkToCompute() {
  pid_t pid = fork();
  if (pid == 0) {
    long total = 0;
    for (long i = 0; i < 100000000; ++i)
      total += i * i;
    _exit((int)(total & 0x7f));
  }
  waitpid(pid, nullptr, 0);
}

// The same through a call, and with fork() in the condition: quiet.
void forkToComputeInCall() {
  if (fork() == 0)
    _exit((int)(crunchNumbers() & 0x7f));
}

// A child that receives, then computes on what it received: quiet.
void forkToReceiveAndCompute(int fd) {
  if (fork() == 0) {
    char buf[64];
    recv(fd, buf, sizeof buf, 0);
    crunchNumbers();
    _exit(0);
  }
}

// `if (pid != 0) { parent } else { child }`.
void forkParentFirst(int fd) {
  pid_t child = fork();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: the child forked here only blocks on the network (send): {{.+}} [process-for-io]
  if (child != 0) {
    waitpid(child, nullptr, 0);
  } else {
    send(fd, "ping", 4, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkParentFirst' calls 'send', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
}

// `if (pid > 0) { parent } else { child }`, with `!pid` as well.
void forkParentGreater(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  if (pid > 0) {
    waitpid(pid, nullptr, 0);
  } else {
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkParentGreater' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
}

void forkNotPid(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  if (!pid) {
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkNotPid' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
}

// The error check first, then the child in the else-if.
void forkErrorFirst(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  if (pid < 0) {
    return;
  } else if (pid == 0) {
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkErrorFirst' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
  waitpid(pid, nullptr, 0);
}

// The parent receives while the child computes: quiet.
void forkParentWaits(int fd) {
  pid_t pid = fork();
  if (pid == 0) {
    _exit((int)(crunchNumbers() & 0x7f));
  } else {
    char c;
    recv(fd, &c, 1, 0);
    waitpid(pid, nullptr, 0);
  }
}

// The parent computes after the child has exited: the child only waits.
void forkParentComputesAfter(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  if (pid == 0) {
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkParentComputesAfter' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
  crunchNumbers();
  waitpid(pid, nullptr, 0);
}

// A child that does nothing but exit: quiet.
void forkAndExit() {
  if (fork() == 0)
    _exit(0);
}

// A child that execs an I/O-only program: reported once, at the exec (see
// process-for-io.cpp); the branch itself only execs.
void vforkToDownload() {
  pid_t pid = vfork();
  if (pid == 0) {
    execlp("curl", "curl", "-s", "-O", "https://example.com/", (char *)nullptr);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'execlp' starts a process ('curl') whose work is pure I/O: {{.+}} [process-for-io]
    _exit(127);
  }
  waitpid(pid, nullptr, 0);
}

// A child that sends its output to /dev/null and execs a program: the
// child is that program, and what it opens first is not its work. A browser
// opener is not an I/O-only program: quiet.
void forkToOpenBrowser(char *uri) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      close(fd);
    }
    char *args[] = {(char *)"xdg-open", uri, nullptr};
    execvp(args[0], args);
    _exit(1);
  }
}

// The same child without the exec only opens a file.
void forkToOpenOnly() {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only {{.+}} [process-for-io]
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    // CHECK-NOTES: :[[@LINE-1]]:14: note: 'forkToOpenOnly' calls 'open', {{.+}}
    if (fd >= 0)
      close(fd);
    _exit(0);
  }
}

// A child that execs a compressor: quiet.
void vforkToCompress() {
  pid_t pid = vfork();
  if (pid == 0) {
    execlp("xz", "xz", "-9", "big.tar", (char *)nullptr);
    _exit(127);
  }
  waitpid(pid, nullptr, 0);
}

// The I/O through a chain of calls: one note per call.
static long receiveFrame(int fd, char *buf);
static long receiveMessage(int fd, char *buf);

void forkThroughCalls(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  if (pid == 0) {
    char buf[16];
    receiveMessage(fd, buf);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkThroughCalls' calls 'receiveMessage'{{$}}
    _exit(0);
  }
}

static long receiveMessage(int fd, char *buf) {
  return receiveFrame(fd, buf);
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'receiveMessage' calls 'receiveFrame'{{$}}
}
static long receiveFrame(int fd, char *buf) {
  return recv(fd, buf, 16, 0);
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'receiveFrame' calls 'recv', which {{.+}} (blocking network I/O){{$}}
}

// One fork per item of a loop, said in the message.
void forkPerConnection(const std::vector<int> &fds) {
  for (int fd : fds) {
    if (fork() == 0) {
      // CHECK-NOTES: :[[@LINE-1]]:9: warning: the child forked here for each item of this loop only blocks on the network (recv): {{.+}} [process-for-io]
      char c;
      recv(fd, &c, 1, 0);
      // CHECK-NOTES: :[[@LINE-1]]:7: note: 'forkPerConnection' calls 'recv', which {{.+}} (blocking network I/O){{$}}
      _exit(0);
    }
  }
}

// Two forks in one function: each child is judged by its own branch. The
// first computes (quiet), the second only receives.
void forkTwoChildren(int fd) {
  if (fork() == 0)
    _exit((int)(crunchNumbers() & 0x7f));
  if (fork() == 0) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkTwoChildren' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
}

// The parent returns; the child runs the rest of the function.
void forkParentReturns(int fd) {
  pid_t pid = fork();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  if (pid != 0)
    return;
  char c;
  recv(fd, &c, 1, 0);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'forkParentReturns' calls 'recv', which {{.+}} (blocking network I/O){{$}}
  _exit(0);
}

// switch on fork()'s result: case 0 is the child.
void forkSwitch(int fd) {
  switch (fork()) {
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
  case -1:
    return;
  case 0: {
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkSwitch' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
  default:
    break;
  }
}

// A macro that forks: reported where it is used.
#define FORK_CHILD() (fork() == 0)

void forkWithMacro(int fd) {
  if (FORK_CHILD()) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
    char c;
    recv(fd, &c, 1, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'forkWithMacro' calls 'recv', which {{.+}} (blocking network I/O){{$}}
    _exit(0);
  }
}

// A template whose child reads through its parameter: reported once.
struct SocketSource {
  int fd;
  long pull();
};

template <class Source> void forkToPull(Source &source) {
  if (fork() == 0) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: the child forked here only blocks on the network (recv): {{.+}} [process-for-io]
    source.pull();
    // CHECK-NOTES: :[[@LINE-1]]:12: note: 'forkToPull' calls 'SocketSource::pull'{{$}}
    _exit(0);
  }
}

long SocketSource::pull() {
  char c;
  return recv(fd, &c, 1, 0);
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'SocketSource::pull' calls 'recv', which {{.+}} (blocking network I/O){{$}}
}

void useForkToPull(SocketSource &source) { forkToPull(source); }

// RUN: %check_rule %s thread-per-connection %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// A loop that accepts connections and starts a new thread for each one,
// detached or stored, without a bound: reported where the thread starts,
// with a note at the accept. Quiet: a bounded pool fed from the loop,
// workers started before the loop, a thread started in a loop that accepts
// nothing (cpu-on-thread-pool's business), an accept outside any loop.
// Asio's synchronous acceptor is in thread-per-connection-asio.cpp.

#include <condition_variable>
#include <future>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static void handleClient(int fd) {
  char buf[256];
  while (recv(fd, buf, sizeof buf, 0) > 0) {
  }
  close(fd);
}

// Detached, in `while (true)`.
void serveDetached(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    std::thread(handleClient, client).detach();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: thousands of connections mean thousands of threads; use async (an event loop such as Asio or libuv) for thousands of connections, or a bounded pool for dozens to hundreds [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

// Stored in a vector with emplace_back, in `for (;;)`, with accept4.
void serveStored(int listener) {
  std::vector<std::thread> threads;
  for (;;) {
    int client = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    threads.emplace_back(handleClient, client);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

// Stored with push_back, a lambda as the thread's function.
void serveLambda(int listener) {
  std::vector<std::thread> threads;
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    threads.push_back(std::thread([client] { handleClient(client); }));
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

// The accept in the loop's condition.
void serveInCondition(int listener) {
  int client;
  while ((client = accept(listener, nullptr, nullptr)) >= 0)
    std::thread(handleClient, client).detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
  // CHECK-NOTES: :[[@LINE-3]]:20: note: the connection is accepted here{{$}}
}

// std::jthread, stored.
void serveJthread(int listener) {
  std::vector<std::jthread> threads;
  for (;;) {
    int client = accept(listener, nullptr, nullptr);
    threads.emplace_back(handleClient, client);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: a new thread ('std::jthread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

// std::async(std::launch::async, ...) per connection: a thread each.
void serveAsync(int listener) {
  std::vector<std::future<void>> sessions;
  for (;;) {
    int client = accept(listener, nullptr, nullptr);
    sessions.push_back(std::async(std::launch::async, handleClient, client));
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: a new thread ('{{(std::)?}}async') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

// std::async with no policy may run the session deferred or on a pool:
// quiet.
void serveAsyncDefault(int listener) {
  std::vector<std::future<void>> sessions;
  for (;;) {
    int client = accept(listener, nullptr, nullptr);
    sessions.push_back(std::async(handleClient, client));
  }
}

// pthread_create per connection.
static void *handleClientRaw(void *arg) {
  handleClient((int)(long)arg);
  return nullptr;
}

void servePthread(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    pthread_t tid;
    pthread_create(&tid, nullptr, handleClientRaw, (void *)(long)client);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a new thread ('pthread_create') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-4]]:18: note: the connection is accepted here{{$}}
    pthread_detach(tid);
  }
}

// A fixed set of workers started before the loop, fed through a queue: the
// bounded pool. Quiet.
class ClientQueue {
public:
  void push(int fd) {
    std::lock_guard<std::mutex> guard(mutex_);
    fds_[count_++] = fd;
    ready_.notify_one();
  }
  int pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (count_ == 0)
      ready_.wait(lock);
    return fds_[--count_];
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  int fds_[128];
  int count_ = 0;
};

void serveWithWorkers(int listener) {
  ClientQueue queue;
  std::vector<std::thread> workers;
  for (int i = 0; i < 8; ++i)
    workers.emplace_back([&queue] {
      for (;;)
        handleClient(queue.pop());
    });
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    queue.push(client);
  }
}

// A thread per connection, but at most 64 at a time: the semaphore is the
// bound. Quiet.
static std::counting_semaphore<64> connectionSlots(64);

void serveBounded(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    connectionSlots.acquire();
    std::thread([client] {
      handleClient(client);
      connectionSlots.release();
    }).detach();
  }
}

// Threads started in a loop that accepts nothing: not this rule's business.
void startPerItem(const std::vector<int> &fds) {
  for (int fd : fds)
    std::thread(handleClient, fd).detach();
}

// One accept, one thread, no loop: quiet.
void serveOnce(int listener) {
  int client = accept(listener, nullptr, nullptr);
  std::thread(handleClient, client).detach();
}

// A loop that accepts and handles each connection itself: no thread.
void serveSequentially(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    handleClient(client);
  }
}

// The accept loop inside a lambda: the lambda is the function that loops.
void serveFromLambda(int listener) {
  auto loop = [listener] {
    for (;;) {
      int client = accept(listener, nullptr, nullptr);
      std::thread(handleClient, client).detach();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
      // CHECK-NOTES: :[[@LINE-3]]:20: note: the connection is accepted here{{$}}
    }
  };
  loop();
}

// The accept loop outside, the thread inside a lambda it calls: the lambda
// does not loop, so quiet.
void serveThroughLambda(int listener) {
  auto start = [](int client) { std::thread(handleClient, client).detach(); };
  while (true)
    start(accept(listener, nullptr, nullptr));
}

// A macro that starts the thread: reported where it is used.
#define SPAWN_HANDLER(fd) std::thread(handleClient, (fd)).detach()

void serveWithMacro(int listener) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    SPAWN_HANDLER(client);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

// A template over the handler: reported once, however often it is
// instantiated.
template <class Handler> void serveTemplate(int listener, Handler handler) {
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    std::thread(handler, client).detach();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a new thread ('std::thread') is started for each connection this loop accepts, without a bound: {{.+}} [thread-per-connection]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: the connection is accepted here{{$}}
  }
}

static void handleOther(int fd) { close(fd); }

void useServeTemplate(int listener) {
  serveTemplate(listener, handleClient);
  serveTemplate(listener, [](int fd) { handleOther(fd); });
}

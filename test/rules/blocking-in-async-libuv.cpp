// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// libuv: the callbacks handed to the loop run on it; uv_queue_work's work_cb
// runs on the thread pool; uv_fs_* and uv_getaddrinfo block when their
// callback is NULL (mock <uv.h>, real argument orders).

#include <netdb.h>
#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

// Reading a stream: the allocation and read callbacks run on the loop.

static void allocBuffer(uv_handle_t *, size_t size, uv_buf_t *buf) {
  buf->base = (char *)malloc(size);
  buf->len = size;
}

static void onRead(uv_stream_t *, ssize_t, const uv_buf_t *buf) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onRead' is an event-loop callback of 'uv_read_start', but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  free(buf->base);
}

// The same body, never registered.
static void notRegistered() { sleep(1); }

void startReading(uv_stream_t *stream) {
  uv_read_start(stream, allocBuffer, onRead);
}

// A read callback that blocks through a helper.

static void persist(int fd, const uv_buf_t *buf) { write(fd, buf->base, buf->len); }

static void onData(uv_stream_t *, ssize_t, const uv_buf_t *buf) {
  persist(4, buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onData' is an event-loop callback of 'uv_read_start', but 'persist' blocks on file I/O (write) and stalls the event loop; {{.+}} [blocking-in-async]
}

void startPersisting(uv_stream_t *stream) {
  uv_read_start(stream, allocBuffer, onData);
}

// File-system requests: synchronous with a NULL callback.

static void onFileRead(uv_fs_t *req) { uv_fs_req_cleanup(req); }

static void onConnection(uv_stream_t *server, int) {
  uv_fs_t req;
  uv_buf_t buf = uv_buf_init(nullptr, 0);
  uv_fs_read(server->loop, &req, 3, &buf, 1, -1, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onConnection' is an event-loop callback of 'uv_listen', but it calls 'uv_fs_read', which {{.+}} and stalls the event loop; {{.+}} [blocking-in-async]
  uv_fs_open(server->loop, &req, "data.bin", 0, 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onConnection' is an event-loop callback of 'uv_listen', but it calls 'uv_fs_open', which {{.+}} [blocking-in-async]
  uv_fs_read(server->loop, &req, 3, &buf, 1, -1, onFileRead);
  uv_fs_open(server->loop, &req, "data.bin", 0, 0, onFileRead);
}

void listenOn(uv_stream_t *server) { uv_listen(server, 128, onConnection); }

// The work queue: work_cb on the pool, after_work_cb on the loop.

static void work(uv_work_t *) { sleep(5); }

static void afterWork(uv_work_t *, int) {
  usleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'afterWork' is an event-loop callback of 'uv_queue_work', but it calls 'usleep', which sleeps {{.+}} [blocking-in-async]
}

void queue(uv_loop_t *loop, uv_work_t *req) {
  uv_queue_work(loop, req, work, afterWork);
}

// Name resolution: uv_getaddrinfo(loop, req, cb, node, service, hints) is
// synchronous when cb (argument 2) is NULL; hints, the last, may be NULL.

static void onResolved(uv_getaddrinfo_t *, int, struct addrinfo *res) {
  uv_freeaddrinfo(res);
}

static void onTimer(uv_timer_t *timer) {
  uv_getaddrinfo_t req;
  uv_getaddrinfo(timer->loop, &req, onResolved, "example.com", "80", NULL);
  uv_getaddrinfo(timer->loop, &req, NULL, "example.com", "80", NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onTimer' is an event-loop callback of 'uv_timer_start', but it calls 'uv_getaddrinfo', which {{.+}} [blocking-in-async]
}

void arm(uv_timer_t *timer) { uv_timer_start(timer, onTimer, 1000, 0); }

// A resolver callback is a loop callback too: the blocking resolver is
// no better there.
static void onResolvedThenBlock(uv_getaddrinfo_t *, int, struct addrinfo *) {
  struct addrinfo *again = nullptr;
  getaddrinfo("example.org", "80", nullptr, &again);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onResolvedThenBlock' is an event-loop callback of 'uv_getaddrinfo', but it calls 'getaddrinfo', which {{.+}} [blocking-in-async]
}

void resolve(uv_loop_t *loop, uv_getaddrinfo_t *req) {
  uv_getaddrinfo(loop, req, onResolvedThenBlock, "example.com", "80", NULL);
}

// Captureless lambdas converted to libuv's function pointers.

void armLambda(uv_timer_t *timer) {
  uv_timer_start(
      timer,
      [](uv_timer_t *) {
        usleep(1);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the lambda passed to 'uv_timer_start' is an event-loop callback, but it calls 'usleep', which sleeps {{.+}} [blocking-in-async]
      },
      0, 0);
}

void queueLambdas(uv_loop_t *loop, uv_work_t *req) {
  uv_queue_work(
      loop, req, [](uv_work_t *) { usleep(100); },
      [](uv_work_t *, int) {
        sleep(1);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the lambda passed to 'uv_queue_work' is an event-loop callback, but it calls 'sleep', which sleeps {{.+}} [blocking-in-async]
      });
}

// RUN: %check_rule %s cpu-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// libuv: CPU-heavy work in callbacks that run on the loop, with libuv's
// offload advice (uv_queue_work); the same work in uv_queue_work's work_cb
// runs on the thread pool and stays quiet (mock <uv.h>).

#include <stdlib.h>
#include <uv.h>
#include <zlib.h>

static void allocBuffer(uv_handle_t *, size_t size, uv_buf_t *buf) {
  buf->base = (char *)malloc(size);
  buf->len = size;
}

static void onRead(uv_stream_t *, ssize_t nread, const uv_buf_t *buf) {
  static Bytef out[65536];
  uLongf outLen = sizeof out;
  compress2(out, &outLen, (const Bytef *)buf->base, (uLong)nread, 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onRead' is an event-loop callback of 'uv_read_start', but it calls 'compress2', which compresses a buffer and stalls the event loop; offload it to a CPU pool: uv_queue_work (do the work in work_cb, reply in after_work_cb) [cpu-in-async]
  free(buf->base);
}

void startReading(uv_stream_t *stream) {
  uv_read_start(stream, allocBuffer, onRead);
}

// A timer callback with a heavy constant loop.
static void onTick(uv_timer_t *) {
  static unsigned table[4096];
  for (unsigned i = 0; i < 8000000; ++i)
    table[i & 4095] += i;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'onTick' is an event-loop callback of 'uv_timer_start', but it runs a loop of 8000000 iterations and stalls the event loop; offload it to a CPU pool: uv_queue_work {{.+}} [cpu-in-async]
}

void startTicking(uv_timer_t *timer) { uv_timer_start(timer, onTick, 0, 100); }

// uv_queue_work: work_cb runs on the pool, after_work_cb on the loop.
void queueCompression(uv_loop_t *loop, uv_work_t *req) {
  uv_queue_work(
      loop, req,
      [](uv_work_t *work) {
        static Bytef out[65536];
        uLongf outLen = sizeof out;
        compress(out, &outLen, (const Bytef *)work->data, 4096);
      },
      [](uv_work_t *work, int) {
        static Bytef out[65536];
        uLongf outLen = sizeof out;
        uncompress(out, &outLen, (const Bytef *)work->data, 4096);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the lambda passed to 'uv_queue_work' is an event-loop callback, but it calls 'uncompress', which decompresses a buffer and stalls the event loop; {{.+}} [cpu-in-async]
      });
}

// REQUIRES: real-libuv
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11

// A C libuv server against the installed <uv.h>: the read callback reaches a
// blocking write through a helper; the same helper in work_cb runs on the
// thread pool.

#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

static int journal_fd = 3;

static void save_chunk(const char *data, size_t len) {
  write(journal_fd, data, len);
}

static void alloc_buffer(uv_handle_t *handle, size_t size, uv_buf_t *buf) {
  (void)handle;
  buf->base = malloc(size);
  buf->len = size;
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
  (void)stream;
  if (nread > 0)
    save_chunk(buf->base, (size_t)nread);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'on_read' is an event-loop callback of 'uv_read_start', but 'save_chunk' blocks on file I/O (write) and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  free(buf->base);
}

static void save_in_pool(uv_work_t *req) {
  uv_buf_t *buf = req->data;
  save_chunk(buf->base, buf->len);
}

static void after_save(uv_work_t *req, int status) {
  (void)status;
  free(req);
}

static void on_connection(uv_stream_t *server, int status) {
  if (status < 0)
    return;
  uv_tcp_t *client = malloc(sizeof *client);
  uv_tcp_init(server->loop, client);
  if (uv_accept(server, (uv_stream_t *)client) == 0)
    uv_read_start((uv_stream_t *)client, alloc_buffer, on_read);
  uv_work_t *work = malloc(sizeof *work);
  uv_queue_work(server->loop, work, save_in_pool, after_save);
}

int main(void) {
  uv_loop_t *loop = uv_default_loop();
  uv_tcp_t server;
  uv_tcp_init(loop, &server);
  uv_listen((uv_stream_t *)&server, 128, on_connection);
  return uv_run(loop, UV_RUN_DEFAULT);
}

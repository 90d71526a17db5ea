/* Mock <uv.h> (libuv 1.x): the real names and argument orders, no bodies. */
#ifndef BOUNDWISE_MOCK_UV_H
#define BOUNDWISE_MOCK_UV_H
#include <netdb.h>
#include <stdint.h>
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN

typedef struct uv_loop_s uv_loop_t;
typedef struct uv_handle_s uv_handle_t;
typedef struct uv_stream_s uv_stream_t;
typedef struct uv_tcp_s uv_tcp_t;
typedef struct uv_timer_s uv_timer_t;
typedef struct uv_write_s uv_write_t;
typedef struct uv_fs_s uv_fs_t;
typedef struct uv_work_s uv_work_t;
typedef struct uv_getaddrinfo_s uv_getaddrinfo_t;
typedef int uv_file;

typedef struct uv_buf_t {
  char *base;
  size_t len;
} uv_buf_t;

typedef enum { UV_RUN_DEFAULT = 0, UV_RUN_ONCE, UV_RUN_NOWAIT } uv_run_mode;

struct uv_loop_s { void *data; };
struct uv_handle_s { void *data; uv_loop_t *loop; };
struct uv_stream_s { void *data; uv_loop_t *loop; };
struct uv_tcp_s { void *data; uv_loop_t *loop; };
struct uv_timer_s { void *data; uv_loop_t *loop; };
struct uv_write_s { void *data; };
struct uv_fs_s { void *data; uv_loop_t *loop; ssize_t result; };
struct uv_work_s { void *data; uv_loop_t *loop; };
struct uv_getaddrinfo_s { void *data; uv_loop_t *loop; struct addrinfo *addrinfo; };

typedef void (*uv_alloc_cb)(uv_handle_t *handle, size_t suggested_size,
                            uv_buf_t *buf);
typedef void (*uv_read_cb)(uv_stream_t *stream, ssize_t nread,
                           const uv_buf_t *buf);
typedef void (*uv_write_cb)(uv_write_t *req, int status);
typedef void (*uv_connection_cb)(uv_stream_t *server, int status);
typedef void (*uv_close_cb)(uv_handle_t *handle);
typedef void (*uv_timer_cb)(uv_timer_t *handle);
typedef void (*uv_fs_cb)(uv_fs_t *req);
typedef void (*uv_work_cb)(uv_work_t *req);
typedef void (*uv_after_work_cb)(uv_work_t *req, int status);
typedef void (*uv_getaddrinfo_cb)(uv_getaddrinfo_t *req, int status,
                                  struct addrinfo *res);

uv_loop_t *uv_default_loop(void);
int uv_loop_init(uv_loop_t *loop);
int uv_run(uv_loop_t *loop, uv_run_mode mode);
void uv_close(uv_handle_t *handle, uv_close_cb close_cb);
uv_buf_t uv_buf_init(char *base, unsigned int len);

int uv_tcp_init(uv_loop_t *loop, uv_tcp_t *handle);
int uv_listen(uv_stream_t *stream, int backlog, uv_connection_cb cb);
int uv_accept(uv_stream_t *server, uv_stream_t *client);
int uv_read_start(uv_stream_t *stream, uv_alloc_cb alloc_cb,
                  uv_read_cb read_cb);
int uv_read_stop(uv_stream_t *stream);
int uv_write(uv_write_t *req, uv_stream_t *handle, const uv_buf_t bufs[],
             unsigned int nbufs, uv_write_cb cb);

int uv_timer_init(uv_loop_t *loop, uv_timer_t *handle);
int uv_timer_start(uv_timer_t *handle, uv_timer_cb cb, uint64_t timeout,
                   uint64_t repeat);
int uv_timer_stop(uv_timer_t *handle);

/* The uv_fs_* functions run synchronously when cb is NULL. */
int uv_fs_open(uv_loop_t *loop, uv_fs_t *req, const char *path, int flags,
               int mode, uv_fs_cb cb);
int uv_fs_read(uv_loop_t *loop, uv_fs_t *req, uv_file file,
               const uv_buf_t bufs[], unsigned int nbufs, int64_t offset,
               uv_fs_cb cb);
int uv_fs_write(uv_loop_t *loop, uv_fs_t *req, uv_file file,
                const uv_buf_t bufs[], unsigned int nbufs, int64_t offset,
                uv_fs_cb cb);
int uv_fs_close(uv_loop_t *loop, uv_fs_t *req, uv_file file, uv_fs_cb cb);
void uv_fs_req_cleanup(uv_fs_t *req);

int uv_queue_work(uv_loop_t *loop, uv_work_t *req, uv_work_cb work_cb,
                  uv_after_work_cb after_work_cb);

/* Synchronous when getaddrinfo_cb is NULL; hints (the last) may be NULL. */
int uv_getaddrinfo(uv_loop_t *loop, uv_getaddrinfo_t *req,
                   uv_getaddrinfo_cb getaddrinfo_cb, const char *node,
                   const char *service, const struct addrinfo *hints);
void uv_freeaddrinfo(struct addrinfo *ai);

BOUNDWISE_EXTERN_C_END

#endif

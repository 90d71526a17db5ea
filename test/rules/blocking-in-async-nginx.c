// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11 -isystem %mock_headers

// nginx's event loop calls the handlers stored into its structures: a read
// event's handler and a location's content handler run on the worker's
// loop, and blocking in them stalls every connection of the worker. A
// function stored in a field nginx does not call stays quiet.

#include <ngx_core.h>
#include <unistd.h>

static void ngx_demo_read_handler(ngx_event_t *rev) {
  ngx_connection_t *c = rev->data;
  char buf[64];
  read(c->fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ngx_demo_read_handler' is an event-loop callback of 'ngx_event_s::handler', but it calls 'read', which {{.+}} and stalls the event loop; use {{.+}} or offload it: a thread pool task (ngx_thread_task_post, {{.+}} [blocking-in-async]
}

static ngx_int_t ngx_demo_content_handler(ngx_http_request_t *r) {
  (void)r;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ngx_demo_content_handler' is an event-loop callback of 'ngx_http_core_loc_conf_s::handler', but it calls 'sleep', {{.+}} [blocking-in-async]
  return NGX_OK;
}

// A field of the module's own, called from a worker thread it starts.
struct demo_job {
  void (*run)(void);
};

static void demo_slow_job(void) { sleep(1); }

void ngx_demo_init(ngx_connection_t *c, ngx_http_core_loc_conf_t *clcf,
                   struct demo_job *job) {
  c->read->handler = ngx_demo_read_handler;
  clcf->handler = ngx_demo_content_handler;
  job->run = demo_slow_job;
}

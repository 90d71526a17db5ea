// REQUIRES: real-libevent
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11

// A C libevent server against the installed <event2/*.h>: the callbacks of
// an event, a timer (evtimer_new), a buffered event and the HTTP server run
// on the loop, and blocking in them stalls it. A function the loop does not
// call stays quiet with the same work.

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <unistd.h>

static void on_readable(evutil_socket_t fd, short events, void *arg) {
  (void)fd;
  (void)events;
  (void)arg;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_readable' is an event-loop callback of 'event_new', but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: run it on a worker thread and hand the result back with event_active() {{.+}} [blocking-in-async]
}

static void on_tick(evutil_socket_t fd, short events, void *arg) {
  (void)fd;
  (void)events;
  (void)arg;
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_tick' is an event-loop callback of 'event_new', but it calls 'usleep', which {{.+}} [blocking-in-async]
}

static void on_data(struct bufferevent *bev, void *arg) {
  (void)bev;
  (void)arg;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_data' is an event-loop callback of 'bufferevent_setcb', but it calls 'sleep', {{.+}} [blocking-in-async]
}

static void on_request(struct evhttp_request *req, void *arg) {
  (void)req;
  (void)arg;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_request' is an event-loop callback of 'evhttp_set_cb', but it calls 'sleep', {{.+}} [blocking-in-async]
}

// Not given to the loop: a plain function.
static void nap(void) { sleep(1); }

int main(void) {
  struct event_base *base = event_base_new();
  struct event *readable = event_new(base, 0, EV_READ | EV_PERSIST, on_readable, NULL);
  struct event *tick = evtimer_new(base, on_tick, NULL);
  struct bufferevent *bev = bufferevent_socket_new(base, -1, 0);
  bufferevent_setcb(bev, on_data, NULL, NULL, NULL);
  struct evhttp *http = evhttp_new(base);
  evhttp_set_cb(http, "/", on_request, NULL);
  event_add(readable, NULL);
  event_add(tick, NULL);
  nap();
  return event_base_dispatch(base);
}

// REQUIRES: real-libev
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11

// A libev server against the installed <ev.h>: the callbacks that
// ev_io_init, ev_timer_init and ev_set_cb store into a watcher run on the
// loop, and blocking in them stalls it. A function no watcher calls stays
// quiet with the same work.

#include <ev.h>
#include <unistd.h>

static void on_readable(struct ev_loop *loop, ev_io *watcher, int events) {
  (void)loop;
  (void)watcher;
  (void)events;
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_readable' is an event-loop callback of 'ev_io::cb', but it calls 'usleep', which sleeps and stalls the event loop; use {{.+}} or offload it: a worker thread that hands the result back with ev_async_send() {{.+}} [blocking-in-async]
}

static void on_tick(struct ev_loop *loop, ev_timer *timer, int events) {
  (void)loop;
  (void)timer;
  (void)events;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_tick' is an event-loop callback of 'ev_timer::cb', but it calls 'sleep', {{.+}} [blocking-in-async]
}

static void on_signal(struct ev_loop *loop, ev_signal *signal, int events) {
  (void)signal;
  (void)events;
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_signal' is an event-loop callback of 'ev_signal::cb', but it calls 'sleep', {{.+}} [blocking-in-async]
  ev_break(loop, EVBREAK_ALL);
}

static void nap(void) { sleep(3); }

int main(void) {
  struct ev_loop *loop = EV_DEFAULT;
  ev_io reader;
  ev_timer tick;
  ev_signal interrupt;
  ev_io_init(&reader, on_readable, 0, EV_READ);
  ev_io_start(loop, &reader);
  ev_timer_init(&tick, on_tick, 1., 1.);
  ev_timer_start(loop, &tick);
  ev_init(&interrupt, 0);
  ev_set_cb(&interrupt, on_signal);
  ev_signal_set(&interrupt, 2);
  ev_signal_start(loop, &interrupt);
  nap();
  ev_run(loop, 0);
  return 0;
}

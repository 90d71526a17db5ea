// REQUIRES: real-glib
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11 %{glib_includes}

// GLib's main loop against the installed <glib.h>: idle, timeout and I/O
// watch callbacks run on the loop (in a GTK program, the UI thread), also
// when cast to the callback type with G_SOURCE_FUNC or a C cast. A function
// the loop does not call stays quiet with the same work.

#include <glib.h>
#include <stdio.h>
#include <unistd.h>

static gboolean on_idle(gpointer data) {
  (void)data;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_idle' is an event-loop callback of 'g_idle_add', but it calls 'sleep', which sleeps and stalls the event loop; use {{.+}} or offload it: g_task_run_in_thread() {{.+}} [blocking-in-async]
  return G_SOURCE_REMOVE;
}

static gboolean on_timeout(gpointer data) {
  FILE *log = fopen((const char *)data, "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'on_timeout' is an event-loop callback of 'g_timeout_add', but it calls 'fopen', {{.+}} [blocking-in-async]
  if (log)
    fclose(log);
  return G_SOURCE_CONTINUE;
}

static gboolean on_readable(GIOChannel *channel, GIOCondition condition,
                            gpointer data) {
  (void)channel;
  (void)condition;
  (void)data;
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_readable' is an event-loop callback of 'g_io_add_watch', but it calls 'usleep', {{.+}} [blocking-in-async]
  return G_SOURCE_CONTINUE;
}

static void on_quit(gpointer data) {
  (void)data;
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_quit' is an event-loop callback of 'g_timeout_add_seconds', but it calls 'sleep', {{.+}} [blocking-in-async]
}

// Not given to the loop: a plain function.
static void nap(void) { sleep(1); }

int main(void) {
  GMainLoop *loop = g_main_loop_new(NULL, FALSE);
  GIOChannel *in = g_io_channel_unix_new(0);
  g_idle_add(on_idle, NULL);
  g_timeout_add(100, G_SOURCE_FUNC(on_timeout), "app.log");
  g_io_add_watch(in, G_IO_IN, on_readable, NULL);
  g_timeout_add_seconds(5, (GSourceFunc)on_quit, NULL);
  nap();
  g_main_loop_run(loop);
  return 0;
}

// REQUIRES: real-glib
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11 %{glib_includes}

// An I/O watch's callback is called when its channel is ready: one accept
// or read of the channel's descriptor (g_io_channel_unix_get_fd) does not
// wait, also in a helper the channel is passed to, and for a
// g_unix_fd_add descriptor. A read of another descriptor, or of a client
// just accepted, waits.

#include <glib.h>
#include <glib-unix.h>
#include <sys/socket.h>
#include <unistd.h>

static void accept_client(GIOChannel *source) {
  int fd = accept(g_io_channel_unix_get_fd(source), NULL, NULL);
  char buf[64];
  recv(fd, buf, sizeof buf, 0);
  close(fd);
}

static gboolean on_client(GIOChannel *source, GIOCondition condition,
                          gpointer data) {
  (void)data;
  if (condition & G_IO_IN)
    accept_client(source);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'on_client' is an event-loop callback of 'g_io_add_watch', but 'accept_client' blocks on the network (recv) and stalls the event loop; {{.+}} [blocking-in-async]
  return TRUE;
}

static gboolean on_request(GIOChannel *channel, GIOCondition condition,
                           gpointer data) {
  (void)condition;
  int fd = g_io_channel_unix_get_fd(channel);
  char buf[64];
  read(fd, buf, sizeof buf);
  read(*(int *)data, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_request' is an event-loop callback of 'g_io_add_watch_full', but it calls 'read', which reads from a file descriptor {{.+}} [blocking-in-async]
  return TRUE;
}

static gboolean on_fd(gint fd, GIOCondition condition, gpointer data) {
  (void)condition;
  (void)data;
  char buf[64];
  read(fd, buf, sizeof buf);
  return G_SOURCE_CONTINUE;
}

int main(void) {
  GMainLoop *loop = g_main_loop_new(NULL, FALSE);
  GIOChannel *listener = g_io_channel_unix_new(3);
  GIOChannel *requests = g_io_channel_unix_new(4);
  static int other = 5;
  g_io_add_watch(listener, G_IO_IN | G_IO_HUP, (GIOFunc)on_client, NULL);
  g_io_add_watch_full(requests, G_PRIORITY_DEFAULT, G_IO_IN, on_request,
                      &other, NULL);
  g_unix_fd_add(6, G_IO_IN, on_fd, NULL);
  g_main_loop_run(loop);
  return 0;
}

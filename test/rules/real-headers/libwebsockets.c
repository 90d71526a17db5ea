// REQUIRES: real-libwebsockets
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11

// A libwebsockets server against the installed <libwebsockets.h>: the
// callback of each protocol in the table runs on the service loop, for
// every connection, and blocking in it stalls the loop. A function the
// table does not name stays quiet with the same work.

#include <libwebsockets.h>
#include <stdio.h>
#include <unistd.h>

static int callback_echo(struct lws *wsi, enum lws_callback_reasons reason,
                         void *user, void *in, size_t len) {
  (void)wsi;
  (void)user;
  (void)in;
  (void)len;
  if (reason == LWS_CALLBACK_RECEIVE)
    usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'callback_echo' is an event-loop callback of 'lws_protocols::callback', but it calls 'usleep', which sleeps and stalls the event loop; use {{.+}} or offload it: a worker thread that queues the result and wakes the loop with lws_cancel_service(){{.+}} [blocking-in-async]
  return 0;
}

static int callback_log(struct lws *wsi, enum lws_callback_reasons reason,
                        void *user, void *in, size_t len) {
  (void)wsi;
  (void)reason;
  (void)user;
  (void)len;
  FILE *log = fopen("ws.log", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'callback_log' is an event-loop callback of 'lws_protocols::callback', but it calls 'fopen', {{.+}} [blocking-in-async]
  if (log) {
    fputs((const char *)in, log);
    fclose(log);
  }
  return 0;
}

static void nap(void) { sleep(1); }

static const struct lws_protocols protocols[] = {
    {"echo", callback_echo, 0, 4096, 0, NULL, 0},
    {.name = "log", .callback = callback_log},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

int main(void) {
  struct lws_context_creation_info info;
  memset(&info, 0, sizeof info);
  info.port = 7681;
  info.protocols = protocols;
  struct lws_context *context = lws_create_context(&info);
  nap();
  while (lws_service(context, 0) >= 0)
    ;
  lws_context_destroy(context);
  return 0;
}

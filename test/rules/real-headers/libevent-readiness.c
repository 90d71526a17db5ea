// REQUIRES: real-libevent
// RUN: %check_rule %s blocking-in-async %t -- -- -std=gnu11

// An event's callback is called when its descriptor is ready: one accept or
// read of that descriptor does not wait, in the callback or in a function
// it passes the descriptor to. Each has a twin that does wait: a loop that
// drains a blocking descriptor, a read of another descriptor, a write (the
// event is for reading), a helper called per item of a loop.

#include <event2/event.h>
#include <event2/event_struct.h>
#include <sys/socket.h>
#include <unistd.h>

static void on_connection(evutil_socket_t listener, short events, void *arg) {
  (void)events;
  (void)arg;
  int client = accept(listener, NULL, NULL);
  char buf[64];
  recv(client, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_connection' is an event-loop callback of 'event_new', but it calls 'recv', which receives from a socket and stalls the event loop; {{.+}} [blocking-in-async]
  close(client);
}

static void on_message(evutil_socket_t fd, short events, void *arg) {
  (void)events;
  (void)arg;
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  send(fd, buf, (size_t)n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_message' is an event-loop callback of 'event_new', but it calls 'send', which sends on a socket {{.+}} [blocking-in-async]
}

static void on_drain(evutil_socket_t fd, short events, void *arg) {
  (void)events;
  (void)arg;
  char buf[64];
  while (read(fd, buf, sizeof buf) > 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'on_drain' is an event-loop callback of 'event_new', but it calls 'read', which reads from a file descriptor {{.+}} [blocking-in-async]
    continue;
}

static void take_one(int listener) {
  int client = accept(listener, NULL, NULL);
  close(client);
}

static void take_many(int listener) {
  int client = accept(listener, NULL, NULL);
  close(client);
}

static void on_listener(evutil_socket_t fd, short events, void *arg) {
  (void)events;
  (void)arg;
  take_one(fd);
}

static void on_burst(evutil_socket_t fd, short events, void *arg) {
  (void)events;
  for (int i = 0; i < *(int *)arg; ++i)
    take_many(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'on_burst' is an event-loop callback of 'event_assign', but 'take_many' blocks on the network (accept) and stalls the event loop; {{.+}} [blocking-in-async]
}

int main(void) {
  struct event_base *base = event_base_new();
  struct event burst;
  int backlog = 8;
  event_add(event_new(base, 3, EV_READ | EV_PERSIST, on_connection, NULL), NULL);
  event_add(event_new(base, 4, EV_READ | EV_PERSIST, on_message, NULL), NULL);
  event_add(event_new(base, 5, EV_READ | EV_PERSIST, on_drain, NULL), NULL);
  event_add(event_new(base, 6, EV_READ | EV_PERSIST, on_listener, NULL), NULL);
  event_assign(&burst, base, 7, EV_READ | EV_PERSIST, on_burst, &backlog);
  event_add(&burst, NULL);
  return event_base_dispatch(base);
}

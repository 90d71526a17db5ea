// Without configuration nothing here is an async context; the inline
// configuration (--config=<yaml>, as in clang-tidy) names an entry point and
// adds a project function to the catalog.

// RUN: %check_rule -check-suffix=DEFAULT %s blocking-in-async %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=CONFIG %s blocking-in-async %t -- \
// RUN:   --config="{Catalog: {async-entry-points: [net::onMessage], blocking: [{names: [net::syncFetch], category: network, what: fetches a URL synchronously}]}}" \
// RUN:   -- -std=c++20 -nostdinc++ -isystem %mock_headers

#include <sys/socket.h>

namespace net {
int syncFetch(const char *url);

void onMessage(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:3: warning: 'onMessage' is an async entry point, but it calls 'recv', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
  syncFetch("https://example.com/");
  // CHECK-MESSAGES-CONFIG: :[[@LINE-1]]:3: warning: 'onMessage' is an async entry point, but it calls 'net::syncFetch', which fetches a URL synchronously and stalls the event loop; {{.+}} [blocking-in-async]
}

// Not named in the configuration.
void onOther(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
  syncFetch("https://example.com/");
}
} // namespace net

// The same name in another namespace is another function.
namespace other {
void onMessage(int fd) {
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
}
} // namespace other

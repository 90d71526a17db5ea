// RUN: %check_rule %s blocking-in-async %t -- \
// RUN:   --config="{Catalog: {coroutine-types: [{names: [Task]}], blocking: [{names: [fetch_sync], category: network, what: fetches a URL and waits for the reply}]}}" \
// RUN:   -- -std=c++20 -nostdinc++ -isystem %mock_headers

// A C name in the project's configuration names the project's own function,
// body and all; the catalog's own C names match only the libraries'.

#include <coroutine>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

int fetch_sync(const char *url) { return url[0]; }
int fetch_cached(const char *url) { return url[1]; }

Task refresh(const char *url) {
  fetch_sync(url);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'refresh' is a coroutine, but it calls 'fetch_sync', which fetches a URL and waits for the reply and stalls the event loop; {{.+}} [blocking-in-async]
  co_return;
}

Task refreshCached(const char *url) {
  fetch_cached(url);
  co_return;
}

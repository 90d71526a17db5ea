// REQUIRES: real-libuv, real-curl
// RUN: %check_rule %s blocking-in-async %t -- -- -std=c++17

// libcurl's easy interface in a libuv timer callback, against the installed
// headers; the multi interface driven from the loop does not block.

#include <curl/curl.h>
#include <uv.h>

static void onPoll(uv_timer_t *timer) {
  CURL *easy = static_cast<CURL *>(timer->data);
  curl_easy_setopt(easy, CURLOPT_URL, "https://example.com/health");
  curl_easy_perform(easy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'onPoll' is an event-loop callback of 'uv_timer_start', but it calls 'curl_easy_perform', which {{.+}} and stalls the event loop; use {{.+}} or offload it: {{.+}} [blocking-in-async]
}

static void onPollMulti(uv_timer_t *timer) {
  CURLM *multi = static_cast<CURLM *>(timer->data);
  int running = 0;
  curl_multi_perform(multi, &running);
}

int main() {
  uv_loop_t *loop = uv_default_loop();
  uv_timer_t poll, pollMulti;
  uv_timer_init(loop, &poll);
  uv_timer_init(loop, &pollMulti);
  poll.data = curl_easy_init();
  pollMulti.data = curl_multi_init();
  uv_timer_start(&poll, onPoll, 0, 1000);
  uv_timer_start(&pollMulti, onPollMulti, 0, 100);
  return uv_run(loop, UV_RUN_DEFAULT);
}

// RUN: %check_rule %s cpu-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Compression costs what its data costs. A string literal passed down to
// the compressor (through std::string and view parameters, moves and
// .data(), into zlib's next_in) is a few bytes: not heavy. Data that comes
// from the caller is. Each has its twin.

#include <coroutine>
#include <string>
#include <string_view>
#include <utility>
#include <zlib.h>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

namespace codec {
inline bool deflateInto(std::string_view data, std::string &out) {
  z_stream strm{};
  deflateInit(&strm, Z_DEFAULT_COMPRESSION);
  strm.next_in = (const Bytef *)data.data();
  strm.avail_in = (uInt)data.size();
  unsigned char chunk[256];
  do {
    strm.next_out = chunk;
    strm.avail_out = sizeof chunk;
    deflate(&strm, Z_FINISH);
    out += std::string((const char *)chunk, sizeof chunk - strm.avail_out);
  } while (strm.avail_out == 0);
  return deflateEnd(&strm) == Z_OK;
}
} // namespace codec

struct Response {
  template <typename Body> void setBodyView(Body body, bool compressed) {
    if (compressed) {
      std::string packed;
      codec::deflateInto(body, packed);
      content = std::move(packed);
      return;
    }
    content = std::string(body.data(), body.size());
  }
  void setBody(std::string body, bool compressed) {
    setBodyView(std::move(body), compressed);
  }
  std::string content;
};

// A literal, two calls down: two bytes.

Task replyOk(Response &resp) {
  resp.setBody("ok", true);
  co_return;
}

Task replyPage(Response &resp, const std::string &page) {
  resp.setBody(page, true);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'replyPage' is a coroutine, but 'Response::setBody' computes for long (deflate) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// A view of a literal that is never reassigned.

Task replyGreeting(Response &resp) {
  std::string_view greeting = "hello";
  resp.setBodyView(greeting, true);
  co_return;
}

Task replyName(Response &resp, std::string_view name) {
  std::string_view greeting = "hello";
  if (!name.empty())
    greeting = name;
  resp.setBodyView(greeting, true);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'replyName' is a coroutine, but 'Response::setBodyView' computes for long (deflate) {{.+}} [cpu-in-async]
  co_return;
}

// One-shot compress of a literal, and of a buffer the caller gives.

Task packMarker(Bytef *out, uLongf *outLen) {
  compress(out, outLen, (const Bytef *)"MARK", 4);
  co_return;
}

Task packBuffer(Bytef *out, uLongf *outLen, const Bytef *in, uLong inLen) {
  compress(out, outLen, in, inLen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'packBuffer' is a coroutine, but it calls 'compress', which compresses a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

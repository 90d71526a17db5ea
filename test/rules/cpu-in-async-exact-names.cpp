// RUN: %check_rule %s cpu-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// zlib's compress is CPU-heavy; a function of the project that is also
// called compress is the project's own, and is judged by its body.

#include <coroutine>

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

Task packPayload(Bytef *out, uLongf *outLen, const Bytef *in, uLong inLen) {
  compress(out, outLen, in, inLen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'packPayload' is a coroutine, but it calls 'compress', which compresses a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// Squeezes a run-length: a few instructions.
static int compress(int runLength) { return runLength > 255 ? 255 : runLength; }

Task encodeRun(int runLength) {
  compress(runLength);
  co_return;
}

// A C++ function of the project in a namespace of its own, same name.
namespace codec {
int compress2(const char *text) { return text[0]; }
} // namespace codec

Task encodeText(const char *text) {
  codec::compress2(text);
  co_return;
}

// The project's own uncompress, declared here and defined in another file:
// a C++ function, not zlib's extern "C" one.
int uncompress(const char *packed);

Task decodeText(const char *packed) {
  uncompress(packed);
  co_return;
}

// The fixture of the GIL bench (bench/gil/README.md): a pybind11 module with
// one CPU-bound function, bound twice. `checksum` runs with the GIL held, so
// Python threads calling it run one at a time, and boundwise reports it
// (cpu-holding-gil); `checksum_released` is the fix boundwise suggests: the
// same function, bound with py::call_guard<py::gil_scoped_release>(). The
// loop touches no Python object, so releasing the GIL for the whole call is
// safe (python-api-without-gil stays quiet).

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace py = pybind11;

// 1 MiB of pseudo-random bytes, made once (a thread-safe static).
static const std::vector<std::uint8_t> &buffer() {
  static const std::vector<std::uint8_t> data = [] {
    std::vector<std::uint8_t> bytes(1 << 20);
    std::uint32_t state = 2463534242u;
    for (std::uint8_t &byte : bytes) {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      byte = static_cast<std::uint8_t>(state);
    }
    return bytes;
  }();
  return data;
}

// FNV-1a over the buffer, `rounds` times: pure CPU, no Python object.
std::uint64_t checksum(std::size_t rounds) {
  const std::vector<std::uint8_t> &data = buffer();
  std::uint64_t hash = 14695981039346656037ull;
  for (std::size_t round = 0; round < rounds; ++round)
    for (std::size_t i = 0; i < data.size(); ++i)
      hash = (hash ^ data[i]) * 1099511628211ull;
  return hash;
}

PYBIND11_MODULE(gil_demo, m) {
  m.doc() = "boundwise GIL bench: one loop, bound with and without the GIL";
  // Flagged by boundwise: the GIL is held for the whole loop.
  m.def("checksum", &checksum, py::arg("rounds"));
  // The fix: the same function, with the GIL released for the call.
  m.def("checksum_released", &checksum, py::arg("rounds"),
        py::call_guard<py::gil_scoped_release>());
}

// pybind11 bindings of functions that block or compute with the GIL held:
// io-holding-gil and cpu-holding-gil offer the same fix, a call_guard that
// releases the GIL, on each binding.
#include <pybind11/pybind11.h>

#include <unistd.h>

namespace py = pybind11;

int nap(int seconds) { return sleep(seconds); }

long spin(long n) {
  long sum = 0;
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j)
      sum += i ^ j;
  return sum;
}

// Both rules: one fix, applied once.
long napAndSpin(long n) {
  sleep(1);
  return spin(n);
}

int quiet(int x) { return x + 1; }

PYBIND11_MODULE(fixme, m) {
  m.def("nap", &nap);
  m.def("spin", &spin);
  m.def("nap_and_spin", &napAndSpin);
  m.def("quiet", &quiet);
  m.def("lambda_nap", [](int s) { return sleep(s); });
}

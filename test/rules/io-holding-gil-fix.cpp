// RUN: %check_rule %s io-holding-gil %t -- -- -std=c++17 -nostdinc++ -isystem %mock_headers

// The fix of io-holding-gil (with fix expectations, check_rule.py runs
// --fix): a call_guard releasing the GIL on the binding, where the bound
// function touches no Python object. A binding that has one already is left
// alone.

#include <pybind11/pybind11.h>

#include <unistd.h>

namespace py = pybind11;

int nap(int seconds) {
  return sleep(seconds);
}

int napReleased(int seconds) { return sleep(seconds); }

PYBIND11_MODULE(fixes, m) {
  m.def("nap", &nap);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'nap' is called from Python with the GIL held, {{.*}} [io-holding-gil]
  // CHECK-FIXES: m.def("nap", &nap, pybind11::call_guard<pybind11::gil_scoped_release>());
  m.def("nap_released", &napReleased,
        py::call_guard<py::gil_scoped_release>());
  // CHECK-FIXES:      m.def("nap_released", &napReleased,
  // CHECK-FIXES-NEXT:       py::call_guard<py::gil_scoped_release>());
}

// REQUIRES: real-pybind11
// RUN: %check_rule -check-suffix=CPU %s cpu-holding-gil %t -- -- -std=c++17 %{python_includes}
// RUN: %check_rule -check-suffix=IO %s io-holding-gil %t -- -- -std=c++17 %{python_includes}
// RUN: %check_rule -check-suffix=API %s python-api-without-gil %t -- -- -std=c++17 %{python_includes}

// pybind11 as installed (Debian: pybind11-dev 2.10) with CPython's headers
// (python3-dev): the real module_::def and class_::def templates, call_guard,
// gil_scoped_release/acquire, array_t, and the PYBIND11_MODULE macro. One
// module, three rules; each flagged function has a twin that stays quiet.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace py = pybind11;

static std::vector<unsigned char> g_buffer(1 << 20);

// cpu-holding-gil: a loop nest with the GIL held; the twin is bound with
// call_guard<gil_scoped_release>.

unsigned long checksum(std::size_t rounds) {
  unsigned long h = 1469598103934665603ul;
  for (std::size_t r = 0; r < rounds; ++r)
    for (std::size_t i = 0; i < g_buffer.size(); ++i)
      h = (h ^ g_buffer[i]) * 1099511628211ul;
  return h;
}

unsigned long checksumReleased(std::size_t rounds) {
  unsigned long h = 1469598103934665603ul;
  for (std::size_t r = 0; r < rounds; ++r)
    for (std::size_t i = 0; i < g_buffer.size(); ++i)
      h = (h ^ g_buffer[i]) * 1099511628211ul;
  return h;
}

// A method over an array's data, read without Python.
struct Signal {
  double energy(const py::array_t<double> &a) const {
    const double *p = a.data();
    py::ssize_t n = a.size();
    double s = 0;
    for (py::ssize_t i = 0; i < n; ++i)
      for (py::ssize_t j = 0; j < n; ++j)
        s += p[i] * p[j];
    return s;
  }
  double energyReleasing(const py::array_t<double> &a) const {
    const double *p = a.data();
    py::ssize_t n = a.size();
    py::gil_scoped_release nogil;
    double s = 0;
    for (py::ssize_t i = 0; i < n; ++i)
      for (py::ssize_t j = 0; j < n; ++j)
        s += p[i] * p[j];
    return s;
  }
};

// python-api-without-gil: Python touched inside the released scope.

double energyAndLog(const py::array_t<double> &a) {
  const double *p = a.data();
  py::ssize_t n = a.size();
  py::gil_scoped_release nogil;
  double s = 0;
  for (py::ssize_t i = 0; i < n; ++i)
    s += p[i] * p[i];
  py::print("energy", s);
  // CHECK-MESSAGES-API: :[[@LINE-1]]:3: error: 'energyAndLog' calls 'pybind11::print', which touches Python objects while the GIL is released (by py::gil_scoped_release): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
  return s;
}

double energyThenLog(const py::array_t<double> &a) {
  const double *p = a.data();
  py::ssize_t n = a.size();
  double s = 0;
  {
    py::gil_scoped_release nogil;
    for (py::ssize_t i = 0; i < n; ++i)
      s += p[i] * p[i];
  }
  py::print("energy", s);
  return s;
}

PYBIND11_MODULE(realgil, m) {
  m.def("checksum", &checksum);
  // CHECK-MESSAGES-CPU: :[[@LINE-1]]:5: warning: 'checksum' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
  m.def("checksum_released", &checksumReleased,
        py::call_guard<py::gil_scoped_release>());
  m.def("energy_and_log", &energyAndLog);
  m.def("energy_then_log", &energyThenLog);

  // io-holding-gil: blocking calls in lambdas with the GIL held.
  m.def("recv_byte", [](int fd) {
    // CHECK-MESSAGES-IO: :[[@LINE-1]]:5: warning: 'recv_byte' is called from Python with the GIL held, but it calls 'recv', which receives from a socket and every Python thread waits meanwhile; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [io-holding-gil]
    char c = 0;
    recv(fd, &c, 1, 0);
    return (int)c;
  });
  m.def(
      "recv_byte_released",
      [](int fd) {
        char c = 0;
        recv(fd, &c, 1, 0);
        return (int)c;
      },
      py::call_guard<py::gil_scoped_release>());
  m.def("nap", [] {
    // CHECK-MESSAGES-IO: :[[@LINE-1]]:5: warning: 'nap' is called from Python with the GIL held, but it calls 'usleep', which sleeps and every Python thread waits meanwhile; release the GIL: {{.+}} [io-holding-gil]
    usleep(1000);
  });

  py::class_<Signal>(m, "Signal")
      .def(py::init<>())
      .def("energy", &Signal::energy)
      // CHECK-MESSAGES-CPU: :[[@LINE-1]]:8: warning: 'energy' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
      .def("energy_releasing", &Signal::energyReleasing);
}

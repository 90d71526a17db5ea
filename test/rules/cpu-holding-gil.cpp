// RUN: %check_rule %s cpu-holding-gil %t -- -- -std=c++17 -nostdinc++ -isystem %mock_headers

// CPU-heavy work in functions called from Python with the GIL held: Python
// threads calling them run one at a time. Where the function touches no
// Python object, the advice is to release the GIL with the binding's
// call_guard (a fix-it); where it does, processes, and no fix-it. The twins
// release the GIL and stay quiet.

#include <nanobind/nanobind.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <string>
#include <vector>

#include <Python.h>
#include <openssl/evp.h>

namespace py = pybind11;
namespace nb = nanobind;

static std::vector<unsigned char> g_buffer(1 << 20);

// A loop nest over a buffer: the function touches no Python object.

unsigned long checksum(size_t rounds) {
  unsigned long h = 1469598103934665603ul;
  for (size_t r = 0; r < rounds; ++r)
    for (size_t i = 0; i < g_buffer.size(); ++i)
      h = (h ^ g_buffer[i]) * 1099511628211ul;
  return h;
}

// The fixed twin: the same loop, bound with call_guard<gil_scoped_release>.
unsigned long checksumReleased(size_t rounds) {
  unsigned long h = 1469598103934665603ul;
  for (size_t r = 0; r < rounds; ++r)
    for (size_t i = 0; i < g_buffer.size(); ++i)
      h = (h ^ g_buffer[i]) * 1099511628211ul;
  return h;
}

// Released in the body, around the loop.
unsigned long checksumReleasing(size_t rounds) {
  unsigned long h = 1469598103934665603ul;
  py::gil_scoped_release nogil;
  for (size_t r = 0; r < rounds; ++r)
    for (size_t i = 0; i < g_buffer.size(); ++i)
      h = (h ^ g_buffer[i]) * 1099511628211ul;
  return h;
}

// Not bound.
unsigned long checksumUnbound(size_t rounds) { return checksumReleased(rounds); }

// A catalog API; std::string is converted before the call and is no Python
// object.
std::string hashPassword(const std::string &password, const std::string &salt) {
  unsigned char key[32];
  PKCS5_PBKDF2_HMAC(password.data(), (int)password.size(),
                    (const unsigned char *)salt.data(), (int)salt.size(),
                    600000, EVP_sha256(), 32, key);
  return std::string((const char *)key, 32);
}

// Through calls.

static double simulate(const double *p, long paths) {
  double s = 0;
  for (long i = 0; i < paths; ++i)
    s += p[i % 8] * 1.0001;
  return s;
}

static long crossTab(const std::vector<int> &rows) {
  long cells = 0;
  for (int a : rows)
    for (int b : rows)
      cells += a * b;
  return cells;
}

long report(const std::vector<int> &rows) {
  return crossTab(rows) / 2;
}

// Touching Python objects: the GIL cannot be released for the whole call.

long sumPairs(const py::list &xs) {
  long total = 0;
  for (size_t i = 0; i < xs.size(); ++i)
    for (size_t j = 0; j < xs.size(); ++j)
      total += xs[i].cast<long>() * xs[j].cast<long>();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'sum_pairs' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; it touches Python objects, so the GIL cannot be released for the whole call: use processes (multiprocessing) on the Python side [cpu-holding-gil]
  return total;
}

// Arrays: data() and size() read the array without Python, and a const
// reference parameter lives in pybind11's argument loader, outside the
// call_guard. A by-value py::array_t is destroyed inside the call: a
// reference count dropped, so releasing the GIL for the whole call would
// crash.

double autocorrelate(const py::array_t<double> &a) {
  const double *p = a.data();
  py::ssize_t n = a.size();
  double s = 0;
  for (py::ssize_t i = 0; i < n; ++i)
    for (py::ssize_t j = 0; j < n; ++j)
      s += p[i] * p[j];
  return s;
}

double autocorrelateByValue(py::array_t<double> a) {
  const double *p = a.data();
  py::ssize_t n = a.size();
  double s = 0;
  for (py::ssize_t i = 0; i < n; ++i)
    for (py::ssize_t j = 0; j < n; ++j)
      s += p[i] * p[j];
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'autocorrelate_by_value' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; it touches Python objects, so the GIL cannot be released for the whole call: use processes (multiprocessing) on the Python side [cpu-holding-gil]
  return s;
}

double autocorrelateReleased(const py::array_t<double> &a) {
  const double *p = a.data();
  py::ssize_t n = a.size();
  double s = 0;
  for (py::ssize_t i = 0; i < n; ++i)
    for (py::ssize_t j = 0; j < n; ++j)
      s += p[i] * p[j];
  return s;
}

// Methods and properties.

struct Image {
  std::vector<unsigned char> pixels;
  int width = 0;
  void blur(int radius) {
    std::vector<unsigned char> out(pixels.size());
    for (size_t i = 0; i < pixels.size(); ++i)
      for (int k = -radius; k <= radius; ++k)
        out[i] += pixels[(i + k) % pixels.size()] / (2 * radius + 1);
    pixels = out;
  }
  long histogram() const {
    long bins[256] = {};
    for (size_t i = 0; i < pixels.size(); ++i)
      for (size_t j = 0; j < pixels.size(); j += width)
        bins[pixels[(i + j) % pixels.size()]] += 1;
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'histogram' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; {{.+}} [cpu-holding-gil]
    return bins[0];
  }
  // pybind11 ignores a call_guard given to def_property_readonly: the GIL
  // stays held.
  long fingerprint() const {
    long h = 0;
    for (unsigned char a : pixels)
      for (unsigned char b : pixels)
        h = h * 31 + (a ^ b);
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'fingerprint' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; {{.+}} [cpu-holding-gil]
    return h;
  }
};

PYBIND11_MODULE(cpuwork, m) {
  m.def("checksum", &checksum);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'checksum' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
  m.def("checksum_released", &checksumReleased,
        py::call_guard<py::gil_scoped_release>());
  m.def("checksum_releasing", &checksumReleasing);
  m.def("hash_password", &hashPassword);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'hash_password' is called from Python with the GIL held, but it calls 'PKCS5_PBKDF2_HMAC', which derives a key from a password (slow by design): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
  m.def("report", &report);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'report' is called from Python with the GIL held, but 'crossTab' computes for long (nested loops over input data): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
  m.def("sum_pairs", &sumPairs);
  m.def("autocorrelate", &autocorrelate);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'autocorrelate' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
  m.def("autocorrelate_by_value", &autocorrelateByValue);
  m.def("autocorrelate_released", &autocorrelateReleased,
        py::call_guard<py::gil_scoped_release>());

  m.def("price", [](const std::vector<double> &p) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'price' is called from Python with the GIL held, but it calls 'simulate' with a loop bound of 20000000: Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
    return simulate(p.data(), 20'000'000);
  });
  m.def(
      "price_released",
      [](const std::vector<double> &p) { return simulate(p.data(), 20'000'000); },
      py::call_guard<py::gil_scoped_release>());
  m.def("price_quick",
        [](const std::vector<double> &p) { return simulate(p.data(), 1000); });

  py::class_<Image>(m, "Image")
      .def("blur", &Image::blur)
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'blur' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [cpu-holding-gil]
      .def_property_readonly("histogram", &Image::histogram)
      .def_property_readonly("fingerprint", &Image::fingerprint,
                             py::call_guard<py::gil_scoped_release>());
}

// nanobind: the advice names nanobind's call_guard.

unsigned long nbChecksum(size_t rounds) { return checksumReleased(rounds); }

NB_MODULE(nbcpu, m) {
  m.def("nb_checksum", &nbChecksum);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'nb_checksum' is called from Python with the GIL held, but 'checksumReleased' computes for long (nested loops over input data): Python threads calling it run one at a time; release the GIL: add nanobind::call_guard<nanobind::gil_scoped_release>() to the binding [cpu-holding-gil]
  m.def("nb_checksum_released", &checksumReleased,
        nb::call_guard<nb::gil_scoped_release>());
}

// CPython method tables.

static PyObject *c_checksum(PyObject *self, PyObject *args) {
  long rounds;
  if (!PyArg_ParseTuple(args, "l", &rounds))
    return nullptr;
  unsigned long h = 0;
  for (long r = 0; r < rounds; ++r)
    for (size_t i = 0; i < g_buffer.size(); ++i)
      h = h * 31 + g_buffer[i];
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'c_checksum' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL around it with Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS [cpu-holding-gil]
  return PyLong_FromLong((long)h);
}

static PyObject *c_checksum_released(PyObject *self, PyObject *args) {
  long rounds;
  if (!PyArg_ParseTuple(args, "l", &rounds))
    return nullptr;
  unsigned long h = 0;
  Py_BEGIN_ALLOW_THREADS
  for (long r = 0; r < rounds; ++r)
    for (size_t i = 0; i < g_buffer.size(); ++i)
      h = h * 31 + g_buffer[i];
  Py_END_ALLOW_THREADS
  return PyLong_FromLong((long)h);
}

static PyMethodDef CpuMethods[] = {
    {"checksum", c_checksum, METH_VARARGS, nullptr},
    {"checksum_released", c_checksum_released, METH_VARARGS, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static PyModuleDef CpuModule = {PyModuleDef_HEAD_INIT, "ccpu", nullptr, -1,
                                CpuMethods};

PyMODINIT_FUNC PyInit_ccpu(void) { return PyModule_Create(&CpuModule); }

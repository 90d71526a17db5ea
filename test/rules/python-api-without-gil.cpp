// RUN: %check_rule %s python-api-without-gil %t -- -- -std=c++17 -nostdinc++ -isystem %mock_headers

// Python objects touched where the GIL is released: in a gil_scoped_release
// scope, in a binding with call_guard<gil_scoped_release>, between
// Py_BEGIN_ALLOW_THREADS and Py_END_ALLOW_THREADS; directly or through
// calls. A crash, not a slowdown: an error. The twins touch Python only
// with the GIL (before the release, after it, or under an acquire inside
// it), or touch only what needs no GIL (array data, raw memory).

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <vector>

#include <Python.h>

namespace py = pybind11;

static double crunch(const double *p, long n) {
  double s = 0;
  for (long i = 0; i < n; ++i)
    s += p[i];
  return s;
}

// A call into pybind11 inside a gil_scoped_release scope.

double logWhileReleased(const py::array_t<double> &a) {
  py::gil_scoped_release nogil;
  double s = crunch(a.data(), a.size());
  py::print("done");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'logWhileReleased' calls 'pybind11::print', which touches Python objects while the GIL is released (by py::gil_scoped_release): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
  return s;
}

// The twins: print after the release's scope, or under an acquire.
double logAfterRelease(const py::array_t<double> &a) {
  double s;
  {
    py::gil_scoped_release nogil;
    s = crunch(a.data(), a.size());
  }
  py::print("done");
  return s;
}

double logUnderAcquire(const py::array_t<double> &a) {
  py::gil_scoped_release nogil;
  double s = crunch(a.data(), a.size());
  {
    py::gil_scoped_acquire gil;
    py::print("done");
  }
  return s;
}

// What needs no GIL: array data and shape, the unchecked proxy, the raw
// allocator, the pointer a handle holds.
double readsOnly(const py::array_t<double> &a, py::handle h) {
  auto r = a.unchecked<1>();
  py::gil_scoped_release nogil;
  double s = 0;
  for (py::ssize_t i = 0; i < r.shape(0); ++i)
    s += r(i);
  s += crunch(a.data(), a.size()) + (double)a.ndim() + (double)a.nbytes();
  void *scratch = PyMem_RawMalloc(64);
  PyMem_RawFree(scratch);
  s += h.ptr() != nullptr;
  return s;
}

// A project's own names that start with "Py" are not the C API.
struct PyramidBuilder {
  static long levels(long n) { return n / 2; }
};
struct PyWidget {
  static long area(long w) { return w * w; }
};

long projectNames(long n) {
  py::gil_scoped_release nogil;
  return PyramidBuilder::levels(n) + PyWidget::area(n);
}

// Through calls: a helper that builds a Python object.

static py::object makeResult(double s) { return py::cast(s); }

py::object computeAndWrap(const py::array_t<double> &a) {
  py::gil_scoped_release nogil;
  double s = crunch(a.data(), a.size());
  return makeResult(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'computeAndWrap' calls 'makeResult', which touches Python objects (pybind11::cast) while the GIL is released (by py::gil_scoped_release): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
}

// A Python object copied where the GIL is released: a reference count.
void copyWhileReleased(const py::object &config) {
  py::gil_scoped_release nogil;
  py::object copy = config;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{14|21}}: error: 'copyWhileReleased' {{.+}} while the GIL is released (by py::gil_scoped_release): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
}

// A binding with call_guard<gil_scoped_release>: the whole body runs without
// the GIL.

long appendAll(const py::list &out, long n) {
  for (long i = 0; i < n; ++i)
    out.append(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: error: 'appendAll' calls 'pybind11::list::append', which touches Python objects while the GIL is released (by the binding's call_guard<gil_scoped_release>): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
  return n;
}

// The same body bound without the guard holds the GIL.
long appendAllHeld(const py::list &out, long n) {
  for (long i = 0; i < n; ++i)
    out.append(i);
  return n;
}

// Under the guard, but acquiring the GIL for the Python part.
long appendAllAcquiring(const py::list &out, long n) {
  py::gil_scoped_acquire gil;
  for (long i = 0; i < n; ++i)
    out.append(i);
  return n;
}

// A by-value object parameter is destroyed inside the guarded call: its
// reference count drops without the GIL.
double sumByValue(py::array_t<double> a) {
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: error: 'sumByValue' {{.+}} while the GIL is released (by the binding's call_guard<gil_scoped_release>): touching Python objects without the GIL crashes; {{.+}} [python-api-without-gil]
  return crunch(a.data(), a.size());
}

double sumByReference(const py::array_t<double> &a) {
  return crunch(a.data(), a.size());
}

PYBIND11_MODULE(nogil, m) {
  m.def("log_while_released", &logWhileReleased);
  m.def("append_all", &appendAll, py::call_guard<py::gil_scoped_release>());
  m.def("append_all_held", &appendAllHeld);
  m.def("append_all_acquiring", &appendAllAcquiring,
        py::call_guard<py::gil_scoped_release>());
  m.def("sum_by_value", &sumByValue, py::call_guard<py::gil_scoped_release>());
  m.def("sum_by_reference", &sumByReference,
        py::call_guard<py::gil_scoped_release>());
}

// CPython: between Py_BEGIN_ALLOW_THREADS and Py_END_ALLOW_THREADS.

static PyObject *c_build(PyObject *self, PyObject *args) {
  long n = 0;
  PyObject *result;
  Py_BEGIN_ALLOW_THREADS
  n = (long)crunch(nullptr, 0);
  result = PyLong_FromLong(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: 'c_build' calls 'PyLong_FromLong', which touches Python objects while the GIL is released (by Py_BEGIN_ALLOW_THREADS): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
  Py_END_ALLOW_THREADS
  return result;
}

static PyObject *c_build_after(PyObject *self, PyObject *args) {
  long n = 0;
  Py_BEGIN_ALLOW_THREADS
  n = (long)crunch(nullptr, 0);
  Py_END_ALLOW_THREADS
  return PyLong_FromLong(n);
}

// Py_BLOCK_THREADS takes the GIL back inside the region.
static PyObject *c_build_blocked(PyObject *self, PyObject *args) {
  long n = 0;
  PyObject *result = nullptr;
  Py_BEGIN_ALLOW_THREADS
  n = (long)crunch(nullptr, 0);
  Py_BLOCK_THREADS
  result = PyLong_FromLong(n);
  Py_UNBLOCK_THREADS
  n = 0;
  Py_END_ALLOW_THREADS
  return result;
}

static PyObject *c_keep(PyObject *self, PyObject *arg) {
  Py_BEGIN_ALLOW_THREADS
  Py_INCREF(arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'c_keep' calls 'Py_INCREF', which touches Python objects while the GIL is released (by Py_BEGIN_ALLOW_THREADS): {{.+}} [python-api-without-gil]
  Py_END_ALLOW_THREADS
  return arg;
}

// PyGILState_Ensure inside the region takes the GIL for the call.
static PyObject *c_keep_ensured(PyObject *self, PyObject *arg) {
  Py_BEGIN_ALLOW_THREADS
  PyGILState_STATE state = PyGILState_Ensure();
  Py_INCREF(arg);
  PyGILState_Release(state);
  Py_END_ALLOW_THREADS
  return arg;
}

static PyMethodDef NoGilMethods[] = {
    {"build", c_build, METH_VARARGS, nullptr},
    {"build_after", c_build_after, METH_VARARGS, nullptr},
    {"build_blocked", c_build_blocked, METH_VARARGS, nullptr},
    {"keep", c_keep, METH_O, nullptr},
    {"keep_ensured", c_keep_ensured, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr}};

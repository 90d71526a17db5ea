// REQUIRES: real-python
// RUN: %check_rule -check-suffix=IO %s io-holding-gil %t -- -- -std=c++17 %{python_includes}
// RUN: %check_rule -check-suffix=CPU %s cpu-holding-gil %t -- -- -std=c++17 %{python_includes}
// RUN: %check_rule -check-suffix=API %s python-api-without-gil %t -- -- -std=c++17 %{python_includes}

// CPython's C API as installed (Debian: python3-dev): a PyMethodDef table
// whose functions are called with the GIL held, and the real
// Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS macros (PyEval_SaveThread
// and PyEval_RestoreThread). Each flagged function has a twin that releases
// the GIL and stays quiet.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <sys/socket.h>
#include <unistd.h>

// io-holding-gil

static PyObject *net_recv(PyObject *self, PyObject *args) {
  int fd;
  if (!PyArg_ParseTuple(args, "i", &fd))
    return nullptr;
  char buf[256];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES-IO: :[[@LINE-1]]:15: warning: 'net_recv' is called from Python with the GIL held, but it calls 'recv', which receives from a socket and every Python thread waits meanwhile; release the GIL around it with Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS [io-holding-gil]
  return PyBytes_FromStringAndSize(buf, n > 0 ? n : 0);
}

static PyObject *net_recv_released(PyObject *self, PyObject *args) {
  int fd;
  if (!PyArg_ParseTuple(args, "i", &fd))
    return nullptr;
  char buf[256];
  ssize_t n;
  Py_BEGIN_ALLOW_THREADS
  n = recv(fd, buf, sizeof buf, 0);
  Py_END_ALLOW_THREADS
  return PyBytes_FromStringAndSize(buf, n > 0 ? n : 0);
}

static PyObject *net_nap(PyObject *self, PyObject *) {
  sleep(1);
  // CHECK-MESSAGES-IO: :[[@LINE-1]]:3: warning: 'net_nap' is called from Python with the GIL held, but it calls 'sleep', which sleeps and every Python thread waits meanwhile; {{.+}} [io-holding-gil]
  Py_RETURN_NONE;
}

// cpu-holding-gil

static PyObject *net_checksum(PyObject *self, PyObject *args) {
  const char *data;
  Py_ssize_t len;
  if (!PyArg_ParseTuple(args, "y#", &data, &len))
    return nullptr;
  unsigned long h = 0;
  for (Py_ssize_t r = 0; r < len; ++r)
    for (Py_ssize_t i = 0; i < len; ++i)
      h = h * 31 + (unsigned char)data[(r + i) % len];
  // CHECK-MESSAGES-CPU: :[[@LINE-3]]:3: warning: 'net_checksum' is called from Python with the GIL held, but it runs nested loops over input data (2 levels): Python threads calling it run one at a time; release the GIL around it with Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS [cpu-holding-gil]
  return PyLong_FromUnsignedLong(h);
}

static PyObject *net_checksum_released(PyObject *self, PyObject *args) {
  const char *data;
  Py_ssize_t len;
  if (!PyArg_ParseTuple(args, "y#", &data, &len))
    return nullptr;
  unsigned long h = 0;
  Py_BEGIN_ALLOW_THREADS
  for (Py_ssize_t r = 0; r < len; ++r)
    for (Py_ssize_t i = 0; i < len; ++i)
      h = h * 31 + (unsigned char)data[(r + i) % len];
  Py_END_ALLOW_THREADS
  return PyLong_FromUnsignedLong(h);
}

// python-api-without-gil

static PyObject *net_count(PyObject *self, PyObject *list) {
  Py_ssize_t n = 0;
  Py_BEGIN_ALLOW_THREADS
  n = PyList_Size(list);
  // CHECK-MESSAGES-API: :[[@LINE-1]]:7: error: 'net_count' calls 'PyList_Size', which touches Python objects while the GIL is released (by Py_BEGIN_ALLOW_THREADS): touching Python objects without the GIL crashes; keep this part under the GIL (py::gil_scoped_acquire) [python-api-without-gil]
  Py_END_ALLOW_THREADS
  return PyLong_FromSsize_t(n);
}

static PyObject *net_count_held(PyObject *self, PyObject *list) {
  Py_ssize_t n = PyList_Size(list);
  Py_BEGIN_ALLOW_THREADS
  n = n * 2;
  Py_END_ALLOW_THREADS
  return PyLong_FromSsize_t(n);
}

static PyMethodDef NetMethods[] = {
    {"recv", net_recv, METH_VARARGS, "Receive up to 256 bytes."},
    {"recv_released", net_recv_released, METH_VARARGS, nullptr},
    {"nap", net_nap, METH_NOARGS, nullptr},
    {"checksum", net_checksum, METH_VARARGS, nullptr},
    {"checksum_released", net_checksum_released, METH_VARARGS, nullptr},
    {"count", net_count, METH_O, nullptr},
    {"count_held", net_count_held, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static struct PyModuleDef NetModule = {PyModuleDef_HEAD_INIT, "net", nullptr,
                                       -1, NetMethods};

PyMODINIT_FUNC PyInit_net(void) { return PyModule_Create(&NetModule); }

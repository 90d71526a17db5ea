// RUN: %check_rule %s io-holding-gil %t -- -- -std=c++17 -nostdinc++ -isystem %mock_headers

// Blocking I/O in functions called from Python with the GIL held: pybind11
// and nanobind bindings (lambdas, functions, methods) and CPython method
// tables. Each has a twin that releases the GIL (call_guard,
// gil_scoped_release, Py_BEGIN_ALLOW_THREADS) and stays quiet.

#include <nanobind/nanobind.h>
#include <pybind11/pybind11.h>

#include <Python.h>
#include <curl/curl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

namespace py = pybind11;
namespace nb = nanobind;

// Free functions bound by pointer.

int download(CURL *easy) {
  return curl_easy_perform(easy);
}

int downloadReleased(CURL *easy) { return curl_easy_perform(easy); }

// Through calls.
static long readAll(const char *path, char *buf, long cap) {
  FILE *f = fopen(path, "rb");
  return (long)fread(buf, 1, cap, f);
}

long loadConfig(const char *path) {
  static char buf[4096];
  return readAll(path, buf, sizeof buf);
}

// Not bound: not called from Python.
long loadConfigUnbound(const char *path) {
  static char buf[4096];
  return readAll(path, buf, sizeof buf);
}

// Releasing the GIL in the body, around the blocking part.
long loadConfigReleasing(const char *path) {
  static char buf[4096];
  py::gil_scoped_release nogil;
  return readAll(path, buf, sizeof buf);
}

// The release's scope closes before the blocking call.
long loadConfigReleaseTooShort(const char *path) {
  static char buf[4096];
  {
    py::gil_scoped_release nogil;
    buf[0] = 0;
  }
  return readAll(path, buf, sizeof buf);
}

// Released, then acquired again around the blocking call.
void napWithGilAgain() {
  py::gil_scoped_release nogil;
  {
    py::gil_scoped_acquire gil;
    sleep(1);
  }
}

// Methods and lambdas.

struct Client {
  int fd;
  int ping() {
    char c = 0;
    return (int)recv(fd, &c, 1, 0);
  }
  int pingReleased() {
    char c = 0;
    return (int)recv(fd, &c, 1, 0);
  }
  static void backoff() {
    usleep(100000);
  }
};

// The blocking part touches no Python object, but its result becomes one:
// the GIL cannot be released for the whole call.
py::bytes receiveBytes(int fd) {
  char buf[256];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'receive_bytes' is called from Python with the GIL held, but it calls 'recv', which receives from a socket and every Python thread waits meanwhile; it touches Python objects, so the GIL cannot be released for the whole call: release it (pybind11::gil_scoped_release) only around the blocking part, or use processes (multiprocessing) on the Python side [io-holding-gil]
  return py::bytes(buf, n > 0 ? (size_t)n : 0);
}

// The same, releasing around the blocking part only.
py::bytes receiveBytesReleasing(int fd) {
  char buf[256];
  ssize_t n;
  {
    py::gil_scoped_release nogil;
    n = recv(fd, buf, sizeof buf, 0);
  }
  return py::bytes(buf, n > 0 ? (size_t)n : 0);
}

PYBIND11_MODULE(netio, m) {
  m.def("download", &download);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'download' is called from Python with the GIL held, but it calls 'curl_easy_perform', which {{.+}} and every Python thread waits meanwhile; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [io-holding-gil]
  m.def("download_released", &downloadReleased,
        py::call_guard<py::gil_scoped_release>());
  m.def("load_config", &loadConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'load_config' is called from Python with the GIL held, but 'readAll' blocks on file I/O (fopen) and every Python thread waits meanwhile; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [io-holding-gil]
  m.def("load_config_releasing", &loadConfigReleasing);
  m.def("load_config_short", &loadConfigReleaseTooShort);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'load_config_short' is called from Python with the GIL held, but 'readAll' blocks on file I/O (fopen) and every Python thread waits meanwhile; {{.+}} [io-holding-gil]
  m.def("nap_gil_again", &napWithGilAgain);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'nap_gil_again' is called from Python with the GIL held, but it calls 'sleep', which sleeps and every Python thread waits meanwhile; {{.+}} [io-holding-gil]
  m.def("receive_bytes", &receiveBytes);
  m.def("receive_bytes_releasing", &receiveBytesReleasing);

  m.def("wait_ready", [](int fd) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'wait_ready' is called from Python with the GIL held, but it calls 'recv', which receives from a socket and every Python thread waits meanwhile; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [io-holding-gil]
    char c;
    recv(fd, &c, 1, MSG_PEEK);
  });
  m.def(
      "wait_ready_released",
      [](int fd) {
        char c;
        recv(fd, &c, 1, MSG_PEEK);
      },
      py::call_guard<py::gil_scoped_release>());
  // A non-blocking receive does not wait.
  m.def("poll_ready", [](int fd) {
    char c;
    return recv(fd, &c, 1, MSG_DONTWAIT);
  });

  py::class_<Client>(m, "Client")
      .def("ping", &Client::ping)
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'ping' is called from Python with the GIL held, but it calls 'recv', which receives from a socket and every Python thread waits meanwhile; release the GIL: add pybind11::call_guard<pybind11::gil_scoped_release>() to the binding [io-holding-gil]
      .def("ping_released", &Client::pingReleased,
           py::call_guard<py::gil_scoped_release>())
      .def_static("backoff", &Client::backoff);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'backoff' is called from Python with the GIL held, but it calls 'usleep', which sleeps and every Python thread waits meanwhile; {{.+}} [io-holding-gil]
}

// nanobind: the advice names nanobind's call_guard, and nanobind's scoped
// release where the call touches Python objects.

void nbSleep() {
  sleep(2);
}
void nbSleepReleased() { sleep(2); }

nb::bytes nbReceive(int fd) {
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'receive' is called from Python with the GIL held, but it calls 'recv', {{.+}}: release it (nanobind::gil_scoped_release) only around the blocking part, or use processes (multiprocessing) on the Python side [io-holding-gil]
  return nb::bytes(buf, n > 0 ? (size_t)n : 0);
}

NB_MODULE(nbio, m) {
  m.def("receive", &nbReceive);
  m.def("nap", &nbSleep);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'nap' is called from Python with the GIL held, but it calls 'sleep', which sleeps and every Python thread waits meanwhile; release the GIL: add nanobind::call_guard<nanobind::gil_scoped_release>() to the binding [io-holding-gil]
  m.def("nap_released", &nbSleepReleased,
        nb::call_guard<nb::gil_scoped_release>());
}

// CPython method tables: the C function's name, and the macro pair.

static PyObject *c_fetch(PyObject *self, PyObject *args) {
  int fd;
  if (!PyArg_ParseTuple(args, "i", &fd))
    return nullptr;
  char buf[64];
  long n = (long)recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'c_fetch' is called from Python with the GIL held, but it calls 'recv', which receives from a socket and every Python thread waits meanwhile; release the GIL around it with Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS [io-holding-gil]
  return PyLong_FromLong(n);
}

static PyObject *c_fetch_released(PyObject *self, PyObject *args) {
  int fd;
  if (!PyArg_ParseTuple(args, "i", &fd))
    return nullptr;
  char buf[64];
  long n;
  Py_BEGIN_ALLOW_THREADS
  n = (long)recv(fd, buf, sizeof buf, 0);
  Py_END_ALLOW_THREADS
  return PyLong_FromLong(n);
}

static PyObject *c_nap(PyObject *self, PyObject *) {
  PyThreadState *state = PyEval_SaveThread();
  sleep(1);
  PyEval_RestoreThread(state);
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c_nap' is called from Python with the GIL held, but it calls 'sleep', which sleeps and every Python thread waits meanwhile; release the GIL around it with Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS [io-holding-gil]
  Py_RETURN_NONE;
}

// Not in a method table.
static PyObject *c_unlisted(PyObject *self, PyObject *) {
  sleep(1);
  Py_RETURN_NONE;
}

static PyMethodDef NetMethods[] = {
    {"fetch", c_fetch, METH_VARARGS, "Receive up to 64 bytes."},
    {"fetch_released", c_fetch_released, METH_VARARGS, nullptr},
    {"nap", (PyCFunction)c_nap, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static PyModuleDef NetModule = {PyModuleDef_HEAD_INIT, "cnet", nullptr, -1,
                                NetMethods};

PyMODINIT_FUNC PyInit_cnet(void) { return PyModule_Create(&NetModule); }

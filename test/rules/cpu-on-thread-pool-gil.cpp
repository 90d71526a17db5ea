// RUN: %check_rule %s cpu-on-thread-pool %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Threads of an extension module that take the Python GIL around CPU-heavy
// work: every such thread waits for the one GIL, so they run one at a time.
// The twins take the GIL only to hand a result to Python, or release it
// around the computation (mock <pybind11/pybind11.h> and <Python.h>).

#include <pybind11/pybind11.h>
#include <thread>
#include <vector>

#include <Python.h>
#include <zlib.h>

namespace py = pybind11;

static double integrate(const double *xs, long n) {
  double sum = 0;
  for (long i = 0; i < 8000000; ++i)
    sum += xs[i % n] * 0.5;
  return sum;
}

// pybind11's RAII acquire held across the work.

void workerHoldingGil(const double *xs, long n, py::list results) {
  std::thread worker([xs, n, results] {
    py::gil_scoped_acquire gil;
    double value = integrate(xs, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'integrate' computes for long (a loop of 8000000 iterations) while holding the GIL: the tasks run one at a time; release the GIL (py::gil_scoped_release) around the computation, or use processes [cpu-on-thread-pool]
    results.append(value);
  });
  worker.detach();
}

// The twin: compute first, take the GIL only to append.
void workerGilForResult(const double *xs, long n, py::list results) {
  std::thread worker([xs, n, results] {
    double value = integrate(xs, n);
    py::gil_scoped_acquire gil;
    results.append(value);
  });
  worker.detach();
}

// Holding the GIL, but releasing it around the computation.
void workerReleasing(const double *xs, long n, py::list results) {
  std::thread worker([xs, n, results] {
    py::gil_scoped_acquire gil;
    double value;
    {
      py::gil_scoped_release nogil;
      value = integrate(xs, n);
    }
    results.append(value);
  });
  worker.detach();
}

// The CPython API: PyGILState_Ensure ... PyGILState_Release around the work.

void compressOnThread(const Bytef *in, uLong len, PyObject *callback) {
  std::thread worker([in, len, callback] {
    PyGILState_STATE state = PyGILState_Ensure();
    static Bytef out[1 << 16];
    uLongf outLen = sizeof out;
    compress(out, &outLen, in, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but it computes for long (compress) while holding the GIL: the tasks run one at a time; release the GIL (py::gil_scoped_release) around the computation, or use processes [cpu-on-thread-pool]
    PyObject_CallObject(callback, nullptr);
    PyGILState_Release(state);
  });
  worker.detach();
}

void compressThenCallBack(const Bytef *in, uLong len, PyObject *callback) {
  std::thread worker([in, len, callback] {
    static Bytef out[1 << 16];
    uLongf outLen = sizeof out;
    compress(out, &outLen, in, len);
    PyGILState_STATE state = PyGILState_Ensure();
    PyObject_CallObject(callback, nullptr);
    PyGILState_Release(state);
  });
  worker.detach();
}

// A named function on its own thread, acquiring through a helper scope.

void crunchRows(const std::vector<int> *rows) {
  py::gil_scoped_acquire gil;
  long total = 0;
  for (int a : *rows)
    for (int b : *rows)
      total += a * b;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'crunchRows' runs on its own thread ('{{(std::)?}}thread'), but it computes for long (nested loops over input data) while holding the GIL: {{.+}} [cpu-on-thread-pool]
  py::print(total);
}

void startCrunch(const std::vector<int> &rows) {
  std::thread worker(crunchRows, &rows);
  worker.detach();
}

// Without a thread or a pool there is nothing to serialize.
void crunchInline(const std::vector<int> &rows) { crunchRows(&rows); }

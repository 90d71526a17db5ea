// RUN: %check_rule -check-suffix=BOTH %s cpu-holding-gil,io-holding-gil %t -- -- -std=c++17 -nostdinc++ -isystem %mock_headers
// RUN: %check_rule -check-suffix=IO %s io-holding-gil %t -- -- -std=c++17 -nostdinc++ -isystem %mock_headers

// One call that both computes for long and waits with the GIL held (a
// multithreaded compressor's flush: it compresses, then waits for its
// workers) is one thing to fix: cpu-holding-gil reports it, and
// io-holding-gil says nothing more at that place. With cpu-holding-gil off,
// io-holding-gil still reports it. A call that only waits is reported by
// io-holding-gil either way.

#include <Python.h>
#include <pthread.h>
#include <stddef.h>

struct Job {
  pthread_mutex_t lock;
  pthread_cond_t done;
  int pending;
};

static long compressAndJoin(struct Job *job, const unsigned char *data,
                            size_t size) {
  long sum = 0;
  for (size_t i = 0; i < size; ++i)
    for (size_t j = 0; j < size; ++j)
      sum += data[i] ^ data[j];
  pthread_mutex_lock(&job->lock);
  while (job->pending > 0)
    pthread_cond_wait(&job->done, &job->lock);
  pthread_mutex_unlock(&job->lock);
  return sum;
}

static void join(struct Job *job) {
  pthread_mutex_lock(&job->lock);
  while (job->pending > 0)
    pthread_cond_wait(&job->done, &job->lock);
  pthread_mutex_unlock(&job->lock);
}

static struct Job TheJob;
static unsigned char Buffer[1 << 16];

static PyObject *c_flush(PyObject *self, PyObject *args) {
  size_t size = (size_t)PyLong_AsLong(args);
  long sum = compressAndJoin(&TheJob, Buffer, size);
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:14: warning: 'c_flush' is called from Python with the GIL held, but 'compressAndJoin' computes for long {{.+}} [cpu-holding-gil]
  // CHECK-MESSAGES-IO: :[[@LINE-2]]:14: warning: 'c_flush' is called from Python with the GIL held, but 'compressAndJoin' {{.+}} [io-holding-gil]
  return PyLong_FromLong(sum);
}

static PyObject *c_join(PyObject *self, PyObject *) {
  join(&TheJob);
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:3: warning: 'c_join' is called from Python with the GIL held, but 'join' {{.+}} [io-holding-gil]
  // CHECK-MESSAGES-IO: :[[@LINE-2]]:3: warning: 'c_join' is called from Python with the GIL held, but 'join' {{.+}} [io-holding-gil]
  Py_RETURN_NONE;
}

static PyMethodDef JobMethods[] = {
    {"flush", c_flush, METH_O, nullptr},
    {"join", (PyCFunction)c_join, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static PyModuleDef JobModule = {PyModuleDef_HEAD_INIT, "cjob", nullptr, -1,
                                JobMethods};

/* Mock <Python.h>: the CPython C API as Python 3.11 declares it (the names,
   PyObject as struct _object, the GIL's functions, and the
   Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS macros expanding exactly as
   CPython's do), without bodies. */
#ifndef BOUNDWISE_MOCK_PYTHON_H
#define BOUNDWISE_MOCK_PYTHON_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN

typedef ssize_t Py_ssize_t;

/* pytypedefs.h / object.h */
typedef struct _object PyObject;
typedef struct _typeobject PyTypeObject;
typedef struct _ts PyThreadState;
struct _object {
  Py_ssize_t ob_refcnt;
  PyTypeObject *ob_type;
};
#define _PyObject_CAST(op) ((PyObject *)(op))

static inline void Py_INCREF(PyObject *op) { op->ob_refcnt++; }
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
void _Py_Dealloc(PyObject *op);
static inline void Py_DECREF(PyObject *op) {
  if (--op->ob_refcnt == 0)
    _Py_Dealloc(op);
}
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))

extern PyObject _Py_NoneStruct;
#define Py_None (&_Py_NoneStruct)
PyObject *Py_NewRef(PyObject *obj);
#define Py_RETURN_NONE return Py_NewRef(Py_None)

/* methodobject.h */
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
struct PyMethodDef {
  const char *ml_name;
  PyCFunction ml_meth;
  int ml_flags;
  const char *ml_doc;
};
typedef struct PyMethodDef PyMethodDef;
#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008

/* moduleobject.h / modsupport.h */
typedef struct PyModuleDef_Base {
  PyObject ob_base;
  PyObject *(*m_init)(void);
  Py_ssize_t m_index;
  PyObject *m_copy;
} PyModuleDef_Base;
#define PyModuleDef_HEAD_INIT {{1, NULL}, NULL, 0, NULL}
typedef struct PyModuleDef {
  PyModuleDef_Base m_base;
  const char *m_name;
  const char *m_doc;
  Py_ssize_t m_size;
  PyMethodDef *m_methods;
  void *m_slots;
  void *m_traverse;
  void *m_clear;
  void *m_free;
} PyModuleDef;
PyObject *PyModule_Create2(PyModuleDef *def, int apiver);
#define PYTHON_API_VERSION 1013
#define PyModule_Create(module) PyModule_Create2(module, PYTHON_API_VERSION)
#ifdef __cplusplus
#define PyMODINIT_FUNC extern "C" PyObject *
#else
#define PyMODINIT_FUNC PyObject *
#endif

int PyArg_ParseTuple(PyObject *args, const char *format, ...);
PyObject *Py_BuildValue(const char *format, ...);

/* longobject.h, bytesobject.h, unicodeobject.h, listobject.h */
PyObject *PyLong_FromLong(long value);
long PyLong_AsLong(PyObject *obj);
PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n);
char *PyBytes_AsString(PyObject *obj);
Py_ssize_t PyBytes_Size(PyObject *obj);
PyObject *PyUnicode_FromString(const char *s);
PyObject *PyList_New(Py_ssize_t size);
int PyList_Append(PyObject *list, PyObject *item);
Py_ssize_t PyList_Size(PyObject *list);
PyObject *PyList_GetItem(PyObject *list, Py_ssize_t index);

/* abstract.h, pyerrors.h */
PyObject *PyObject_CallObject(PyObject *callable, PyObject *args);
PyObject *PyObject_GetAttrString(PyObject *obj, const char *name);
extern PyObject *PyExc_RuntimeError;
void PyErr_SetString(PyObject *type, const char *message);
int PyErr_CheckSignals(void);

/* pymem.h */
void *PyMem_RawMalloc(size_t n);
void PyMem_RawFree(void *p);
void *PyMem_Malloc(size_t n);
void PyMem_Free(void *p);

/* pystate.h */
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyGILState_STATE PyGILState_Ensure(void);
void PyGILState_Release(PyGILState_STATE state);
int PyGILState_Check(void);

/* ceval.h */
PyThreadState *PyEval_SaveThread(void);
void PyEval_RestoreThread(PyThreadState *tstate);
void PyEval_AcquireThread(PyThreadState *tstate);
void PyEval_ReleaseThread(PyThreadState *tstate);

#define Py_BEGIN_ALLOW_THREADS { \
                        PyThreadState *_save; \
                        _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS        PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS      _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS    PyEval_RestoreThread(_save); \
                 }

BOUNDWISE_EXTERN_C_END

#endif

// Mock <nanobind/nanobind.h>: nanobind's binding, GIL and object names as
// nanobind 2.x declares them; the templates that take a lambda have empty
// bodies.
#ifndef BOUNDWISE_MOCK_NANOBIND_H
#define BOUNDWISE_MOCK_NANOBIND_H
#include <Python.h>
#include <cstddef>

namespace nanobind {
class handle {
public:
  handle() = default;
  handle(PyObject *ptr);
  PyObject *ptr() const { return m_ptr; }
  const handle &inc_ref() const &;
  const handle &dec_ref() const &;

protected:
  PyObject *m_ptr = nullptr;
};

class object : public handle {
public:
  object() = default;
  object(const object &o);
  object(object &&o) noexcept;
  ~object();
  object &operator=(const object &o);
};

class str : public object {
public:
  explicit str(const char *c);
  const char *c_str() const;
};

class bytes : public object {
public:
  bytes(const void *p, size_t n);
  const char *c_str() const;
  size_t size() const;
};

template <typename T> T cast(const handle &h);

struct gil_scoped_acquire {
  gil_scoped_acquire() noexcept;
  ~gil_scoped_acquire();
};

struct gil_scoped_release {
  gil_scoped_release() noexcept;
  ~gil_scoped_release();
};

template <typename... Ts> struct call_guard {};

class module_ : public object {
public:
  template <typename Func, typename... Extra>
  module_ &def(const char *name_, Func &&f, const Extra &...extra) {
    return *this;
  }
};

template <typename T, typename... Ts> class class_ : public object {
public:
  template <typename... Extra>
  class_(handle scope, const char *name, const Extra &...extra);
  template <typename Func, typename... Extra>
  class_ &def(const char *name_, Func &&f, const Extra &...extra) {
    return *this;
  }
  template <typename Func, typename... Extra>
  class_ &def_static(const char *name_, Func &&f, const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename Setter, typename... Extra>
  class_ &def_prop_rw(const char *name_, Getter &&getter, Setter &&setter,
                      const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename... Extra>
  class_ &def_prop_ro(const char *name_, Getter &&getter,
                      const Extra &...extra) {
    return *this;
  }
};
} // namespace nanobind

#define NB_MODULE(name, variable)                                              \
  static void nanobind_init_##name(::nanobind::module_ &);                     \
  extern "C" PyObject *PyInit_##name();                                        \
  void nanobind_init_##name(::nanobind::module_ &(variable))

#endif

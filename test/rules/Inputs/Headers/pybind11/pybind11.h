// Mock <pybind11/pybind11.h>: pybind11's names as the real headers declare
// them (namespace pybind11; module_ with the alias module; class_; handle and
// object; the GIL's RAII types; call_guard), without bodies except where a
// template takes a lambda (a lambda's type has no linkage, so a declaration
// alone would not do). Arrays are in <pybind11/numpy.h>, as in pybind11.
#ifndef BOUNDWISE_MOCK_PYBIND11_H
#define BOUNDWISE_MOCK_PYBIND11_H
#include <Python.h>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace pybind11 {
using ssize_t = Py_ssize_t;

class handle {
public:
  handle() = default;
  handle(PyObject *ptr);
  PyObject *ptr() const { return m_ptr; }
  const handle &inc_ref() const &;
  const handle &dec_ref() const &;
  template <typename T> T cast() const;
  explicit operator bool() const;

protected:
  PyObject *m_ptr = nullptr;
};

class object : public handle {
public:
  object() = default;
  object(const object &o);
  object(object &&other) noexcept;
  ~object();
  object &operator=(const object &other);
  handle release();
};

class str : public object {
public:
  str(const char *c = "");
  str(const std::string &s);
  operator std::string() const;
};

class bytes : public object {
public:
  bytes(const char *c = "");
  bytes(const char *c, size_t n);
  operator std::string() const;
};

class int_ : public object {
public:
  int_(int value);
  operator long() const;
};

class list : public object {
public:
  explicit list(size_t size = 0);
  size_t size() const;
  template <typename T> void append(T &&val) const;
  handle operator[](size_t index) const;
};

class tuple : public object {
public:
  explicit tuple(size_t size = 0);
  size_t size() const;
};

class dict : public object {
public:
  dict();
  size_t size() const;
};

template <typename T> T cast(const handle &handle);
template <typename T> object cast(T &&value);
template <typename... Args> void print(Args &&...args);

struct buffer_info {
  void *ptr = nullptr;
  ssize_t itemsize = 0;
  ssize_t size = 0;
  std::string format;
  ssize_t ndim = 0;
  std::vector<ssize_t> shape;
  std::vector<ssize_t> strides;
  bool readonly = false;
  buffer_info() = default;
  buffer_info(buffer_info &&other) noexcept;
  ~buffer_info();
};

class buffer : public object {
public:
  buffer_info request(bool writable = false) const;
};

// pybind11/gil.h
class gil_scoped_acquire {
public:
  gil_scoped_acquire();
  ~gil_scoped_acquire();
  void disarm();
};

class gil_scoped_release {
public:
  explicit gil_scoped_release(bool disassoc = false);
  ~gil_scoped_release();
  void disarm();
};

// pybind11/attr.h
template <typename... Ts> struct call_guard;
template <> struct call_guard<> {
  using type = void;
};
template <typename T> struct call_guard<T> {
  using type = T;
};

struct arg {
  constexpr explicit arg(const char *name = nullptr) : name(name) {}
  const char *name;
};

struct is_method {
  handle class_;
  explicit is_method(const handle &c) : class_(c) {}
};

class cpp_function : public object {
public:
  cpp_function() = default;
  template <typename Func, typename... Extra>
  cpp_function(Func &&f, const Extra &...extra) {}
};

namespace detail {
namespace initimpl {
template <typename... Args> struct constructor {};
} // namespace initimpl
} // namespace detail

template <typename... Args> detail::initimpl::constructor<Args...> init() {
  return {};
}

class module_ : public object {
public:
  explicit module_(const char *name, const char *doc = nullptr);
  template <typename Func, typename... Extra>
  module_ &def(const char *name_, Func &&f, const Extra &...extra) {
    return *this;
  }
  module_ def_submodule(const char *name, const char *doc = nullptr);
  object attr(const char *name) const;
  static module_ import(const char *name);
  static module_ create_extension_module(const char *name, const char *doc,
                                         void *def);
};
using module = module_;

template <typename type_, typename... options> class class_ : public object {
public:
  using type = type_;
  template <typename... Extra>
  class_(handle scope, const char *name, const Extra &...extra);

  template <typename Func, typename... Extra>
  class_ &def(const char *name_, Func &&f, const Extra &...extra) {
    return *this;
  }
  template <typename... Args, typename... Extra>
  class_ &def(const detail::initimpl::constructor<Args...> &init,
              const Extra &...extra);
  template <typename Func, typename... Extra>
  class_ &def_static(const char *name_, Func &&f, const Extra &...extra) {
    return *this;
  }

  template <typename Getter, typename Setter, typename... Extra>
  class_ &def_property(const char *name, const Getter &fget,
                       const Setter &fset, const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename... Extra>
  class_ &def_property_readonly(const char *name, const Getter &fget,
                                const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename Setter, typename... Extra>
  class_ &def_property_static(const char *name, const Getter &fget,
                              const Setter &fset, const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename... Extra>
  class_ &def_property_readonly_static(const char *name, const Getter &fget,
                                       const Extra &...extra) {
    return *this;
  }
  template <typename C, typename D, typename... Extra>
  class_ &def_readwrite(const char *name, D C::*pm, const Extra &...extra);
};
} // namespace pybind11

// pybind11/detail/common.h
#define PYBIND11_MODULE(name, variable)                                        \
  static void pybind11_init_##name(::pybind11::module_ &);                     \
  extern "C" PyObject *PyInit_##name() {                                       \
    auto m = ::pybind11::module_::create_extension_module(#name, nullptr,      \
                                                          nullptr);            \
    pybind11_init_##name(m);                                                   \
    return m.ptr();                                                            \
  }                                                                            \
  void pybind11_init_##name(::pybind11::module_ &(variable))

#endif

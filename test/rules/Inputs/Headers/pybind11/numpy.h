// Mock <pybind11/numpy.h>: pybind11::array and array_t with their accessors,
// and the unchecked proxies of pybind11::detail, as pybind11 declares them.
#ifndef BOUNDWISE_MOCK_PYBIND11_NUMPY_H
#define BOUNDWISE_MOCK_PYBIND11_NUMPY_H
#include <pybind11/pybind11.h>

namespace pybind11 {
namespace detail {
template <typename T, ssize_t Dims> class unchecked_reference {
public:
  template <typename... Ix> const T &operator()(Ix... index) const;
  template <typename... Ix> const T *data(Ix... index) const;
  ssize_t shape(ssize_t dim) const;
  ssize_t ndim() const;
  ssize_t size() const;
  ssize_t nbytes() const;
};

template <typename T, ssize_t Dims>
class unchecked_mutable_reference : public unchecked_reference<T, Dims> {
public:
  template <typename... Ix> T &operator()(Ix... index);
  template <typename... Ix> T *mutable_data(Ix... ix);
};
} // namespace detail

class array : public buffer {
public:
  enum { c_style = 0x0010, f_style = 0x0020, forcecast = 0x0010 };
  array();
  ssize_t itemsize() const;
  ssize_t nbytes() const;
  ssize_t ndim() const;
  ssize_t size() const;
  const ssize_t *shape() const;
  ssize_t shape(ssize_t dim) const;
  const ssize_t *strides() const;
  ssize_t strides(ssize_t dim) const;
  bool writeable() const;
  bool owndata() const;
  template <typename... Ix> const void *data(Ix... index) const;
  template <typename... Ix> void *mutable_data(Ix... index);
  template <typename T, ssize_t Dims = -1>
  detail::unchecked_reference<T, Dims> unchecked() const &;
  template <typename T, ssize_t Dims = -1>
  detail::unchecked_mutable_reference<T, Dims> mutable_unchecked() &;
  array squeeze();
};

template <typename T, int ExtraFlags = array::forcecast>
class array_t : public array {
public:
  using value_type = T;
  array_t();
  explicit array_t(ssize_t count, const T *ptr = nullptr);
  template <typename... Ix> const T *data(Ix... index) const;
  template <typename... Ix> T *mutable_data(Ix... index);
  template <typename... Ix> const T &at(Ix... index) const;
  template <typename... Ix> T &mutable_at(Ix... index);
  template <ssize_t Dims = -1>
  detail::unchecked_reference<T, Dims> unchecked() const &;
  template <ssize_t Dims = -1>
  detail::unchecked_mutable_reference<T, Dims> mutable_unchecked() &;
};
} // namespace pybind11

#endif

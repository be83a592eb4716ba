// Element-wise sums and dot products: the arithmetic behind the `add` and `dot`
// subcommands and the C library's add_* and dot_product functions.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <type_traits>

namespace mandelbrot {

// sum[i] = a[i] + b[i]. For an integer T, a sum that overflows wraps around
// (two's complement) and the index of the first such element is returned;
// floating-point sums round as IEEE arithmetic in T does and never report.
// REQUIRES: a, b and sum have the same size.
template <typename T>
std::optional<size_t> add_arrays(std::span<const T> a, std::span<const T> b, std::span<T> sum) {
  std::optional<size_t> overflow;
  for (size_t i = 0; i < a.size(); ++i) {
    if constexpr (std::is_integral_v<T>) {
      if (__builtin_add_overflow(a[i], b[i], &sum[i]) && !overflow) overflow = i;
    } else {
      sum[i] = a[i] + b[i];
    }
  }
  return overflow;
}

// *result = the sum of a[i] * b[i], accumulated in T from 0 in index order
// (for float, exactly the classic C loop). For an integer T, the result wraps
// on overflow and the index of the first element at which a product or the
// running sum overflowed is returned. REQUIRES: a and b have the same size.
template <typename T>
std::optional<size_t> dot_arrays(std::span<const T> a, std::span<const T> b, T* result) {
  std::optional<size_t> overflow;
  T sum = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if constexpr (std::is_integral_v<T>) {
      T product;
      // Both always run, so that the result wraps as documented.
      const bool product_overflowed = __builtin_mul_overflow(a[i], b[i], &product);
      const bool sum_overflowed = __builtin_add_overflow(sum, product, &sum);
      if ((product_overflowed || sum_overflowed) && !overflow) overflow = i;
    } else {
      const T product = a[i] * b[i];
      sum = sum + product;
    }
  }
  *result = sum;
  return overflow;
}

}  // namespace mandelbrot

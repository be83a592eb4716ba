// Writing int32 counts as little-endian bytes, shared by the raw and npy encoders.
#pragma once

#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "base/output_file.h"

namespace mandelbrot {

inline Status write_int32_le(ByteSink& sink, std::span<const int32_t> values) {
  if constexpr (std::endian::native == std::endian::little) {
    return sink.write(values.data(), values.size_bytes());
  } else {
    std::vector<uint8_t> bytes(values.size_bytes());
    for (size_t i = 0; i < values.size(); ++i) {
      const auto v = static_cast<uint32_t>(values[i]);
      for (int b = 0; b < 4; ++b) bytes[4 * i + b] = static_cast<uint8_t>(v >> (8 * b));
    }
    return sink.write(bytes.data(), bytes.size());
  }
}

}  // namespace mandelbrot

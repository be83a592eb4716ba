// Byte order: reading and writing fixed-size integers in the byte orders of
// the file formats (little-endian for raw and npy, big-endian for PNG and
// 16-bit Netpbm), independent of the machine's own. The one place for it.
#pragma once

#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "base/output_file.h"

namespace mandelbrot {

inline uint16_t get_le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
inline uint32_t get_le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}
inline uint64_t get_le64(const uint8_t* p) {
  return uint64_t{get_le32(p)} | (uint64_t{get_le32(p + 4)} << 32);
}
inline uint16_t get_be16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }
inline uint32_t get_be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

inline void put_le16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
}
inline void put_le32(uint8_t* p, uint32_t v) {
  for (int b = 0; b < 4; ++b) p[b] = static_cast<uint8_t>(v >> (8 * b));
}
inline void put_le64(uint8_t* p, uint64_t v) {
  for (int b = 0; b < 8; ++b) p[b] = static_cast<uint8_t>(v >> (8 * b));
}
inline void put_be16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v >> 8);
  p[1] = static_cast<uint8_t>(v);
}
inline void put_be32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

// Writes int32 values as little-endian bytes (raw and npy counts): the values'
// own bytes on a little-endian machine, converted elsewhere.
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

// Writes doubles as little-endian IEEE binary64.
inline Status write_float64_le(ByteSink& sink, std::span<const double> values) {
  if constexpr (std::endian::native == std::endian::little) {
    return sink.write(values.data(), values.size_bytes());
  } else {
    std::vector<uint8_t> bytes(values.size_bytes());
    for (size_t i = 0; i < values.size(); ++i) {
      const auto v = std::bit_cast<uint64_t>(values[i]);
      for (int b = 0; b < 8; ++b) bytes[8 * i + b] = static_cast<uint8_t>(v >> (8 * b));
    }
    return sink.write(bytes.data(), bytes.size());
  }
}

}  // namespace mandelbrot

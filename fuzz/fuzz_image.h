// The body shared by the image harnesses: open bytes as an image, read every
// row, finish. REQUIRES: nothing; any bytes must end in ok or an error Status,
// never a crash, undefined behaviour or unbounded allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "formats/image_reader.h"

namespace mandelbrot::fuzz {

// Rows are read only while the image stays under this many samples, so that a
// fuzzer's execution stays fast; the headers are checked whatever they claim.
inline constexpr uint64_t kMaxFuzzSamples = uint64_t{1} << 22;

inline void read_image_bytes(const std::string& bytes,
                             std::optional<std::pair<int32_t, int32_t>> raw_size) {
  std::unique_ptr<ImageReader> reader;
  auto in =
      InputStream::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "fuzz");
  if (!open_image(std::move(in), "fuzz.raw", OutputFormat::kRaw, raw_size, &reader).ok()) return;
  LoadedImage image;
  (void)read_all_rows(*reader, kMaxFuzzSamples, &image);
}

}  // namespace mandelbrot::fuzz

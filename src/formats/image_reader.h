// Reading the renderer's outputs back: for `compare` and `info`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "formats/output_format.h"

namespace mandelbrot {

// What a file's samples are: comparable only with the same kind.
enum class ImageKind {
  kCounts,  // iteration counts (raw, npy, pgm)
  kImage,   // 8-bit RGB (png, ppm)
  kBitmap,  // 0 or 1 (pbm)
};
const char* image_kind_name(ImageKind kind);  // "counts", "image", "bitmap"

struct LoadedImage {
  OutputFormat format = OutputFormat::kRaw;
  ImageKind kind = ImageKind::kCounts;
  int32_t width = 0;
  int32_t height = 0;
  int channels = 1;                       // 3 for RGB
  std::vector<int32_t> samples;           // row-major, `channels` per pixel
  int32_t maxval = 0;                     // pgm/ppm maxval; 0 when the format has none
  std::optional<std::string> parameters;  // a PNG's "mandelbrot" text chunk
};

// The (width, height) of raw files from --width and --height: nullopt when
// neither is given; a usage error when only one is, or either is out of range.
Status parse_raw_size(const std::optional<std::string>& width,
                      const std::optional<std::string>& height,
                      std::optional<std::pair<int32_t, int32_t>>* size);

// Reads `path`. The format comes from the file's signature (PNG, npy, P4/P5/P6),
// else from `format`, else from the extension; raw files need `raw_size`
// (width, height). Returns a usage error naming the file for anything missing,
// unreadable, truncated, corrupt, or of an unsupported variant (npy other than
// 2-D '<i4', 8-bit PNG other than RGB/grey is converted to RGB).
Status read_image(const std::string& path, std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size, LoadedImage* image);

}  // namespace mandelbrot

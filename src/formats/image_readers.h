// The per-format image readers behind open_image() (formats/image_reader.h).
// Internal to the formats layer. Each takes the stream positioned at the
// file's first byte and keeps it.
#pragma once

#include <memory>
#include <utility>

#include "base/input_stream.h"
#include "base/status.h"
#include "formats/image_reader.h"

namespace mandelbrot {

// Ok when width and height are each 1 to kMaxImageSide; else an error naming
// the file and the size.
Status check_image_size(const InputStream& in, int64_t width, int64_t height);

// Files of counts without an end marker (raw, npy), whose size is what their
// header or the user says: an error with `code` "'NAME': expected N bytes of
// counts for WxH, found FOUND", N being sample_bytes per count.
Status wrong_counts_size(StatusCode code, const InputStream& in, int sample_bytes, int32_t width,
                         int32_t height, const std::string& found);
// After the last row: ok when `in` has no byte left, else wrong_counts_size(... "more").
Status finish_counts(StatusCode code, InputStream& in, int sample_bytes, int32_t width,
                     int32_t height);

Status open_png_reader(std::unique_ptr<InputStream> in, std::unique_ptr<ImageReader>* reader);
Status open_npy_reader(std::unique_ptr<InputStream> in, std::unique_ptr<ImageReader>* reader);
Status open_netpbm_reader(std::unique_ptr<InputStream> in, std::unique_ptr<ImageReader>* reader);
// The counts of an EXR file's N channel (exr/exr_file.h): N - IterationsBias,
// and Iterations - 1 where N is kExrNeverEscaped. Read by path: OpenEXR seeks.
Status open_exr_counts_reader(const std::string& path, std::unique_ptr<ImageReader>* reader);
// REQUIRES: size is within kMaxImageSide.
Status open_raw_reader(std::unique_ptr<InputStream> in, std::pair<int32_t, int32_t> size,
                       std::unique_ptr<ImageReader>* reader);

}  // namespace mandelbrot

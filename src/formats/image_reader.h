// Reading the renderer's outputs back, for `compare` and `info`: an
// image's header, then its rows one at a time, in memory bounded by a row
// whatever the image's size (docs/RELIABILITY.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/input_stream.h"
#include "base/status.h"
#include "buffer/count_buffer.h"
#include "formats/output_format.h"

namespace mandelbrot {

// What a file's samples are: comparable only with the same kind.
enum class ImageKind {
  kCounts,  // iteration counts (raw, npy, pgm)
  kImage,   // 8-bit RGB (png, ppm)
  kBitmap,  // 0 or 1 (pbm)
};
const char* image_kind_name(ImageKind kind);  // "counts", "image", "bitmap"

struct ImageHeader {
  OutputFormat format = OutputFormat::kRaw;
  ImageKind kind = ImageKind::kCounts;
  int32_t width = 0;   // 1 to kMaxImageSide
  int32_t height = 0;  // 1 to kMaxImageSide
  int channels = 1;    // 3 for RGB
  int32_t maxval = 0;  // pgm/ppm maxval; 0 when the format has none
};

// An open image file: its header, then its rows top to bottom.
class ImageReader {
 public:
  virtual ~ImageReader() = default;
  const ImageHeader& header() const { return header_; }
  // Decodes the next row into `row` (width * channels samples).
  // REQUIRES: fewer than height rows read so far.
  virtual Status read_row(int32_t* row) = 0;
  // After the last row: an error when raw or npy data go on past the image.
  virtual Status finish() { return Status(); }
  // The channels the file holds besides the counts (npy records of
  // --channels, docs/SEMANTICS.md, "npy channels"), and those of the row
  // read_row() read last, each into width doubles when held and not null.
  virtual Channels channels() const { return {}; }
  virtual void row_channels(double* smooth, double* distance) const {
    (void)smooth;
    (void)distance;
  }

 protected:
  ImageHeader header_;
};

// Opens `path` ("-" is standard input). The format comes from the file's
// signature (PNG, npy, P4/P5/P6), else from `format`, else from the extension;
// raw files need `raw_size` (width, height). Errors name the file: kNotFound
// when it is missing, else kInvalidArgument or kCorruption for anything
// unreadable, truncated, corrupt, larger than kMaxImageSide on a side, or of an
// unsupported variant. npy: 2-D C-order integers of 1 to 8 bytes or floats
// holding whole counts. PNG: any kind, decoded to 8-bit RGB.
Status open_image(const std::string& path, std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size,
                  std::unique_ptr<ImageReader>* reader);
// The same, from an open stream; `path` only guides the format guess.
Status open_image(std::unique_ptr<InputStream> in, const std::string& path,
                  std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size,
                  std::unique_ptr<ImageReader>* reader);

// A whole image in memory: for tests and small callers.
struct LoadedImage {
  ImageHeader header;
  std::vector<int32_t> samples;  // row-major, `channels` per pixel
};
// Reads every row of an open image and finishes it. Refuses, naming the
// figure, an image of more than max_samples samples.
Status read_all_rows(ImageReader& reader, uint64_t max_samples, LoadedImage* image);

// The (width, height) of raw files from --width and --height: nullopt when
// neither is given; a usage error when only one is, or either is out of range.
Status parse_raw_size(const std::optional<std::string>& width,
                      const std::optional<std::string>& height,
                      std::optional<std::pair<int32_t, int32_t>>* size);

}  // namespace mandelbrot

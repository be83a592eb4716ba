// Encoding an image in parts made independently, in any order and in separate
// processes, whose bytes put side by side in order are exactly the bytes of
// the whole image's encoder (cluster renders, docs/SEMANTICS.md "MPI").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "buffer/count_buffer.h"
#include "formats/encoders.h"

namespace mandelbrot {

// The bytes of one band of rows, and what the end of the file needs of it:
// for PNG the Adler-32 of its filtered bytes and their number (the zlib
// stream's checksum runs over every part); 1 and 0 for the other formats.
struct EncodedPart {
  std::vector<uint8_t> bytes;
  uint32_t adler = 1;
  uint64_t raw_bytes = 0;
};

class PartEncoder {
 public:
  virtual ~PartEncoder() = default;
  // Bands start at multiples of this many rows (PNG's segments), and end at
  // one too unless they end the image.
  virtual int32_t rows_multiple() const = 0;
  // The bytes before the first band.
  virtual Status header(std::vector<uint8_t>* out) = 0;
  // The bytes of `band` alone. REQUIRES: it starts and ends as rows_multiple() says.
  virtual Status part(const CountBuffer& band, EncodedPart* out) = 0;
  // The bytes after the last band: `adler` is every part's combined in order
  // (combine_adlers), `parameters` the render's JSON (formats that carry it).
  virtual Status trailer(uint32_t adler, const std::string& parameters,
                         std::vector<uint8_t>* out) = 0;
};

// REQUIRES: check_encodable(format, spec).ok(); spec.range set when the image
// scale needs it, as for make_encoder().
std::unique_ptr<PartEncoder> make_part_encoder(OutputFormat format, const ImageSpec& spec);

// The Adler-32 of the parts' bytes in order, from each part's own (adler, raw_bytes).
uint32_t combine_adlers(const std::vector<uint32_t>& adlers,
                        const std::vector<uint64_t>& raw_bytes);

// PNG's, in encode_png.cc, and exr's, in exr/encode_exr.cc.
std::unique_ptr<PartEncoder> make_png_part_encoder(const ImageSpec& spec);
std::unique_ptr<PartEncoder> make_exr_part_encoder(const ImageSpec& spec);

}  // namespace mandelbrot

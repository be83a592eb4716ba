// Encoders: from bands of counts to the bytes of an output file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/output_file.h"
#include "base/status.h"
#include "buffer/count_buffer.h"
#include "colour/colour_map.h"
#include "formats/output_format.h"

namespace mandelbrot {

// PNG compression levels are ISA-L's: 0 (fastest) to 3 (smallest on large
// images), all of them run on every thread.
inline constexpr int kDefaultPngLevel = 1;
inline constexpr int kMaxPngLevel = 3;

// Which values a data format (npy) writes: the counts ('<i4'), or a channel
// of the sample buffer ('<f8', docs/SEMANTICS.md, "Channels").
enum class DataChannel { kCount, kSmooth, kDistance };

// What is being encoded: the image size, the iteration count (counts lie in
// [0, iterations)), the colour map for the formats that have colours, the PNG
// compression level, the threads an encoder may use, and how counts are scaled
// to colours: on the image scale, `range` must be the whole image's
// (count_range() of its statistics), known before the first band is encoded.
struct ImageSpec {
  int32_t width = 0;
  int32_t height = 0;
  int32_t iterations = 0;
  ColourMapKind colour_map = ColourMapKind::kHot;
  int png_level = kDefaultPngLevel;
  int threads = 1;
  ColourScale scale = ColourScale::kImage;
  CountRange range{};
  DataChannel channel = DataChannel::kCount;  // npy only; the band holds the channel
  // png, ppm: the colouring method and what it needs of the whole image,
  // known before the first band (docs/SEMANTICS.md, "Colouring methods").
  ColouringOptions colouring{};
  // exr: the channels the bands hold (NF and DEX/DEY are written when held),
  // the bailout (for NF) and the render parameters JSON, which its header,
  // written before the first band, carries (docs/SEMANTICS.md, "EXR").
  Channels channels{};
  double bailout = 10.0;
  std::string parameters{};
  // png, ppm: n x n samples per pixel (docs/SEMANTICS.md, "Supersampling"):
  // the bands hold sample rows, n * width wide, starting at a multiple of n
  // and n times as many rows as the pixel rows they make.
  int supersample = 1;
};

// True when `format` can be supersampled: the colour formats png and ppm.
bool can_supersample(OutputFormat format);

// True when `format` encodes colours (png, ppm, and exr's RGB), so that the image scale needs
// the counts' range before encoding.
bool has_colours(OutputFormat format);

// True when `format`'s file carries the render's parameters with the content
// hash (PNG, in its tEXt chunk), so that a render into it computes the hash.
bool carries_hash(OutputFormat format);

// Ok when `format` can hold the image: a usage error for a PGM whose maxval
// (iterations - 1) is 0 or above 65535, or for supersampling a format that
// can_supersample() refuses.
Status check_encodable(OutputFormat format, const ImageSpec& spec);

// Peak memory, in bytes, an encoder needs beyond bands of `band_rows` rows of
// counts: every encoder streams, so this is about a band's worth of output.
uint64_t encoder_memory_bytes(OutputFormat format, const ImageSpec& spec, int32_t band_rows);

// Writes an image to its sink: begin() once, then write_rows() with the bands of
// the image top to bottom, covering every row exactly once, then finish().
class Encoder {
 public:
  virtual ~Encoder() = default;
  // Writes the header, if the format has one.
  virtual Status begin() = 0;
  virtual Status write_rows(const CountBuffer& band) = 0;
  // Render parameters (JSON) for formats that can carry them (PNG, as a tEXt
  // chunk); the others ignore them. Called before finish().
  virtual void set_parameters(const std::string& json) { (void)json; }
  // Writes whatever is left, after the last band. The sink is not flushed.
  virtual Status finish() = 0;
};

// REQUIRES: check_encodable(format, spec).ok(); sink outlives the encoder.
std::unique_ptr<Encoder> make_encoder(OutputFormat format, const ImageSpec& spec, ByteSink& sink);

// Writes an 8-bit RGB image (3 * width * height bytes, row-major) as a PNG at
// `level` (see kDefaultPngLevel), compressing on up to `threads` threads, with a
// tEXt chunk (keyword "mandelbrot") holding `parameters` right after the header
// when it is not empty.
Status write_png(const uint8_t* rgb, int32_t width, int32_t height, int level, int threads,
                 const std::string& parameters, ByteSink& sink);

// One factory per format, for tests and for callers that know the format.
std::unique_ptr<Encoder> make_png_encoder(const ImageSpec& spec, ByteSink& sink);
std::unique_ptr<Encoder> make_raw_encoder(const ImageSpec& spec, ByteSink& sink);
std::unique_ptr<Encoder> make_npy_encoder(const ImageSpec& spec, ByteSink& sink);
std::unique_ptr<Encoder> make_pgm_encoder(const ImageSpec& spec, ByteSink& sink);
std::unique_ptr<Encoder> make_ppm_encoder(const ImageSpec& spec, ByteSink& sink);
std::unique_ptr<Encoder> make_pbm_encoder(const ImageSpec& spec, ByteSink& sink);
std::unique_ptr<Encoder> make_exr_encoder(const ImageSpec& spec, ByteSink& sink);

}  // namespace mandelbrot

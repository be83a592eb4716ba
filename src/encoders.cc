// Which encoder writes which format, and what each can hold.
#include "mandelbrot/encoders.h"

namespace mandelbrot {
namespace {

// stb_image_write keeps the filtered image and the compressed stream in int-sized
// buffers that grow by doubling, so a PNG's filtered data ((3W + 1) * H bytes)
// must stay well under 2 GiB.
constexpr uint64_t kMaxPngFilteredBytes = uint64_t{1} << 30;

uint64_t png_filtered_bytes(const ImageSpec& spec) {
  return (3 * static_cast<uint64_t>(spec.width) + 1) * static_cast<uint64_t>(spec.height);
}

}  // namespace

Status check_encodable(OutputFormat format, const ImageSpec& spec) {
  if (format == OutputFormat::kPgm) {
    if (spec.iterations < 2) {
      return usage_error("pgm needs --iter of at least 2 (its maxval is iter-1), got {}",
                         spec.iterations);
    }
    if (spec.iterations - 1 > 65535) {
      return usage_error(
          "pgm holds counts up to 65535, so --iter must be at most 65536, got {}; "
          "use --format npy or raw",
          spec.iterations);
    }
  }
  if (format == OutputFormat::kPng && png_filtered_bytes(spec) > kMaxPngFilteredBytes) {
    return usage_error(
        "png is limited to about 18900x18900 pixels, got {}x{}; use --format ppm, "
        "npy or raw",
        spec.width, spec.height);
  }
  return Status();
}

uint64_t encoder_memory_bytes(OutputFormat format, const ImageSpec& spec) {
  const uint64_t pixels = static_cast<uint64_t>(spec.width) * static_cast<uint64_t>(spec.height);
  if (format == OutputFormat::kPng) {
    // RGB image, stb's filtered copy, and the compressed stream (at worst about
    // as large again, while its buffer doubles).
    return 3 * pixels + 3 * png_filtered_bytes(spec);
  }
  return 8 * static_cast<uint64_t>(spec.width);  // a row or so of scratch
}

std::unique_ptr<Encoder> make_encoder(OutputFormat format, const ImageSpec& spec, ByteSink& sink) {
  switch (format) {
    case OutputFormat::kPng:
      return make_png_encoder(spec, sink);
    case OutputFormat::kRaw:
      return make_raw_encoder(spec, sink);
    case OutputFormat::kNpy:
      return make_npy_encoder(spec, sink);
    case OutputFormat::kPgm:
      return make_pgm_encoder(spec, sink);
    case OutputFormat::kPpm:
      return make_ppm_encoder(spec, sink);
    case OutputFormat::kPbm:
      return make_pbm_encoder(spec, sink);
  }
  return nullptr;
}

}  // namespace mandelbrot

// Which encoder writes which format, and what each can hold.
#include "formats/encoders.h"

namespace mandelbrot {

bool can_supersample(OutputFormat format) {
  return format == OutputFormat::kPng || format == OutputFormat::kPpm;
}

Status check_encodable(OutputFormat format, const ImageSpec& spec) {
  if (spec.supersample != 1 && !can_supersample(format)) {
    return invalid_argument(
        "--supersample {} needs a colour format (png or ppm): {} output holds one value per "
        "pixel, not a mean of colours",
        spec.supersample, output_format_name(format));
  }
  if (format == OutputFormat::kPgm) {
    if (spec.iterations < 2) {
      return invalid_argument("pgm needs --iter of at least 2 (its maxval is iter-1), got {}",
                              spec.iterations);
    }
    if (spec.iterations - 1 > 65535) {
      return invalid_argument(
          "pgm holds counts up to 65535, so --iter must be at most 65536, got {}; "
          "use --format npy or raw",
          spec.iterations);
    }
  }
  return Status();
}

bool carries_hash(OutputFormat format) { return format == OutputFormat::kPng; }

bool has_colours(OutputFormat format) {
  return format == OutputFormat::kPng || format == OutputFormat::kPpm ||
         format == OutputFormat::kExr;
}

uint64_t encoder_memory_bytes(OutputFormat format, const ImageSpec& spec, int32_t band_rows) {
  // At most a band's RGB rows (PNG: filtered, with a compressed copy beside).
  const uint64_t rgb =
      (3 * static_cast<uint64_t>(spec.width) + 1) * static_cast<uint64_t>(band_rows);
  // exr: a band of its channels (exr_file.h), at most 22 bytes a pixel.
  if (format == OutputFormat::kExr) {
    return 22 * static_cast<uint64_t>(spec.width) * static_cast<uint64_t>(band_rows);
  }
  return format == OutputFormat::kPng ? 2 * rgb : rgb;
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
    case OutputFormat::kExr:
      return make_exr_encoder(spec, sink);
  }
  return nullptr;
}

}  // namespace mandelbrot

// png: 8-bit RGB through the colour map, written by PngWriter (png_writer.h).
//
// The first version used stb_image_write with libdeflate behind its
// STBIW_ZLIB_COMPRESS hook. stb's interface takes the whole unfiltered image and
// copies it twice on one thread before compressing; at 4096x4096 that alone cost
// more than the 20% of wall time PNG output may take (docs/PERFORMANCE.md).
// PngWriter streams instead: each band is colour-mapped straight into filtered
// rows and deflated by ISA-L on every thread, so PNG memory is bounded by the
// band like the other formats. Compression stays in libraries (ISA-L, zlib's
// Adler-32 combination, libdeflate's CRC-32); PNGs are read back with libspng
// (png_reader.cc).
#include <cstring>

#include "formats/encoders.h"
#include "formats/png/png_writer.h"

namespace mandelbrot {
namespace {

class PngEncoder : public Encoder {
 public:
  PngEncoder(const ImageSpec& spec, ByteSink& sink)
      : colours_(spec.colour_map, spec.scale, spec.iterations, spec.range, spec.colouring),
        writer_(sink, spec.width, spec.height, spec.png_level, spec.threads) {}

  Status begin() override { return writer_.begin(); }

  Status write_rows(const CountBuffer& band) override {
    return writer_.write_rows(band.first_row(), band.rows(), [&](int32_t row, uint8_t* rgb) {
      colours_.map_band_row(band, row - band.first_row(), rgb);
    });
  }

  void set_parameters(const std::string& json) override { parameters_ = json; }
  bool carries_parameters() const override { return true; }

  Status finish() override { return writer_.finish(parameters_); }

 private:
  ColourMap colours_;
  PngWriter writer_;
  std::string parameters_;
};

}  // namespace

Status write_png(const uint8_t* rgb, int32_t width, int32_t height, int level, int threads,
                 const std::string& parameters, ByteSink& sink) {
  PngWriter writer(sink, width, height, level, threads);
  if (Status s = writer.begin(); !s.ok()) return s;
  const size_t row_bytes = static_cast<size_t>(width) * 3;
  Status s = writer.write_rows(0, height, [&](int32_t row, uint8_t* out) {
    std::memcpy(out, rgb + row_bytes * static_cast<size_t>(row), row_bytes);
  });
  if (!s.ok()) return s;
  return writer.finish(parameters);
}

std::unique_ptr<Encoder> make_png_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<PngEncoder>(spec, sink);
}

}  // namespace mandelbrot

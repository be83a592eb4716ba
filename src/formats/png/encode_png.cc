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

#include "base/bytes_sink.h"
#include "colour/supersample.h"
#include "formats/encoders.h"
#include "formats/part_encoder.h"
#include "formats/png/png_writer.h"

namespace mandelbrot {
namespace {

class PngEncoder : public Encoder {
 public:
  PngEncoder(const ImageSpec& spec, ByteSink& sink)
      : colours_(spec.colour_map, spec.scale, spec.iterations, spec.range, spec.colouring),
        writer_(sink, spec.width, spec.height, spec.png_level, spec.threads),
        n_(spec.supersample) {}

  Status begin() override { return writer_.begin(); }

  // The band's sample rows make its pixel rows (colour/supersample.h).
  Status write_rows(const CountBuffer& band) override {
    const int32_t first = band.first_row() / n_;
    return writer_.write_rows(first, band.rows() / n_, [&](int32_t row, uint8_t* rgb) {
      supersampled_row(colours_, band, n_, row - first, rgb);
    });
  }

  void set_parameters(const std::string& json) override { parameters_ = json; }

  Status finish() override { return writer_.finish(parameters_); }

 private:
  ColourMap colours_;
  PngWriter writer_;
  int n_;  // samples per pixel side
  std::string parameters_;
};

// The parts of one PNG: each band's IDAT chunks alone (PngWriter::write_part).
class PngPartEncoder : public PartEncoder {
 public:
  explicit PngPartEncoder(const ImageSpec& spec)
      : colours_(spec.colour_map, spec.scale, spec.iterations, spec.range, spec.colouring),
        writer_(sink_, spec.width, spec.height, spec.png_level, spec.threads),
        rows_multiple_(PngWriter::segment_rows(spec.width, spec.height) * spec.supersample),
        n_(spec.supersample) {}

  int32_t rows_multiple() const override { return rows_multiple_; }

  Status header(std::vector<uint8_t>* out) override {
    if (Status s = writer_.begin(); !s.ok()) return s;
    *out = sink_.take();
    return Status();
  }

  Status part(const CountBuffer& band, EncodedPart* out) override {
    const int32_t first = band.first_row() / n_;
    Status s = writer_.write_part(
        first, band.rows() / n_,
        [&](int32_t row, uint8_t* rgb) { supersampled_row(colours_, band, n_, row - first, rgb); },
        &out->adler, &out->raw_bytes);
    out->bytes = sink_.take();
    return s;
  }

  Status trailer(uint32_t adler, const std::string& parameters,
                 std::vector<uint8_t>* out) override {
    Status s = writer_.finish_parts(adler, parameters);
    *out = sink_.take();
    return s;
  }

 private:
  BytesSink sink_;
  ColourMap colours_;
  PngWriter writer_;
  int32_t rows_multiple_;  // in sample rows: whole segments of pixel rows
  int n_;                  // samples per pixel side
};

}  // namespace

std::unique_ptr<PartEncoder> make_png_part_encoder(const ImageSpec& spec) {
  return std::make_unique<PngPartEncoder>(spec);
}

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

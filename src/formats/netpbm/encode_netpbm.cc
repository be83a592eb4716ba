// Netpbm: pgm (P5 counts), ppm (P6 colour-mapped), pbm (P4 inside bitmap).
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/byte_order.h"
#include "colour/supersample.h"
#include "formats/encoders.h"

namespace mandelbrot {
namespace {

Status write_text(ByteSink& sink, const std::string& text) {
  return sink.write(text.data(), text.size());
}

// P5 with maxval iterations - 1: one byte per sample when maxval < 256, else two
// bytes, most significant first (as the Netpbm specification requires).
class PgmEncoder : public Encoder {
 public:
  PgmEncoder(const ImageSpec& spec, ByteSink& sink) : spec_(spec), sink_(sink) {}
  Status begin() override {
    return write_text(
        sink_, fmt::format("P5\n{} {}\n{}\n", spec_.width, spec_.height, spec_.iterations - 1));
  }
  Status write_rows(const CountBuffer& band) override {
    const bool wide = spec_.iterations - 1 >= 256;
    const std::span<const int32_t> counts = band.counts();
    bytes_.resize(counts.size() * (wide ? 2 : 1));
    for (size_t i = 0; i < counts.size(); ++i) {
      const auto v = static_cast<uint16_t>(std::clamp(counts[i], 0, spec_.iterations - 1));
      if (wide) {
        put_be16(bytes_.data() + 2 * i, v);
      } else {
        bytes_[i] = static_cast<uint8_t>(v);
      }
    }
    return sink_.write(bytes_.data(), bytes_.size());
  }
  Status finish() override { return Status(); }

 private:
  ImageSpec spec_;
  ByteSink& sink_;
  std::vector<uint8_t> bytes_;
};

// P6, 8-bit RGB through the colour map.
class PpmEncoder : public Encoder {
 public:
  PpmEncoder(const ImageSpec& spec, ByteSink& sink)
      : spec_(spec),
        sink_(sink),
        colours_(spec.colour_map, spec.scale, spec.iterations, spec.range, spec.colouring) {}
  Status begin() override {
    return write_text(sink_, fmt::format("P6\n{} {}\n255\n", spec_.width, spec_.height));
  }
  // The band's sample rows make its pixel rows (colour/supersample.h).
  Status write_rows(const CountBuffer& band) override {
    const int n = spec_.supersample;
    rgb_.resize(static_cast<size_t>(spec_.width) * 3 * static_cast<size_t>(band.rows() / n));
    if (n == 1) {
      colours_.map_band(band, spec_.threads, rgb_.data());
    } else {
      supersampled_band(colours_, band, n, spec_.threads, rgb_.data());
    }
    return sink_.write(rgb_.data(), rgb_.size());
  }
  Status finish() override { return Status(); }

 private:
  ImageSpec spec_;
  ByteSink& sink_;
  ColourMap colours_;
  std::vector<uint8_t> rgb_;
};

// The P4 byte of counts[0, n), n <= 8: bit 7 - k set when counts[k] == inside.
inline uint8_t pack_inside(const int32_t* counts, size_t n, int32_t inside) {
  unsigned byte = 0;
  for (size_t k = 0; k < n; ++k) byte |= static_cast<unsigned>(counts[k] == inside) << (7 - k);
  return static_cast<uint8_t>(byte);
}

// P4: bit 1 (black) where count == iterations - 1, most significant bit first,
// each row padded to a whole byte.
class PbmEncoder : public Encoder {
 public:
  PbmEncoder(const ImageSpec& spec, ByteSink& sink) : spec_(spec), sink_(sink) {}
  Status begin() override {
    return write_text(sink_, fmt::format("P4\n{} {}\n", spec_.width, spec_.height));
  }
  Status write_rows(const CountBuffer& band) override {
    const size_t row_bytes = (static_cast<size_t>(spec_.width) + 7) / 8;
    bytes_.resize(row_bytes * static_cast<size_t>(band.rows()));
    const int32_t inside = spec_.iterations - 1;
    // One pass over the band's counts while they are in cache, each output
    // byte made whole from 8 compares (no read-modify-write, no branch).
    for (int32_t r = 0; r < band.rows(); ++r) {
      const std::span<const int32_t> row = band.row(r);
      uint8_t* out = bytes_.data() + static_cast<size_t>(r) * row_bytes;
      const size_t whole = row.size() / 8;
      for (size_t b = 0; b < whole; ++b) out[b] = pack_inside(row.data() + 8 * b, 8, inside);
      if (whole < row_bytes)
        out[whole] = pack_inside(row.data() + 8 * whole, row.size() % 8, inside);
    }
    return sink_.write(bytes_.data(), bytes_.size());
  }
  Status finish() override { return Status(); }

 private:
  ImageSpec spec_;
  ByteSink& sink_;
  std::vector<uint8_t> bytes_;
};

}  // namespace

std::unique_ptr<Encoder> make_pgm_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<PgmEncoder>(spec, sink);
}
std::unique_ptr<Encoder> make_ppm_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<PpmEncoder>(spec, sink);
}
std::unique_ptr<Encoder> make_pbm_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<PbmEncoder>(spec, sink);
}

}  // namespace mandelbrot

// npy: a NumPy format v1.0 file holding the counts as '<i4' of shape (H, W),
// or one channel of the sample buffer as '<f8', or (--channels) the counts and
// channels together as a structured array with the fields 'count' ('<i4'),
// 'smooth' and 'distance' ('<f8'), packed (docs/SEMANTICS.md, "npy channels").
#include <cstring>

#include <fmt/format.h>

#include "base/byte_order.h"
#include "formats/encoders.h"

namespace mandelbrot {
namespace {

// The header exactly as numpy.save (NumPy 1.24) writes it: magic, version 1.0,
// little-endian header length, then the dict literal, padded with spaces (21
// digits of room for the first axis to grow, then to a multiple of 64 bytes
// in all) and ended by a newline.
std::string npy_header(int32_t width, int32_t height, const std::string& descr) {
  constexpr size_t kGrowthAxisMaxDigits = 21;
  constexpr size_t kAlign = 64;
  constexpr size_t kPrefix = 10;  // magic (6), version (2), header length (2)
  const std::string first_axis = fmt::format("{}", height);
  std::string dict = fmt::format("{{'descr': {}, 'fortran_order': False, 'shape': ({}, {}), }}",
                                 descr, height, width);
  dict.append(kGrowthAxisMaxDigits - first_axis.size(), ' ');
  const size_t padding = kAlign - (kPrefix + dict.size() + 1) % kAlign;
  dict.append(padding, ' ');
  dict.push_back('\n');

  std::string header("\x93NUMPY\x01\x00", 8);
  uint8_t length[2];
  put_le16(length, static_cast<uint16_t>(dict.size()));
  header.append(reinterpret_cast<const char*>(length), 2);
  return header + dict;
}

class NpyEncoder : public Encoder {
 public:
  NpyEncoder(const ImageSpec& spec, ByteSink& sink) : spec_(spec), sink_(sink) {}
  Status begin() override {
    std::string descr = spec_.channel == DataChannel::kCount ? "'<i4'" : "'<f8'";
    if (structured()) {
      descr = "[('count', '<i4')";
      if (spec_.channels.smooth) descr += ", ('smooth', '<f8')";
      if (spec_.channels.distance) descr += ", ('distance', '<f8')";
      descr += "]";
    }
    const std::string header = npy_header(spec_.width, spec_.height, descr);
    return sink_.write(header.data(), header.size());
  }
  Status write_rows(const CountBuffer& band) override {
    if (structured()) return write_structured(band);
    switch (spec_.channel) {
      case DataChannel::kSmooth:
        return write_float64_le(sink_, band.smooth());
      case DataChannel::kDistance:
        return write_float64_le(sink_, band.distance());
      case DataChannel::kCount:
        break;
    }
    return write_int32_le(sink_, band.counts());
  }
  Status finish() override { return Status(); }

 private:
  // --channels: counts and channels, one packed record a pixel.
  bool structured() const { return spec_.channel == DataChannel::kCount && spec_.channels.any(); }

  Status write_structured(const CountBuffer& band) {
    const size_t record = 4 + (spec_.channels.smooth ? 8 : 0) + (spec_.channels.distance ? 8 : 0);
    const std::span<const int32_t> counts = band.counts();
    records_.resize(record * counts.size());
    uint8_t* out = records_.data();
    for (size_t i = 0; i < counts.size(); ++i) {
      put_le32(out, static_cast<uint32_t>(counts[i]));
      out += 4;
      if (spec_.channels.smooth) {
        put_le64(out, std::bit_cast<uint64_t>(band.smooth()[i]));
        out += 8;
      }
      if (spec_.channels.distance) {
        put_le64(out, std::bit_cast<uint64_t>(band.distance()[i]));
        out += 8;
      }
    }
    return sink_.write(records_.data(), records_.size());
  }

  std::vector<uint8_t> records_;
  ImageSpec spec_;
  ByteSink& sink_;
};

}  // namespace

std::unique_ptr<Encoder> make_npy_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<NpyEncoder>(spec, sink);
}

}  // namespace mandelbrot

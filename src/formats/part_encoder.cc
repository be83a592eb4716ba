// The parts of the formats whose bands are independent (raw, npy, Netpbm): the
// format's own encoder, its bytes caught band by band. PNG's and exr's own
// part encoders sit beside their encoders.
#include "formats/part_encoder.h"

#include <zlib.h>

#include "base/bytes_sink.h"

namespace mandelbrot {
namespace {

class StreamPartEncoder : public PartEncoder {
 public:
  StreamPartEncoder(OutputFormat format, const ImageSpec& spec)
      : encoder_(make_encoder(format, spec, sink_)), rows_multiple_(spec.supersample) {}

  // Whole pixel rows: a supersampled band's pixel rows take n sample rows each.
  int32_t rows_multiple() const override { return rows_multiple_; }

  Status header(std::vector<uint8_t>* out) override {
    if (Status s = encoder_->begin(); !s.ok()) return s;
    *out = sink_.take();
    return Status();
  }

  Status part(const CountBuffer& band, EncodedPart* out) override {
    if (Status s = encoder_->write_rows(band); !s.ok()) return s;
    *out = EncodedPart{sink_.take(), 1, 0};
    return Status();
  }

  Status trailer(uint32_t /*adler*/, const std::string& parameters,
                 std::vector<uint8_t>* out) override {
    encoder_->set_parameters(parameters);
    if (Status s = encoder_->finish(); !s.ok()) return s;
    *out = sink_.take();
    return Status();
  }

 private:
  BytesSink sink_;
  std::unique_ptr<Encoder> encoder_;
  int32_t rows_multiple_;
};

}  // namespace

std::unique_ptr<PartEncoder> make_part_encoder(OutputFormat format, const ImageSpec& spec) {
  if (format == OutputFormat::kPng) return make_png_part_encoder(spec);
  if (format == OutputFormat::kExr) return make_exr_part_encoder(spec);
  return std::make_unique<StreamPartEncoder>(format, spec);
}

uint32_t combine_adlers(const std::vector<uint32_t>& adlers,
                        const std::vector<uint64_t>& raw_bytes) {
  uLong adler = 1;
  for (size_t i = 0; i < adlers.size(); ++i) {
    adler = adler32_combine(adler, adlers[i], static_cast<z_off_t>(raw_bytes[i]));
  }
  return static_cast<uint32_t>(adler);
}

}  // namespace mandelbrot

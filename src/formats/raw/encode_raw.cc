// raw: the int32 little-endian counts, row-major, no header.
#include "base/byte_order.h"
#include "formats/encoders.h"

namespace mandelbrot {
namespace {

class RawEncoder : public Encoder {
 public:
  explicit RawEncoder(ByteSink& sink) : sink_(sink) {}
  Status begin() override { return Status(); }
  Status write_rows(const CountBuffer& band) override {
    return write_int32_le(sink_, band.counts());
  }
  Status finish() override { return Status(); }

 private:
  ByteSink& sink_;
};

}  // namespace

std::unique_ptr<Encoder> make_raw_encoder(const ImageSpec&, ByteSink& sink) {
  return std::make_unique<RawEncoder>(sink);
}

}  // namespace mandelbrot

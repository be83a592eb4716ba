// Raw counts: little-endian int32, row-major, size given by the user.
#include <vector>

#include "base/byte_order.h"
#include "formats/image_readers.h"

namespace mandelbrot {
namespace {

class RawReader : public ImageReader {
 public:
  RawReader(std::unique_ptr<InputStream> in, std::pair<int32_t, int32_t> size)
      : in_(std::move(in)), bytes_(static_cast<size_t>(size.first) * 4) {
    header_.format = OutputFormat::kRaw;
    header_.kind = ImageKind::kCounts;
    header_.width = size.first;
    header_.height = size.second;
  }

  Status read_row(int32_t* row) override {
    size_t got = 0;
    if (Status s = in_->read(bytes_.data(), bytes_.size(), &got); !s.ok()) return s;
    if (got < bytes_.size()) return wrong_size(std::to_string(in_->offset()));
    for (int32_t x = 0; x < header_.width; ++x) {
      row[x] = static_cast<int32_t>(get_le32(bytes_.data() + 4 * x));
    }
    return Status();
  }

  Status finish() override {
    return finish_counts(kSizeError, *in_, 4, header_.width, header_.height);
  }

 private:
  // The size of a raw file is the user's word: a mismatch is a wrong request.
  static constexpr StatusCode kSizeError = StatusCode::kInvalidArgument;

  Status wrong_size(const std::string& found) const {
    return wrong_counts_size(kSizeError, *in_, 4, header_.width, header_.height, found);
  }

  std::unique_ptr<InputStream> in_;
  std::vector<uint8_t> bytes_;
};

}  // namespace

Status open_raw_reader(std::unique_ptr<InputStream> in, std::pair<int32_t, int32_t> size,
                       std::unique_ptr<ImageReader>* reader) {
  if (Status s = check_image_size(*in, size.first, size.second); !s.ok()) return s;
  *reader = std::make_unique<RawReader>(std::move(in), size);
  return Status();
}

}  // namespace mandelbrot

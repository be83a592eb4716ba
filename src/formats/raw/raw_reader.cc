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
    bool end = false;
    if (Status s = in_->at_end(&end); !s.ok()) return s;
    return end ? Status() : wrong_size("more");
  }

 private:
  Status wrong_size(const std::string& found) const {
    return invalid_argument("'{}': expected {} bytes of counts for {}x{}, found {}", in_->name(),
                            uint64_t{4} * header_.width * header_.height, header_.width,
                            header_.height, found);
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

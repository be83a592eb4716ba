// Netpbm: P4 (pbm bitmap), P5 (pgm counts), P6 (ppm RGB, maxval 255).
#include <cctype>
#include <string>
#include <vector>

#include "base/byte_order.h"
#include "formats/image_readers.h"

namespace mandelbrot {
namespace {

// The longest header read, comments included.
constexpr uint64_t kMaxHeaderBytes = 1 << 16;

// Header fields: white space separated, '#' comments to end of line; the last
// field ends with one white space byte.
Status read_fields(InputStream& in, int count, std::vector<int64_t>* fields) {
  fields->clear();
  const auto bad = [&] { return corruption("'{}': bad Netpbm header", in.name()); };
  uint8_t c = 0;
  size_t got = 0;
  const auto next = [&]() -> Status {
    if (in.offset() >= kMaxHeaderBytes) {
      return corruption("'{}': Netpbm header longer than {} bytes", in.name(), kMaxHeaderBytes);
    }
    return in.read(&c, 1, &got);
  };
  if (Status s = next(); !s.ok()) return s;
  while (static_cast<int>(fields->size()) < count) {
    while (got == 1 && (std::isspace(c) || c == '#')) {
      if (c == '#') {
        while (got == 1 && c != '\n') {
          if (Status s = next(); !s.ok()) return s;
        }
      } else if (Status s = next(); !s.ok()) {
        return s;
      }
    }
    std::string digits;
    while (got == 1 && std::isdigit(c)) {
      digits += static_cast<char>(c);
      if (digits.size() > 9) return bad();
      if (Status s = next(); !s.ok()) return s;
    }
    if (digits.empty()) return bad();
    fields->push_back(std::stoll(digits));
  }
  if (got != 1 || !std::isspace(c)) return bad();
  return Status();
}

class NetpbmReader : public ImageReader {
 public:
  NetpbmReader(std::unique_ptr<InputStream> in, char type) : in_(std::move(in)), type_(type) {}

  Status open() {
    uint8_t magic[2];
    if (Status s = in_->read_exact(magic, 2, "Netpbm header"); !s.ok()) return s;
    std::vector<int64_t> f;
    if (Status s = read_fields(*in_, type_ == '4' ? 2 : 3, &f); !s.ok()) return s;
    if (Status s = check_image_size(*in_, f[0], f[1]); !s.ok()) return s;
    header_.width = static_cast<int32_t>(f[0]);
    header_.height = static_cast<int32_t>(f[1]);
    header_.channels = type_ == '6' ? 3 : 1;
    if (type_ == '4') {
      header_.format = OutputFormat::kPbm;
      header_.kind = ImageKind::kBitmap;
      bytes_.resize((static_cast<size_t>(f[0]) + 7) / 8);
      return Status();
    }
    const int64_t maxval = f[2];
    if (maxval < 1 || maxval > 65535) return corruption("'{}': bad maxval {}", in_->name(), maxval);
    if (type_ == '6' && maxval != 255) {
      return invalid_argument("'{}': unsupported PPM maxval {} (expected 255)", in_->name(),
                              maxval);
    }
    header_.maxval = static_cast<int32_t>(maxval);
    header_.format = type_ == '5' ? OutputFormat::kPgm : OutputFormat::kPpm;
    header_.kind = type_ == '5' ? ImageKind::kCounts : ImageKind::kImage;
    sample_bytes_ = maxval > 255 ? 2 : 1;
    bytes_.resize(static_cast<size_t>(f[0]) * header_.channels * sample_bytes_);
    return Status();
  }

  Status read_row(int32_t* row) override {
    if (Status s = in_->read_exact(bytes_.data(), bytes_.size(), "pixels"); !s.ok()) return s;
    if (type_ == '4') {
      for (int32_t x = 0; x < header_.width; ++x) row[x] = (bytes_[x / 8] >> (7 - x % 8)) & 1;
      return Status();
    }
    const size_t samples = static_cast<size_t>(header_.width) * header_.channels;
    for (size_t i = 0; i < samples; ++i) {
      row[i] = sample_bytes_ == 2 ? get_be16(bytes_.data() + 2 * i) : bytes_[i];
    }
    return Status();
  }

 private:
  std::unique_ptr<InputStream> in_;
  char type_;
  int sample_bytes_ = 1;
  std::vector<uint8_t> bytes_;  // one row as stored
};

}  // namespace

Status open_netpbm_reader(std::unique_ptr<InputStream> in, std::unique_ptr<ImageReader>* reader) {
  std::vector<uint8_t> magic;
  if (Status s = in->peek(2, &magic); !s.ok()) return s;
  auto result = std::make_unique<NetpbmReader>(std::move(in), static_cast<char>(magic.at(1)));
  if (Status s = result->open(); !s.ok()) return s;
  *reader = std::move(result);
  return Status();
}

}  // namespace mandelbrot

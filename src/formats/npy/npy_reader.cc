// npy: a 2-D C-order array of counts, integers or whole floats, or the
// structured records --channels writes (docs/SEMANTICS.md, "npy channels").
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "base/byte_order.h"
#include "formats/image_readers.h"

namespace mandelbrot {
namespace {

// The longest header dict read: numpy writes about a hundred bytes.
constexpr uint32_t kMaxHeaderBytes = 1 << 16;

// The text of `key`'s value in an npy header dict, e.g. "'<i4'", "False" or
// "(400, 300)": from after the colon to the next comma or brace outside
// parentheses, trimmed. Empty when the key is missing.
std::string npy_value(const std::string& header, const std::string& key) {
  const size_t at = header.find("'" + key + "'");
  if (at == std::string::npos) return "";
  size_t pos = header.find(':', at);
  if (pos == std::string::npos) return "";
  const size_t start = ++pos;
  int depth = 0;
  for (; pos < header.size(); ++pos) {
    const char c = header[pos];
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (depth == 0 && (c == ',' || c == '}')) break;
  }
  const std::string value = header.substr(start, pos - start);
  const size_t first = value.find_first_not_of(' ');
  const size_t last = value.find_last_not_of(' ');
  return first == std::string::npos ? "" : value.substr(first, last - first + 1);
}

// "(H, W)" with two whole numbers of at most 18 digits; false otherwise.
bool parse_shape(const std::string& text, int64_t* height, int64_t* width) {
  if (text.size() < 5 || text.front() != '(' || text.back() != ')') return false;
  const size_t comma = text.find(',');
  if (comma == std::string::npos) return false;
  int64_t values[2];
  std::string parts[2] = {text.substr(1, comma - 1),
                          text.substr(comma + 1, text.size() - comma - 2)};
  if (!parts[1].empty() && parts[1].back() == ',') parts[1].pop_back();  // "(2, 3,)"
  for (int i = 0; i < 2; ++i) {
    const size_t first = parts[i].find_first_not_of(' ');
    const size_t last = parts[i].find_last_not_of(' ');
    if (first == std::string::npos) return false;
    const std::string digits = parts[i].substr(first, last - first + 1);
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    values[i] = std::stoll(digits);
  }
  *height = values[0];
  *width = values[1];
  return true;
}

// An npy dtype: "<i4", "|u1", ">f8", ..., or the records of --channels
// (fields: count '<i4', then smooth and distance '<f8' when present).
struct Dtype {
  bool big_endian = false;
  char type = 'i';  // 'i', 'u' or 'f'
  int size = 4;     // of a sample (of a record for the records)
  Channels channels;
  bool records() const { return channels.any(); }
};

// The records --channels writes: "[('count', '<i4'), ('smooth', '<f8'),
// ('distance', '<f8')]" with smooth or distance left out when absent.
bool parse_records(const std::string& descr, Dtype* dtype) {
  std::string compact;
  for (const char c : descr) {
    if (c != ' ') compact.push_back(c);
  }
  for (const bool smooth : {false, true}) {
    for (const bool distance : {false, true}) {
      if (!smooth && !distance) continue;
      std::string expected = "[('count','<i4')";
      if (smooth) expected += ",('smooth','<f8')";
      if (distance) expected += ",('distance','<f8')";
      expected += "]";
      if (compact == expected) {
        dtype->channels = Channels{smooth, distance};
        dtype->size = 4 + (smooth ? 8 : 0) + (distance ? 8 : 0);
        return true;
      }
    }
  }
  return false;
}

bool parse_dtype(const std::string& quoted, Dtype* dtype) {
  if (quoted.size() != 5 || quoted.front() != '\'' || quoted.back() != '\'') return false;
  const char order = quoted[1];
  const char type = quoted[2];
  const char size = quoted[3];
  if (order != '<' && order != '>' && order != '|' && order != '=') return false;
  const bool integer =
      (type == 'i' || type == 'u') && (size == '1' || size == '2' || size == '4' || size == '8');
  const bool floating = type == 'f' && (size == '4' || size == '8');
  if (!integer && !floating) return false;
  dtype->big_endian = order == '>';
  dtype->type = type;
  dtype->size = size - '0';
  return true;
}

uint64_t get_unsigned(const uint8_t* p, int size, bool big_endian) {
  uint64_t v = 0;
  for (int i = 0; i < size; ++i) {
    const int byte = big_endian ? i : size - 1 - i;
    v = (v << 8) | p[byte];
  }
  return v;
}

class NpyReader : public ImageReader {
 public:
  NpyReader(std::unique_ptr<InputStream> in, Dtype dtype, int32_t width, int32_t height)
      : in_(std::move(in)),
        dtype_(dtype),
        bytes_(static_cast<size_t>(width) * dtype.size),
        data_at_(in_->offset()) {
    header_.format = OutputFormat::kNpy;
    header_.kind = ImageKind::kCounts;
    header_.width = width;
    header_.height = height;
  }

  Channels channels() const override { return dtype_.channels; }

  void row_channels(double* smooth, double* distance) const override {
    const Channels c = dtype_.channels;
    for (int32_t x = 0; x < header_.width; ++x) {
      const uint8_t* record = bytes_.data() + static_cast<size_t>(x) * dtype_.size;
      if (c.smooth && smooth) smooth[x] = std::bit_cast<double>(get_le64(record + 4));
      if (c.distance && distance) {
        distance[x] = std::bit_cast<double>(get_le64(record + (c.smooth ? 12 : 4)));
      }
    }
  }

  Status read_row(int32_t* row) override {
    size_t got = 0;
    if (Status s = in_->read(bytes_.data(), bytes_.size(), &got); !s.ok()) return s;
    if (got < bytes_.size()) return wrong_size(std::to_string(in_->offset() - data_at_));
    if (dtype_.records()) {
      for (int32_t x = 0; x < header_.width; ++x) {
        row[x] =
            static_cast<int32_t>(get_le32(bytes_.data() + static_cast<size_t>(x) * dtype_.size));
      }
      ++row_;
      return Status();
    }
    for (int32_t x = 0; x < header_.width; ++x) {
      const uint64_t bits =
          get_unsigned(bytes_.data() + x * dtype_.size, dtype_.size, dtype_.big_endian);
      double value = 0;
      if (dtype_.type == 'u') {
        value = static_cast<double>(bits);
      } else if (dtype_.type == 'i') {
        const int shift = 64 - 8 * dtype_.size;  // sign-extend
        value = static_cast<double>(static_cast<int64_t>(bits << shift) >> shift);
      } else if (dtype_.size == 4) {
        float f = 0;
        const uint32_t b32 = static_cast<uint32_t>(bits);
        std::memcpy(&f, &b32, 4);
        value = f;
      } else {
        std::memcpy(&value, &bits, 8);
      }
      // Every int32 is exact in a double, so this test is exact too.
      if (!(value >= std::numeric_limits<int32_t>::min() &&
            value <= std::numeric_limits<int32_t>::max() && value == std::floor(value))) {
        return corruption("'{}': the value {} at row {}, column {} is not a count", in_->name(),
                          value, row_, x);
      }
      row[x] = static_cast<int32_t>(value);
    }
    ++row_;
    return Status();
  }

  Status finish() override {
    return finish_counts(kSizeError, *in_, dtype_.size, header_.width, header_.height);
  }

 private:
  // The size of an npy file is its header's word: a mismatch is damage.
  static constexpr StatusCode kSizeError = StatusCode::kCorruption;

  Status wrong_size(const std::string& found) const {
    return wrong_counts_size(kSizeError, *in_, dtype_.size, header_.width, header_.height, found);
  }

  std::unique_ptr<InputStream> in_;
  Dtype dtype_;
  std::vector<uint8_t> bytes_;
  uint64_t data_at_;  // the offset of the first sample
  int32_t row_ = 0;
};

}  // namespace

Status open_npy_reader(std::unique_ptr<InputStream> in, std::unique_ptr<ImageReader>* reader) {
  uint8_t preamble[12];
  if (Status s = in->read_exact(preamble, 10, "npy header"); !s.ok()) return s;
  const int major = preamble[6];
  uint32_t header_len = get_le16(preamble + 8);
  if (major >= 2) {
    if (Status s = in->read_exact(preamble + 10, 2, "npy header"); !s.ok()) return s;
    header_len = get_le32(preamble + 8);
  }
  if (header_len > kMaxHeaderBytes) {
    return corruption("'{}': npy header of {} bytes, more than {}", in->name(), header_len,
                      kMaxHeaderBytes);
  }
  std::string header(header_len, '\0');
  if (Status s =
          in->read_exact(reinterpret_cast<uint8_t*>(header.data()), header_len, "npy header");
      !s.ok()) {
    return s;
  }
  Dtype dtype;
  const std::string descr = npy_value(header, "descr");
  if (!parse_dtype(descr, &dtype) && !parse_records(descr, &dtype)) {
    return invalid_argument(
        "'{}': unsupported npy dtype {} (expected integers like '<i4', floats like '<f8', or "
        "the records of --channels)",
        in->name(), descr.empty() ? "(none)" : descr);
  }
  if (npy_value(header, "fortran_order") != "False") {
    return invalid_argument("'{}': unsupported npy layout (Fortran order)", in->name());
  }
  int64_t height = 0;
  int64_t width = 0;
  if (!parse_shape(npy_value(header, "shape"), &height, &width)) {
    return invalid_argument("'{}': unsupported npy shape {} (expected 2-D)", in->name(),
                            npy_value(header, "shape"));
  }
  if (Status s = check_image_size(*in, width, height); !s.ok()) return s;
  *reader = std::make_unique<NpyReader>(std::move(in), dtype, static_cast<int32_t>(width),
                                        static_cast<int32_t>(height));
  return Status();
}

}  // namespace mandelbrot

// exr: escape data in the channel layout of Kalles Fraktaler 2+, Fraktaler-3
// and zoomasm (docs/SEMANTICS.md, "EXR"), written through OpenEXR (Debian's
// libopenexr-dev) rather than by hand: the library owns the format's details.
//
// OpenEXR writes a scanline file's table of chunk offsets before the chunks and
// fills it in at the end, seeking back; our sinks (OutputFile, standard output)
// only append. Without compression every chunk has the same known size, so the
// table is computed up front and written in place of OpenEXR's placeholder;
// when OpenEXR writes the real table at the end it must equal ours (checked),
// so the file streams band by band in bounded memory, atomically like every
// other format.
//
// Parts (formats/part_encoder.h, for renders across processes): a band's chunks
// are what OpenEXR writes for a file whose data window is that band's rows (an
// uncompressed chunk is one scanline, numbered by its y in the image), taken
// after that file's own header; the whole image's header and table come from
// OpenEXR the same way as above.
#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfIO.h>
#include <ImfIntAttribute.h>
#include <ImfOutputFile.h>
#include <ImfStringAttribute.h>
#include <fmt/format.h>
#include <half.h>

#include <array>
#include <cmath>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>

#include "colour/linear_light.h"
#include "formats/encoders.h"
#include "formats/exr/exr_file.h"
#include "formats/part_encoder.h"

namespace mandelbrot {
namespace {

namespace imf = OPENEXR_IMF_NAMESPACE;

// Thrown through OpenEXR when the sink fails; the sink's Status is kept.
struct SinkFailed : std::exception {
  const char* what() const noexcept override { return "sink write failed"; }
};

// Holds every byte OpenEXR writes, in memory, seeks and rewrites included.
class CaptureStream : public imf::OStream {
 public:
  CaptureStream() : imf::OStream("memory") {}
  void write(const char c[], int n) override {
    const uint64_t size = static_cast<uint64_t>(n);
    if (position_ + size > bytes_.size()) bytes_.resize(position_ + size);
    std::memcpy(bytes_.data() + position_, c, size);
    position_ += size;
  }
  uint64_t tellp() override { return position_; }
  void seekp(uint64_t pos) override { position_ = pos; }
  std::vector<uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
  uint64_t position_ = 0;
};

// Appends OpenEXR's bytes to a ByteSink, with the offset table `table`
// (placed at `table_position`) instead of OpenEXR's placeholder. A later
// rewrite of bytes already written must repeat them (the real table).
class SinkStream : public imf::OStream {
 public:
  SinkStream(ByteSink& sink, uint64_t table_position, std::vector<char> table)
      : imf::OStream("exr output"),
        sink_(sink),
        table_position_(table_position),
        table_(std::move(table)) {}

  void write(const char c[], int n) override {
    const uint64_t size = static_cast<uint64_t>(n);
    if (position_ < written_) {
      // A rewrite: only of the table, with its own bytes.
      for (uint64_t i = 0; i < size; ++i) {
        const uint64_t at = position_ + i;
        if (at >= written_ || at < table_position_ || at - table_position_ >= table_.size() ||
            table_[at - table_position_] != c[i]) {
          table_differs_ = true;
          break;
        }
      }
      position_ += size;
      return;
    }
    if (position_ != written_) {
      table_differs_ = true;
      return;
    }
    const uint64_t table_end = table_position_ + table_.size();
    if (position_ + size <= table_position_ || position_ >= table_end) {
      status_ = sink_.write(c, size);  // the header or the chunks: as they are
    } else {
      buffer_.assign(c, c + n);
      for (uint64_t i = 0; i < size; ++i) {
        const uint64_t at = position_ + i;
        if (at >= table_position_ && at < table_end) buffer_[i] = table_[at - table_position_];
      }
      status_ = sink_.write(buffer_.data(), buffer_.size());
    }
    if (!status_.ok()) throw SinkFailed();
    position_ += size;
    written_ = position_;
  }
  uint64_t tellp() override { return position_; }
  void seekp(uint64_t pos) override { position_ = pos; }

  const Status& status() const { return status_; }
  bool table_differs() const { return table_differs_; }

 private:
  ByteSink& sink_;
  const uint64_t table_position_;
  const std::vector<char> table_;
  uint64_t position_ = 0;
  uint64_t written_ = 0;
  bool table_differs_ = false;
  Status status_;
  std::vector<char> buffer_;
};

// The text of a parameter value: strings as they are, the rest as JSON.
std::string attribute_text(const nlohmann::ordered_json& v) {
  return v.is_string() ? v.get<std::string>()
                       : v.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The header: the channels, the parameters (whole, and each as its own
// "mandelbrot.KEY" string attribute, objects one level down as
// "mandelbrot.KEY.SUBKEY"), and Kalles Fraktaler's Iterations and IterationsBias.
// The data window is rows [first_row, first_row + rows) of the image.
imf::Header exr_header(const ImageSpec& spec, int32_t first_row, int32_t rows) {
  imf::Header header(spec.width, spec.height);
  header.dataWindow() =
      Imath::Box2i(Imath::V2i(0, first_row), Imath::V2i(spec.width - 1, first_row + rows - 1));
  header.compression() = imf::NO_COMPRESSION;
  header.lineOrder() = imf::INCREASING_Y;
  imf::ChannelList& channels = header.channels();
  channels.insert("N", imf::Channel(imf::UINT));
  if (spec.channels.smooth) channels.insert("NF", imf::Channel(imf::FLOAT));
  if (spec.channels.distance) {
    channels.insert("DEX", imf::Channel(imf::FLOAT));
    channels.insert("DEY", imf::Channel(imf::FLOAT));
  }
  for (const char* c : {"R", "G", "B"}) channels.insert(c, imf::Channel(imf::HALF));
  header.insert("Iterations", imf::IntAttribute(spec.iterations));
  header.insert("IterationsBias", imf::IntAttribute(0));
  if (!spec.parameters.empty()) {
    nlohmann::ordered_json params = nlohmann::ordered_json::parse(spec.parameters, nullptr, false);
    if (params.is_object()) {
      // The header precedes the pixels: there is no content hash to carry.
      if (params.contains("hash") && params["hash"] == "") params.erase("hash");
      header.insert(kExrParamsAttribute, imf::StringAttribute(params.dump()));
      for (const auto& [key, value] : params.items()) {
        const std::string name = std::string(kExrParamsAttribute) + "." + key;
        if (value.is_object()) {
          for (const auto& [sub, v] : value.items()) {
            header.insert(name + "." + sub, imf::StringAttribute(attribute_text(v)));
          }
        } else {
          header.insert(name, imf::StringAttribute(attribute_text(value)));
        }
      }
    }
  }
  return header;
}

// Bytes per pixel of the channels in header.
uint64_t pixel_bytes(const imf::Header& header) {
  uint64_t bytes = 0;
  for (auto c = header.channels().begin(); c != header.channels().end(); ++c) {
    bytes += c.channel().type == imf::HALF ? 2 : 4;
  }
  return bytes;
}

// The sRGB decoding of each 8-bit value: linear light, as EXR holds colour,
// rounded to float then to half (OpenEXR writes halves from halves only).
std::array<Imath::half, 256> linear_table() {
  std::array<Imath::half, 256> t{};
  for (int v = 0; v < 256; ++v) {
    t[v] = Imath::half(static_cast<float>(srgb_to_linear(static_cast<uint8_t>(v))));
  }
  return t;
}

// The whole image's bytes before its first chunk (the header and the table
// of chunk offsets, computed: without compression chunk y starts at
// prefix + y * (8 + width * pixel bytes)), and that table alone.
struct ExrPrefix {
  std::vector<uint8_t> bytes;
  uint64_t table_position = 0;
  std::vector<char> table;
};

ExrPrefix exr_prefix(const imf::Header& header, int32_t width, int32_t height) {
  CaptureStream capture;
  { imf::OutputFile file(capture, header, 1); }  // its header and its (empty) table
  ExrPrefix prefix;
  prefix.bytes = std::move(capture.bytes());
  const uint64_t rows = static_cast<uint64_t>(height);
  const uint64_t size = prefix.bytes.size();
  prefix.table_position = size - 8 * rows;
  const uint64_t chunk = 8 + static_cast<uint64_t>(width) * pixel_bytes(header);
  prefix.table.resize(8 * rows);
  for (uint64_t y = 0; y < rows; ++y) {
    const uint64_t offset = size + y * chunk;
    for (int b = 0; b < 8; ++b) {
      prefix.table[8 * y + b] = static_cast<char>((offset >> (8 * b)) & 0xff);
    }
  }
  std::memcpy(prefix.bytes.data() + prefix.table_position, prefix.table.data(),
              prefix.table.size());
  return prefix;
}

// A band's values in the file's channels, written through an OpenEXR file
// whose data window holds the band's rows. Throws what OpenEXR throws.
class ExrBandWriter {
 public:
  explicit ExrBandWriter(const ImageSpec& spec)
      : spec_(spec),
        colours_(spec.colour_map, spec.scale, spec.iterations, spec.range, spec.colouring),
        linear_(linear_table()),
        nf_offset_(exr_nf_offset(spec.bailout)) {}

  void write(const CountBuffer& band, imf::OutputFile& file) {
    const size_t pixels = static_cast<size_t>(band.width()) * static_cast<size_t>(band.rows());
    n_.resize(pixels);
    r_.resize(pixels);
    g_.resize(pixels);
    b_.resize(pixels);
    if (spec_.channels.smooth) nf_.resize(pixels);
    if (spec_.channels.distance) {
      dex_.resize(pixels);
      dey_.assign(pixels, 0.0f);
    }
    rgb_.resize(3 * static_cast<size_t>(band.width()));
    const std::span<const int32_t> counts = band.counts();
    const int32_t inside = spec_.iterations - 1;
    for (size_t i = 0; i < pixels; ++i) {
      const bool escaped = counts[i] != inside;
      n_[i] = escaped ? static_cast<uint32_t>(counts[i]) : kExrNeverEscaped;
      if (spec_.channels.smooth) {
        nf_[i] = escaped ? exr_nf(band.smooth()[i], counts[i], nf_offset_) : 0.0f;
      }
      if (spec_.channels.distance) {
        dex_[i] = escaped ? static_cast<float>(band.distance()[i]) : 0.0f;
      }
    }
    for (int32_t r = 0; r < band.rows(); ++r) {
      colours_.map_band_row(band, r, rgb_.data());
      const size_t row = static_cast<size_t>(r) * static_cast<size_t>(band.width());
      for (int32_t x = 0; x < band.width(); ++x) {
        r_[row + x] = linear_[rgb_[3 * x]];
        g_[row + x] = linear_[rgb_[3 * x + 1]];
        b_[row + x] = linear_[rgb_[3 * x + 2]];
      }
    }
    imf::FrameBuffer fb;
    insert(fb, "N", imf::UINT, n_.data(), band);
    insert(fb, "R", imf::HALF, r_.data(), band);
    insert(fb, "G", imf::HALF, g_.data(), band);
    insert(fb, "B", imf::HALF, b_.data(), band);
    if (spec_.channels.smooth) insert(fb, "NF", imf::FLOAT, nf_.data(), band);
    if (spec_.channels.distance) {
      insert(fb, "DEX", imf::FLOAT, dex_.data(), band);
      insert(fb, "DEY", imf::FLOAT, dey_.data(), band);
    }
    file.setFrameBuffer(fb);
    file.writePixels(band.rows());
  }

 private:
  // A slice whose rows are those of band: y of the image maps to row
  // y - band.first_row() of `values`.
  template <typename T>
  static void insert(imf::FrameBuffer& fb, const char* name, imf::PixelType type, T* values,
                     const CountBuffer& band) {
    const size_t x_stride = sizeof(T);
    const size_t y_stride = sizeof(T) * static_cast<size_t>(band.width());
    char* base = reinterpret_cast<char*>(values) -
                 static_cast<ptrdiff_t>(y_stride) * static_cast<ptrdiff_t>(band.first_row());
    fb.insert(name, imf::Slice(type, base, x_stride, y_stride));
  }

  const ImageSpec spec_;
  ColourMap colours_;
  std::array<Imath::half, 256> linear_;
  double nf_offset_;
  std::vector<uint32_t> n_;
  std::vector<float> nf_, dex_, dey_;
  std::vector<Imath::half> r_, g_, b_;
  std::vector<uint8_t> rgb_;
};

Status openexr_failure(const std::exception& e) {
  return io_error("exr: OpenEXR failed: {}", e.what());
}

class ExrEncoder : public Encoder {
 public:
  ExrEncoder(const ImageSpec& spec, ByteSink& sink) : spec_(spec), sink_(sink), band_(spec) {}

  Status begin() override {
    try {
      const imf::Header header = exr_header(spec_, 0, spec_.height);
      ExrPrefix prefix = exr_prefix(header, spec_.width, spec_.height);
      stream_ = std::make_unique<SinkStream>(sink_, prefix.table_position, std::move(prefix.table));
      file_ = std::make_unique<imf::OutputFile>(*stream_, header, 1);
    } catch (const std::exception& e) {
      return failure(e);
    }
    return Status();
  }

  Status write_rows(const CountBuffer& band) override {
    try {
      band_.write(band, *file_);
    } catch (const std::exception& e) {
      return failure(e);
    }
    return Status();
  }

  Status finish() override {
    try {
      file_.reset();  // writes the offset table (checked against ours)
    } catch (const std::exception& e) {
      return failure(e);
    }
    if (!stream_->status().ok()) return stream_->status();
    if (stream_->table_differs()) {
      return io_error("exr: OpenEXR's offset table differs from the one computed ahead");
    }
    return Status();
  }

 private:
  Status failure(const std::exception& e) const {
    if (stream_ && !stream_->status().ok()) return stream_->status();
    return openexr_failure(e);
  }

  ImageSpec spec_;
  ByteSink& sink_;
  ExrBandWriter band_;
  std::unique_ptr<SinkStream> stream_;
  std::unique_ptr<imf::OutputFile> file_;
};

class ExrPartEncoder : public PartEncoder {
 public:
  explicit ExrPartEncoder(const ImageSpec& spec) : spec_(spec), band_(spec) {}

  int32_t rows_multiple() const override { return 1; }

  Status header(std::vector<uint8_t>* out) override {
    try {
      *out = exr_prefix(exr_header(spec_, 0, spec_.height), spec_.width, spec_.height).bytes;
    } catch (const std::exception& e) {
      return openexr_failure(e);
    }
    return Status();
  }

  Status part(const CountBuffer& band, EncodedPart* out) override {
    try {
      CaptureStream capture;
      uint64_t chunks_start = 0;
      {
        imf::OutputFile file(capture, exr_header(spec_, band.first_row(), band.rows()), 1);
        chunks_start = capture.tellp();
        band_.write(band, file);
      }
      std::vector<uint8_t>& bytes = capture.bytes();
      *out = EncodedPart{
          std::vector<uint8_t>(bytes.begin() + static_cast<ptrdiff_t>(chunks_start), bytes.end()),
          1, 0};
    } catch (const std::exception& e) {
      return openexr_failure(e);
    }
    return Status();
  }

  Status trailer(uint32_t /*adler*/, const std::string& /*parameters*/,
                 std::vector<uint8_t>* out) override {
    out->clear();  // the chunks end the file; the parameters are in the header
    return Status();
  }

 private:
  const ImageSpec spec_;
  ExrBandWriter band_;
};

}  // namespace

std::unique_ptr<Encoder> make_exr_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<ExrEncoder>(spec, sink);
}

std::unique_ptr<PartEncoder> make_exr_part_encoder(const ImageSpec& spec) {
  return std::make_unique<ExrPartEncoder>(spec);
}

}  // namespace mandelbrot

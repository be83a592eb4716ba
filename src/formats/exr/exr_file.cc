// Reading EXR escape data back (exr_file.h), through OpenEXR.
#include "formats/exr/exr_file.h"

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfInputFile.h>
#include <ImfIntAttribute.h>
#include <ImfStringAttribute.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>

#include "base/input_stream.h"
#include "base/limits.h"
#include "formats/image_readers.h"

namespace mandelbrot {
namespace {

namespace imf = OPENEXR_IMF_NAMESPACE;

class OpenExrReader : public ExrReader {
 public:
  OpenExrReader(std::string path, std::unique_ptr<imf::InputFile> file, ExrInfo info, int32_t x0,
                int32_t y0)
      : path_(std::move(path)), file_(std::move(file)), info_(std::move(info)), x0_(x0), y0_(y0) {}

  const ExrInfo& info() const override { return info_; }

  Status read_rows(int32_t first, int32_t rows, ExrRows* out) override {
    const size_t pixels = static_cast<size_t>(info_.width) * static_cast<size_t>(rows);
    try {
      imf::FrameBuffer fb;
      out->n.resize(info_.has_n ? pixels : 0);
      out->nf.resize(info_.has_nf ? pixels : 0);
      out->dex.resize(info_.has_de ? pixels : 0);
      out->dey.resize(info_.has_de ? pixels : 0);
      if (info_.has_n) insert(fb, "N", imf::UINT, out->n.data(), first);
      if (info_.has_nf) insert(fb, "NF", imf::FLOAT, out->nf.data(), first);
      if (info_.has_de) {
        insert(fb, "DEX", imf::FLOAT, out->dex.data(), first);
        insert(fb, "DEY", imf::FLOAT, out->dey.data(), first);
      }
      file_->setFrameBuffer(fb);
      file_->readPixels(y0_ + first, y0_ + first + rows - 1);
    } catch (const std::exception& e) {
      return corruption("'{}': unreadable EXR data in rows {} to {}: {}", path_, first,
                        first + rows - 1, e.what());
    }
    return Status();
  }

 private:
  // A slice whose row `first` of the data window is values' first row.
  template <typename T>
  void insert(imf::FrameBuffer& fb, const char* name, imf::PixelType type, T* values,
              int32_t first) const {
    const ptrdiff_t x_stride = sizeof(T);
    const ptrdiff_t y_stride = x_stride * info_.width;
    char* base = reinterpret_cast<char*>(values) - x_stride * x0_ - y_stride * (y0_ + first);
    fb.insert(name,
              imf::Slice(type, base, static_cast<size_t>(x_stride), static_cast<size_t>(y_stride)));
  }

  std::string path_;
  std::unique_ptr<imf::InputFile> file_;
  ExrInfo info_;
  int32_t x0_;
  int32_t y0_;
};

// The N channel as counts, a row at a time (for compare and info).
class ExrCountsReader : public ImageReader {
 public:
  ExrCountsReader(std::string path, std::unique_ptr<ExrReader> exr)
      : path_(std::move(path)), exr_(std::move(exr)) {
    header_.format = OutputFormat::kExr;
    header_.kind = ImageKind::kCounts;
    header_.width = exr_->info().width;
    header_.height = exr_->info().height;
  }

  Status read_row(int32_t* row) override {
    if (Status s = exr_->read_rows(row_, 1, &rows_); !s.ok()) return s;
    const ExrInfo& info = exr_->info();
    for (int32_t x = 0; x < header_.width; ++x) {
      const uint32_t n = rows_.n[static_cast<size_t>(x)];
      const int64_t count = n == kExrNeverEscaped && info.iterations
                                ? *info.iterations - 1
                                : int64_t{n} - info.iterations_bias;
      if (count < INT32_MIN || count > INT32_MAX) {
        return corruption("'{}': N = {} at row {}, column {} is not a count", path_, n, row_, x);
      }
      row[x] = static_cast<int32_t>(count);
    }
    ++row_;
    return Status();
  }

 private:
  std::string path_;
  std::unique_ptr<ExrReader> exr_;
  ExrRows rows_;
  int32_t row_ = 0;
};

}  // namespace

Status open_exr_counts_reader(const std::string& path, std::unique_ptr<ImageReader>* reader) {
  std::unique_ptr<ExrReader> exr;
  if (Status s = ExrReader::open(path, &exr); !s.ok()) return s;
  if (!exr->info().has_n) {
    return invalid_argument("'{}': an EXR file without the N channel (not escape counts)", path);
  }
  *reader = std::make_unique<ExrCountsReader>(path, std::move(exr));
  return Status();
}

bool starts_like_exr(const std::string& path) {
  std::unique_ptr<InputStream> in;
  if (path == "-" || !InputStream::open(path, &in).ok()) return false;
  std::vector<uint8_t> start;
  if (!in->peek(kExrMagic.size(), &start).ok()) return false;
  return std::string_view(reinterpret_cast<const char*>(start.data()), start.size()) == kExrMagic;
}

double exr_nf_offset(double bailout) { return std::log2(std::log(bailout)); }

float exr_nf(double smooth, int32_t count, double offset) {
  return static_cast<float>((smooth - (count + 1.0)) + offset);
}

double smooth_from_nf(float nf, int32_t count, double offset) {
  return (count + 1.0) + (static_cast<double>(nf) - offset);
}

Status ExrReader::open(const std::string& path, std::unique_ptr<ExrReader>* reader) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return not_found("'{}': no such file", path);
    return io_error("'{}': {}", path, std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return invalid_argument("'{}': not a regular file (EXR input is read from a file)", path);
  }
  std::unique_ptr<imf::InputFile> file;
  ExrInfo info;
  int32_t x0 = 0;
  int32_t y0 = 0;
  try {
    file = std::make_unique<imf::InputFile>(path.c_str(), 1);
    const imf::Header& h = file->header();
    const auto& window = h.dataWindow();
    const int64_t width = int64_t{window.max.x} - window.min.x + 1;
    const int64_t height = int64_t{window.max.y} - window.min.y + 1;
    if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide) {
      return corruption("'{}': an EXR data window of {}x{} (sides must be 1 to {})", path, width,
                        height, kMaxImageSide);
    }
    x0 = window.min.x;
    y0 = window.min.y;
    info.width = static_cast<int32_t>(width);
    info.height = static_cast<int32_t>(height);
    const imf::ChannelList& channels = h.channels();
    const imf::Channel* n = channels.findChannel("N");
    info.has_n = n != nullptr;
    if (n && n->type != imf::UINT) {
      return corruption("'{}': its EXR channel N is not UINT (not escape counts)", path);
    }
    info.has_nf = channels.findChannel("NF") != nullptr;
    info.has_de = channels.findChannel("DEX") && channels.findChannel("DEY");
    info.has_rgb =
        channels.findChannel("R") && channels.findChannel("G") && channels.findChannel("B");
    if (const auto* p = h.findTypedAttribute<imf::StringAttribute>(kExrParamsAttribute)) {
      info.parameters = p->value();
    }
    if (const auto* i = h.findTypedAttribute<imf::IntAttribute>("Iterations")) {
      info.iterations = i->value();
    }
    if (const auto* b = h.findTypedAttribute<imf::IntAttribute>("IterationsBias")) {
      info.iterations_bias = b->value();
    }
  } catch (const std::exception& e) {
    return corruption("'{}': not a readable EXR file: {}", path, e.what());
  }
  *reader = std::make_unique<OpenExrReader>(path, std::move(file), std::move(info), x0, y0);
  return Status();
}

Status band_from_exr(const ExrRows& rows, const ExrInfo& info, const std::string& path,
                     int32_t iterations, double bailout, CountBuffer& band) {
  const double offset = exr_nf_offset(bailout);
  const Channels channels = band.channels();
  const size_t pixels = static_cast<size_t>(band.width()) * static_cast<size_t>(band.rows());
  int32_t* counts = band.data();
  for (size_t i = 0; i < pixels; ++i) {
    const bool inside = rows.n[i] == kExrNeverEscaped;
    const int64_t count = inside ? iterations - 1 : int64_t{rows.n[i]} - info.iterations_bias;
    if (count < 0 || count >= iterations - (inside ? 0 : 1)) {
      const size_t x = i % static_cast<size_t>(band.width());
      const size_t y = band.first_row() + i / static_cast<size_t>(band.width());
      return invalid_argument(
          "'{}' holds N = {} at column {}, row {}: an escaped count outside 0 to {} (not a render "
          "with --iter {})",
          path, rows.n[i], x, y, iterations - 2, iterations);
    }
    counts[i] = static_cast<int32_t>(count);
  }
  const size_t width = static_cast<size_t>(band.width());
  for (int32_t r = 0; r < band.rows(); ++r) {
    const RowOut out = band.row_out(r);
    for (size_t x = 0; x < width; ++x) {
      const size_t i = static_cast<size_t>(r) * width + x;
      const bool inside = rows.n[i] == kExrNeverEscaped;
      if (channels.smooth) {
        out.smooth[x] = inside ? NAN : smooth_from_nf(rows.nf[i], counts[i], offset);
      }
      if (channels.distance) {
        out.distance[x] = inside                ? NAN
                          : rows.dey[i] == 0.0f ? static_cast<double>(rows.dex[i])
                                                : std::hypot(static_cast<double>(rows.dex[i]),
                                                             static_cast<double>(rows.dey[i]));
      }
    }
  }
  return Status();
}

}  // namespace mandelbrot

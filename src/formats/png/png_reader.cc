// PNG decoding with libspng, built for untrusted input: rows are decoded one at
// a time from the stream (interlaced images, whose rows come in seven passes,
// are decoded whole within kMaxInterlacedBytes), every kind converted to 8-bit
// RGB, with spng's limits on image and chunk sizes set.
#include <spng.h>

#include <memory>
#include <new>
#include <vector>

#include "base/limits.h"
#include "formats/image_readers.h"

namespace mandelbrot {
namespace {

// The largest chunk spng may hold in memory (text, ICC profiles; image data
// is streamed), and all of them together.
constexpr size_t kMaxChunkBytes = size_t{1} << 24;
constexpr size_t kMaxChunkCacheBytes = size_t{1} << 26;
// The largest interlaced image decoded, as RGB bytes in memory.
constexpr size_t kMaxInterlacedBytes = size_t{1} << 30;

struct SpngDeleter {
  void operator()(spng_ctx* ctx) const { spng_ctx_free(ctx); }
};

class PngReader : public ImageReader {
 public:
  explicit PngReader(std::unique_ptr<InputStream> in) : in_(std::move(in)) {
    header_.format = OutputFormat::kPng;
    header_.kind = ImageKind::kImage;
    header_.channels = 3;
    header_.maxval = 255;
  }

  Status open() {
    ctx_.reset(spng_ctx_new(0));
    if (!ctx_) return resource_exhausted("'{}': out of memory for a PNG decoder", in_->name());
    spng_set_image_limits(ctx_.get(), static_cast<uint32_t>(kMaxImageSide),
                          static_cast<uint32_t>(kMaxImageSide));
    spng_set_chunk_limits(ctx_.get(), kMaxChunkBytes, kMaxChunkCacheBytes);
    if (int e = spng_set_png_stream(ctx_.get(), &PngReader::read_bytes, this); e != 0) {
      return error(e);
    }
    spng_ihdr ihdr{};
    if (int e = spng_get_ihdr(ctx_.get(), &ihdr); e != 0) return error(e);
    if (Status s = check_image_size(*in_, ihdr.width, ihdr.height); !s.ok()) return s;
    header_.width = static_cast<int32_t>(ihdr.width);
    header_.height = static_cast<int32_t>(ihdr.height);
    rgb_.resize(static_cast<size_t>(header_.width) * 3);
    // Interlaced images are decoded whole by the first read_row().
    if (ihdr.interlace_method != 0) {
      interlaced_ = true;
      return Status();
    }
    if (int e = spng_decode_image(ctx_.get(), nullptr, 0, SPNG_FMT_RGB8, SPNG_DECODE_PROGRESSIVE);
        e != 0) {
      return error(e);
    }
    return Status();
  }

  Status read_row(int32_t* row) override {
    if (interlaced_ && !whole_) {
      if (Status s = decode_whole(); !s.ok()) return s;
    }
    const uint8_t* rgb = nullptr;
    if (interlaced_) {
      rgb = whole_.get() + static_cast<size_t>(row_) * rgb_.size();
    } else {
      const int e = spng_decode_row(ctx_.get(), rgb_.data(), rgb_.size());
      if (e != 0 && e != SPNG_EOI) return error(e);
      rgb = rgb_.data();
    }
    for (size_t i = 0; i < rgb_.size(); ++i) row[i] = rgb[i];
    ++row_;
    return Status();
  }

 private:
  Status decode_whole() {
    size_t bytes = 0;
    if (int e = spng_decoded_image_size(ctx_.get(), SPNG_FMT_RGB8, &bytes); e != 0) return error(e);
    if (bytes > kMaxInterlacedBytes) {
      return resource_exhausted(
          "'{}': an interlaced {}x{} PNG needs {} bytes decoded whole, more than {}", in_->name(),
          header_.width, header_.height, bytes, kMaxInterlacedBytes);
    }
    // Not zero-filled: memory is touched only as rows are decoded, so a
    // truncated file fails before it costs the whole budget.
    whole_.reset(new (std::nothrow) uint8_t[bytes]);
    if (!whole_) {
      return resource_exhausted("'{}': out of memory for an interlaced {}x{} PNG ({} bytes)",
                                in_->name(), header_.width, header_.height, bytes);
    }
    if (int e = spng_decode_image(ctx_.get(), whole_.get(), bytes, SPNG_FMT_RGB8, 0); e != 0) {
      return error(e);
    }
    return Status();
  }

  static int read_bytes(spng_ctx*, void* user, void* data, size_t length) {
    auto* self = static_cast<PngReader*>(user);
    size_t got = 0;
    self->io_error_ = self->in_->read(static_cast<uint8_t*>(data), length, &got);
    if (!self->io_error_.ok()) return SPNG_IO_ERROR;
    return got < length ? SPNG_IO_EOF : 0;
  }

  // spng's error as one line saying what is wrong and where.
  Status error(int e) const {
    if (e == SPNG_IO_ERROR && !io_error_.ok()) return io_error_;
    if (e == SPNG_IO_EOF) {
      return corruption("'{}': not a readable PNG: truncated at byte {}", in_->name(),
                        in_->offset());
    }
    if (e == SPNG_ECHUNK_CRC) {
      return corruption("'{}': not a readable PNG: bad CRC in the chunk ending at byte {}",
                        in_->name(), in_->offset());
    }
    if (e == SPNG_ECHUNK_LIMITS || e == SPNG_EWIDTH || e == SPNG_EHEIGHT || e == SPNG_EUSER_WIDTH ||
        e == SPNG_EUSER_HEIGHT) {
      return invalid_argument("'{}': PNG beyond this program's limits: {} (near byte {})",
                              in_->name(), spng_strerror(e), in_->offset());
    }
    return corruption("'{}': not a readable PNG: {} (near byte {})", in_->name(), spng_strerror(e),
                      in_->offset());
  }

  std::unique_ptr<InputStream> in_;
  std::unique_ptr<spng_ctx, SpngDeleter> ctx_;
  Status io_error_;
  std::vector<uint8_t> rgb_;  // one decoded row
  bool interlaced_ = false;
  std::unique_ptr<uint8_t[]> whole_;  // the decoded image, for interlaced ones
  int32_t row_ = 0;
};

}  // namespace

Status open_png_reader(std::unique_ptr<InputStream> in, std::unique_ptr<ImageReader>* reader) {
  auto result = std::make_unique<PngReader>(std::move(in));
  if (Status s = result->open(); !s.ok()) return s;
  *reader = std::move(result);
  return Status();
}

}  // namespace mandelbrot

// png: 8-bit RGB through the colour map, encoded by stb_image_write.
//
// stb_image_write comes from Debian's libstb-dev. Its implementation is compiled
// here, file-local (STB_IMAGE_WRITE_STATIC), rather than linked from libstb.so, so
// the program has no run-time dependency on libstb and the encoder's hooks stay
// ours to set: its deflate is replaced by libdeflate (STBIW_ZLIB_COMPRESS), several
// times faster and smaller at its low levels, and its per-row filter search
// (five passes over every row) by the "None" filter, which compresses as well
// for these images (docs/PERFORMANCE.md).
#include <libdeflate.h>

#include <cstdlib>

namespace {

// stb's zlib hook: a malloc'd zlib stream of data, or null on failure.
// `level` is stbi_write_png_compression_level, set from ImageSpec::png_level.
unsigned char* libdeflate_zlib(unsigned char* data, int size, int* out_size, int level) {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(level);
  if (compressor == nullptr) return nullptr;
  const size_t bound = libdeflate_zlib_compress_bound(compressor, static_cast<size_t>(size));
  auto* out = static_cast<unsigned char*>(std::malloc(bound));
  const size_t written =
      out ? libdeflate_zlib_compress(compressor, data, static_cast<size_t>(size), out, bound) : 0;
  libdeflate_free_compressor(compressor);
  if (written == 0) {
    std::free(out);
    return nullptr;
  }
  *out_size = static_cast<int>(written);
  return out;
}

}  // namespace

#define STBIW_ZLIB_COMPRESS libdeflate_zlib
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>

#include <memory>

#include "mandelbrot/encoders.h"
#include "mandelbrot/png_text.h"
#include "mandelbrot/render_params.h"

namespace mandelbrot {
namespace {

// Passes stb's output to the sink, with `chunk` inserted once the signature and
// the IHDR chunk have gone by.
struct WriteContext {
  ByteSink* sink;
  const std::vector<uint8_t>* chunk;
  size_t written = 0;
  Status status;
};

void write_to_sink(void* context, void* data, int size) {
  auto* c = static_cast<WriteContext*>(context);
  const auto* bytes = static_cast<const uint8_t*>(data);
  size_t n = static_cast<size_t>(size);
  if (c->status.ok() && !c->chunk->empty() && c->written < kPngAfterHeader &&
      c->written + n >= kPngAfterHeader) {
    const size_t head = kPngAfterHeader - c->written;
    c->status = c->sink->write(bytes, head);
    if (c->status.ok()) c->status = c->sink->write(c->chunk->data(), c->chunk->size());
    c->written += head;
    bytes += head;
    n -= head;
  }
  if (c->status.ok()) c->status = c->sink->write(bytes, n);
  c->written += n;
}

// Colour-maps each band into a whole-image RGB buffer; stb_image_write needs
// the whole image at once, so the encoding happens in finish().
class PngEncoder : public Encoder {
 public:
  PngEncoder(const ImageSpec& spec, ByteSink& sink)
      : spec_(spec),
        sink_(sink),
        colours_(spec.colour_map, spec.iterations),
        // Not zero-filled: every byte is written by write_rows(), whose threads
        // also take the page faults of first touch.
        rgb_(new uint8_t[static_cast<size_t>(spec.width) * static_cast<size_t>(spec.height) * 3]) {}

  Status begin() override { return Status(); }

  Status write_rows(const CountBuffer& band) override {
    const size_t row_bytes = static_cast<size_t>(spec_.width) * 3;
    colours_.map_band(band, spec_.threads,
                      rgb_.get() + static_cast<size_t>(band.first_row()) * row_bytes);
    return Status();
  }

  void set_parameters(const std::string& json) override { parameters_ = json; }

  Status finish() override {
    return write_png(rgb_.get(), spec_.width, spec_.height, spec_.png_level, parameters_, sink_);
  }

 private:
  ImageSpec spec_;
  ByteSink& sink_;
  ColourMap colours_;
  std::unique_ptr<uint8_t[]> rgb_;
  std::string parameters_;
};

}  // namespace

Status write_png(const uint8_t* rgb, int32_t width, int32_t height, int level,
                 const std::string& parameters, ByteSink& sink) {
  const std::vector<uint8_t> chunk =
      parameters.empty() ? std::vector<uint8_t>() : png_text_chunk(kParamsKeyword, parameters);
  // stb keeps its settings in file-level variables; write_png is their only
  // user, and the program encodes one PNG at a time.
  stbi_write_png_compression_level = level;
  stbi_write_force_png_filter = 0;
  WriteContext context{&sink, &chunk, 0, Status()};
  const int ok = stbi_write_png_to_func(write_to_sink, &context, width, height, 3, rgb, width * 3);
  if (!context.status.ok()) return context.status;
  if (!ok) return failure("PNG encoding of {}x{} failed (out of memory?)", width, height);
  return Status();
}

std::unique_ptr<Encoder> make_png_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<PngEncoder>(spec, sink);
}

}  // namespace mandelbrot

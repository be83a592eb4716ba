// png: 8-bit RGB through the colour map, encoded by stb_image_write.
//
// stb_image_write comes from Debian's libstb-dev. Its implementation is compiled
// here, file-local (STB_IMAGE_WRITE_STATIC), rather than linked from libstb.so, so
// the program has no run-time dependency on libstb and the encoder's hooks stay
// ours to set.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>

#include <vector>

#include "mandelbrot/encoders.h"

namespace mandelbrot {
namespace {

struct WriteContext {
  ByteSink* sink;
  Status status;
};

void write_to_sink(void* context, void* data, int size) {
  auto* c = static_cast<WriteContext*>(context);
  if (c->status.ok()) c->status = c->sink->write(data, static_cast<size_t>(size));
}

// Colour-maps each band into a whole-image RGB buffer; stb_image_write needs
// the whole image at once, so the encoding happens in finish().
class PngEncoder : public Encoder {
 public:
  PngEncoder(const ImageSpec& spec, ByteSink& sink)
      : spec_(spec),
        sink_(sink),
        colours_(spec.colour_map, spec.iterations),
        rgb_(static_cast<size_t>(spec.width) * static_cast<size_t>(spec.height) * 3) {}

  Status begin() override { return Status(); }

  Status write_rows(const CountBuffer& band) override {
    const std::span<const int32_t> counts = band.counts();
    const size_t offset = static_cast<size_t>(band.first_row()) * spec_.width * 3;
    colours_.map_row(counts.data(), counts.size(), rgb_.data() + offset);
    return Status();
  }

  Status finish() override {
    WriteContext context{&sink_, Status()};
    const int ok = stbi_write_png_to_func(write_to_sink, &context, spec_.width, spec_.height, 3,
                                          rgb_.data(), spec_.width * 3);
    if (!context.status.ok()) return context.status;
    if (!ok)
      return failure("PNG encoding of {}x{} failed (out of memory?)", spec_.width, spec_.height);
    return Status();
  }

 private:
  ImageSpec spec_;
  ByteSink& sink_;
  ColourMap colours_;
  std::vector<uint8_t> rgb_;
};

}  // namespace

std::unique_ptr<Encoder> make_png_encoder(const ImageSpec& spec, ByteSink& sink) {
  return std::make_unique<PngEncoder>(spec, sink);
}

}  // namespace mandelbrot

// The C entry points that take the command line's options as text: each makes
// the render plan the command line makes (render/render_plan.h), so its counts,
// pixels and PNG bytes are the command line's by construction.
// (The C function `mandelbrot` is hidden: see c_api.cc.)
#define MANDELBROT_C_API_IMPLEMENTATION
#include "mandelbrot/c_api.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "base/content_hash.h"
#include "buffer/count_buffer.h"
#include "capi/c_api_status.h"
#include "colour/colour_map.h"
#include "formats/encoders.h"
#include "kernel/kernel.h"
#include "render/render.h"
#include "render/render_params.h"
#include "render/render_plan.h"
#include "render/thread_budget.h"

namespace mandelbrot {
namespace {

std::optional<std::string> text_of(const char* text) {
  return text ? std::optional<std::string>(text) : std::nullopt;
}

// The plan `mandelbrot` makes of the same options (written to a PNG, the
// default output).
int plan_of(const mandelbrot_options* o, RenderPlan* plan, char* message, size_t message_size) {
  if (!o) return report_null(message, message_size);
  if (o->struct_size != sizeof(mandelbrot_options)) {
    return report_error(MANDELBROT_ERROR_VERSION,
                        "struct_size is not sizeof(mandelbrot_options) of a known version", message,
                        message_size);
  }
  RenderOptions r;
  r.size = text_of(o->size);
  r.width = text_of(o->width);
  r.height = text_of(o->height);
  r.iterations = text_of(o->iterations);
  r.center = text_of(o->center);
  r.radius = text_of(o->radius);
  r.region = text_of(o->region);
  r.angle = text_of(o->angle);
  r.bailout = text_of(o->bailout);
  r.family = text_of(o->family);
  r.julia = text_of(o->julia);
  r.power = text_of(o->power);
  r.threads = text_of(o->threads);
  r.colour_map = text_of(o->colormap);
  r.scale = text_of(o->scale);
  return report(make_render_plan(r, plan), message, message_size);
}

size_t pixels_of(const RenderPlan& plan) {
  return static_cast<size_t>(plan.params.width) * static_cast<size_t>(plan.params.height);
}

// Ok when the caller's array holds exactly the values a render of plan has.
int check_count(const RenderPlan& plan, const char* what, size_t per_pixel, size_t given,
                char* message, size_t message_size) {
  const size_t needed = pixels_of(plan) * per_pixel;
  if (given == needed) return MANDELBROT_OK;
  return report_error(MANDELBROT_ERROR_SIZE,
                      fmt::format("{} holds {} values, but a {}x{} render needs {}", what, given,
                                  plan.params.width, plan.params.height, needed),
                      message, message_size);
}

// What the command line's encoder is given for these counts: on the image
// scale, the range of the counts themselves, as a render's range pass finds it
// (render/render.h, RangePass). REQUIRES: counts holds the plan's pixels.
ImageSpec image_spec_for(const RenderPlan& plan, const int32_t* counts) {
  ImageSpec spec = image_spec_of(plan);
  if (spec.scale == ColourScale::kImage) {
    CountStats stats(plan.params.iterations);
    stats.add({counts, pixels_of(plan)});
    spec.range = count_range(stats);
  }
  return spec;
}

// A ByteSink that hands every byte to the caller's function.
class CallbackSink : public ByteSink {
 public:
  CallbackSink(mandelbrot_write_fn write, void* context) : write_(write), context_(context) {}
  Status write(const void* data, size_t size) override {
    if (write_(context_, static_cast<const uint8_t*>(data), size) != 0) {
      return io_error("the write function stopped the PNG");
    }
    return Status();
  }
  Status flush() override { return Status(); }

 private:
  mandelbrot_write_fn write_;
  void* context_;
};

// Encodes counts as the render of plan encodes them: band by band, the content
// hash in the parameters.
Status encode(const RenderPlan& plan, const int32_t* counts, ByteSink& sink) {
  const KernelParams& k = plan.params;
  const ImageSpec spec = image_spec_for(plan, counts);
  std::unique_ptr<Encoder> encoder = make_encoder(plan.format, spec, sink);
  if (Status s = encoder->begin(); !s.ok()) return s;
  ContentHash hash;
  const int32_t rows = band_rows(k.width, k.height);
  CountBuffer band(k.width, rows);
  for (int32_t first = 0; first < k.height; first += rows) {
    band.set_rows(first, std::min(rows, k.height - first));
    const size_t offset = static_cast<size_t>(first) * static_cast<size_t>(k.width);
    std::memcpy(band.data(), counts + offset, band.counts().size() * sizeof(int32_t));
    hash.add(band.counts());
    if (Status s = encoder->write_rows(band); !s.ok()) return s;
  }
  encoder->set_parameters(render_params_json(plan, hash.text()));
  if (Status s = encoder->finish(); !s.ok()) return s;
  return sink.flush();
}

}  // namespace
}  // namespace mandelbrot

extern "C" {

using mandelbrot::RenderPlan;

mandelbrot_options mandelbrot_default_options(void) {
  mandelbrot_options o;
  std::memset(&o, 0, sizeof o);
  o.struct_size = sizeof(mandelbrot_options);
  return o;
}

int mandelbrot_check_options(const mandelbrot_options* o, int32_t* width, int32_t* height,
                             int32_t* iterations, char* message, size_t message_size) {
  try {
    RenderPlan plan;
    if (int code = mandelbrot::plan_of(o, &plan, message, message_size); code != MANDELBROT_OK) {
      return code;
    }
    if (width) *width = plan.params.width;
    if (height) *height = plan.params.height;
    if (iterations) *iterations = plan.params.iterations;
    return MANDELBROT_OK;
  } catch (...) {
    return mandelbrot::report_exception(message, message_size);
  }
}

int mandelbrot_render_options(const mandelbrot_options* o, int32_t* out, size_t out_count,
                              char* message, size_t message_size) {
  try {
    RenderPlan plan;
    if (int code = mandelbrot::plan_of(o, &plan, message, message_size); code != MANDELBROT_OK) {
      return code;
    }
    if (!out) return mandelbrot::report_null(message, message_size);
    if (int code = mandelbrot::check_count(plan, "out", 1, out_count, message, message_size);
        code != MANDELBROT_OK) {
      return code;
    }
    // The command line's counts: the same method, and no more threads than it starts.
    if (mandelbrot::Status s = mandelbrot::render_counts(plan, out); !s.ok()) {
      return mandelbrot::report(s, message, message_size);
    }
    return MANDELBROT_OK;
  } catch (...) {
    return mandelbrot::report_exception(message, message_size);
  }
}

int mandelbrot_colour_options(const mandelbrot_options* o, const int32_t* counts,
                              size_t count_count, uint8_t* rgb, size_t rgb_size, char* message,
                              size_t message_size) {
  try {
    RenderPlan plan;
    if (int code = mandelbrot::plan_of(o, &plan, message, message_size); code != MANDELBROT_OK) {
      return code;
    }
    if (!counts || !rgb) return mandelbrot::report_null(message, message_size);
    if (int code = mandelbrot::check_count(plan, "counts", 1, count_count, message, message_size);
        code != MANDELBROT_OK) {
      return code;
    }
    if (int code = mandelbrot::check_count(plan, "rgb", 3, rgb_size, message, message_size);
        code != MANDELBROT_OK) {
      return code;
    }
    // The colour map the PNG encoder builds from the same ImageSpec
    // (formats/png/encode_png.cc), so that the pixels are the PNG's.
    const mandelbrot::ImageSpec spec = mandelbrot::image_spec_for(plan, counts);
    const mandelbrot::ColourMap colours(spec.colour_map, spec.scale, spec.iterations, spec.range);
    const size_t width = static_cast<size_t>(spec.width);
    for (int32_t row = 0; row < spec.height; ++row) {
      const size_t at = static_cast<size_t>(row) * width;
      colours.map_row(counts + at, width, rgb + 3 * at);
    }
    return MANDELBROT_OK;
  } catch (...) {
    return mandelbrot::report_exception(message, message_size);
  }
}

int mandelbrot_png_options(const mandelbrot_options* o, const int32_t* counts, size_t count_count,
                           mandelbrot_write_fn write, void* context, char* message,
                           size_t message_size) {
  try {
    RenderPlan plan;
    if (int code = mandelbrot::plan_of(o, &plan, message, message_size); code != MANDELBROT_OK) {
      return code;
    }
    if (!counts || !write) return mandelbrot::report_null(message, message_size);
    if (int code = mandelbrot::check_count(plan, "counts", 1, count_count, message, message_size);
        code != MANDELBROT_OK) {
      return code;
    }
    mandelbrot::CallbackSink sink(write, context);
    return mandelbrot::report(mandelbrot::encode(plan, counts, sink), message, message_size);
  } catch (...) {
    return mandelbrot::report_exception(message, message_size);
  }
}

}  // extern "C"

// From the options as typed to a checked plan: every parse and range check of
// the render request lives here.
#include "render/render_plan.h"

#include <fmt/format.h>

#include "base/parse.h"
#include "formats/encoders.h"
#include "kernel/kernel_channels.h"
#include "render/distinct_samples.h"
#include "render/family_options.h"
#include "render/render.h"
#include "render/shared_options.h"
#include "render/supersample_options.h"

#include <omp.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace mandelbrot {
namespace {

Status parse_dimensions(const RenderOptions& o, int32_t* width, int32_t* height) {
  int32_t w = 400;
  int32_t h = 400;
  if (o.size) {
    if (Status s = parse_image_side(*o.size, "--size", &w); !s.ok()) return s;
    h = w;
  }
  if (o.width) {
    if (Status s = parse_image_side(*o.width, "--width", &w); !s.ok()) return s;
  }
  if (o.height) {
    if (Status s = parse_image_side(*o.height, "--height", &h); !s.ok()) return s;
  }
  *width = w;
  *height = h;
  return Status();
}

// The view from --region, or from --center, --radius (and their defaults), and --angle.
Status make_view(const RenderOptions& o, int32_t width, int32_t height, View* view) {
  View v;
  v.width = width;
  v.height = height;
  if (o.region) {
    if (Status s = parse_view_region(*o.region, &v); !s.ok()) return s;
  }
  if (o.center) {
    if (Status s = parse_view_center(*o.center, &v); !s.ok()) return s;
  }
  if (o.radius) {
    if (Status s = parse_view_radius(*o.radius, &v); !s.ok()) return s;
  }
  if (o.angle) {
    if (Status s = parse_view_angle(*o.angle, &v); !s.ok()) return s;
  }
  *view = std::move(v);
  return Status();
}

// The kernel's region and rotation: the doubles of the view.
Status set_view_doubles(const View& view, KernelParams* k) {
  DoubleView d;
  if (Status s = double_view(view, &d); !s.ok()) return s;
  k->region = Region{d.xmin, d.xmax, d.ymin, d.ymax};
  k->rotation = KernelParams::Rotation{d.cos, d.sin, d.cx, d.cy};
  return Status();
}

// The options of the --iter auto probe: `options` at kAutoProbeRows rows (the
// width in proportion), kAutoIterationsCap iterations, counts only, no output.
RenderOptions with_probe_size(RenderOptions o) {
  // The probe's size follows the request's aspect; its view is the same
  // (centre and radius, or region). A bad size is reported by the render's own plan.
  int32_t width = 400;
  int32_t height = 400;
  if (parse_dimensions(o, &width, &height).ok()) {
    const int64_t probe_width =
        std::max<int64_t>(1, (int64_t{width} * kAutoProbeRows + height / 2) / std::max(height, 1));
    o.size.reset();
    o.width = std::to_string(std::min<int64_t>(probe_width, 4 * kAutoProbeRows));
    o.height = std::to_string(kAutoProbeRows);
  }
  o.iterations = std::to_string(kAutoIterationsCap);
  o.tiles.reset();  // the probe shows the whole view, whichever tile is rendered
  o.tile.reset();
  o.output = "-";
  o.format = "npy";
  o.channel.reset();
  o.channels.reset();
  o.colouring.reset();
  o.supersample.reset();  // the probe's own pixels are enough
  o.json = false;
  o.hash = false;
  o.quiet = true;
  return o;
}

// --method: "auto" (nullopt), or the method forced.
Status parse_method(const RenderOptions& o, std::optional<Method>* method) {
  const std::string name = ascii_lower(o.method.value_or("auto"));
  if (name == "auto") {
    method->reset();
  } else if (name == "direct") {
    *method = Method::kDirect;
  } else if (name == "perturbation") {
    *method = Method::kPerturbation;
  } else {
    return invalid_argument("unknown --method '{}' (known: auto, direct, perturbation)", *o.method);
  }
  return Status();
}

// The direct path's doubles of the view, and whether they separate its pixels:
// ok, or the kUnsupported error that says why not (too_deep_error()).
Status direct_view(const View& view, KernelParams* k) {
  if (Status s = set_view_doubles(view, k); !s.ok()) return s;
  if (Status s = check_kernel_params(*k); !s.ok()) return s;
  return check_distinct_samples(*k, view);
}

// Chooses the method (see make_render_plan()) and sets what it needs.
Status choose_method(const RenderOptions& o, RenderPlan* p) {
  std::optional<Method> forced;
  if (Status s = parse_method(o, &forced); !s.ok()) return s;
  KernelParams& k = p->params;
  const Status direct = direct_view(p->view, &k);
  if (forced == Method::kDirect || (!forced && direct.code() != StatusCode::kUnsupported)) {
    p->method = Method::kDirect;
    return direct;
  }
  p->method = Method::kPerturbation;
  if (!direct.ok()) {
    // The doubles cannot hold the view: the kernel's region is only a
    // placeholder (around the centre, as far as doubles tell) that nothing samples.
    const double cx = std::strtod(p->view.center_x.c_str(), nullptr);
    const double cy = std::strtod(p->view.center_y.c_str(), nullptr);
    k.region = Region{cx - 1, cx + 1, cy - 1, cy + 1};
    k.rotation = Rotation();
  }
  if (const std::string problem = deep_zoom_problem(k.family); !problem.empty()) {
    return unsupported("{}: {}", direct.ok() ? "--method perturbation" : direct.message(), problem);
  }
  return make_deep_geometry(p->view, &p->deep);
}

// The format and the output path (docs/RELIABILITY.md "Command-line rules"): --format,
// else the extension of -o; without -o, mandelbrot.FORMAT (png by default). An
// extension that names another format than --format is an error.
Status choose_output(const RenderOptions& o, OutputFormat* format, std::string* output) {
  if (o.output && o.output->empty()) return invalid_argument("-o/--output must not be empty");
  std::optional<OutputFormat> from_extension;
  if (o.output && *o.output != "-") from_extension = output_format_from_path(*o.output);
  if (o.format) {
    const auto f = parse_output_format(*o.format);
    if (!f)
      return invalid_argument("unknown --format '{}' (known: {})", *o.format, output_format_list());
    if (from_extension && *from_extension != *f) {
      return invalid_argument("-o '{}' names a {} file but --format is {}; make them agree",
                              *o.output, output_format_name(*from_extension),
                              output_format_name(*f));
    }
    *format = *f;
  } else if (!o.output) {
    *format = OutputFormat::kPng;
  } else if (*o.output == "-") {
    return invalid_argument("--format is required when writing to stdout (-o -)");
  } else if (from_extension) {
    *format = *from_extension;
  } else {
    return invalid_argument(
        "cannot tell the format of '{}' from its extension (known: {}); use --format", *o.output,
        output_format_list());
  }
  *output = o.output.value_or("mandelbrot." + std::string(output_format_name(*format)));
  return Status();
}

// --channels: a comma-separated list of count, smooth, distance (or de), each
// at most once (docs/SEMANTICS.md, "EXR" and "npy channels").
Status parse_channel_list(const std::string& text, Channels* channels) {
  bool count = false;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string name = ascii_lower(
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    bool* seen = name == "count"                        ? &count
                 : name == "smooth"                     ? &channels->smooth
                 : (name == "distance" || name == "de") ? &channels->distance
                                                        : nullptr;
    if (!seen) {
      return invalid_argument(
          "unknown channel '{}' in --channels '{}' (known: count, smooth, "
          "distance or de)",
          name, text);
    }
    if (*seen) return invalid_argument("channel '{}' twice in --channels '{}'", name, text);
    *seen = true;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return Status();
}

// --channel: which values an npy output holds (docs/SEMANTICS.md, "Channels").
Status parse_data_channel(const RenderOptions& o, DataChannel* channel) {
  const std::string name = o.channel.value_or("count");
  const std::string lower = ascii_lower(name);
  if (lower == "count") {
    *channel = DataChannel::kCount;
  } else if (lower == "smooth") {
    *channel = DataChannel::kSmooth;
  } else if (lower == "distance") {
    *channel = DataChannel::kDistance;
  } else {
    return invalid_argument("unknown --channel '{}' (known: count, smooth, distance)", name);
  }
  return Status();
}

// --colouring and --interior (docs/SEMANTICS.md, "Colouring methods").
Status parse_colouring_options(const RenderOptions& o, RenderPlan* p) {
  const std::string name = o.colouring.value_or("log");
  const auto colouring = parse_colouring(ascii_lower(name));
  if (!colouring) {
    return invalid_argument("unknown --colouring '{}' (known: log, smooth, histogram, distance)",
                            name);
  }
  p->colouring = *colouring;
  if (o.interior) {
    p->interior = parse_interior(ascii_lower(*o.interior));
    if (!p->interior) {
      return invalid_argument("--interior must be black, white or #rrggbb, got '{}'", *o.interior);
    }
  }
  return parse_palette_options(o, p->colouring, &p->palette);
}

// --tiles NX,NY and --tile I,J (docs/SEMANTICS.md, "Tiles"): the kernel's
// grid becomes the tile's window of the image. Either both or neither.
Status choose_tile(const RenderOptions& o, RenderPlan* p) {
  if (!o.tiles && !o.tile) return Status();
  if (!o.tiles || !o.tile) {
    return invalid_argument(
        "{} needs {} too: --tiles NX,NY splits the image, --tile I,J picks "
        "the tile to render",
        o.tiles ? "--tiles" : "--tile", o.tiles ? "--tile" : "--tiles");
  }
  TilePlan t;
  if (Status s = parse_tile_grid(*o.tiles, &t.grid); !s.ok()) return s;
  if (Status s = parse_tile_place(*o.tile, &t.column, &t.row); !s.ok()) return s;
  KernelParams& k = p->params;
  // The tiles split the image's pixels; a tile samples its pixels' samples.
  const int32_t n = p->supersample;
  const int32_t width = k.width / n;
  const int32_t height = k.height / n;
  if (Status s = check_tile(width, height, t.grid, t.column, t.row); !s.ok()) return s;
  const PixelRect pixels = tile_rect(width, height, t.grid, t.column, t.row);
  t.rect = PixelRect{pixels.x * n, pixels.y * n, pixels.width * n, pixels.height * n};
  k.image_width = k.width;
  k.image_height = k.height;
  k.column_offset = t.rect.x;
  k.row_offset = t.rect.y;
  k.width = t.rect.width;
  k.height = t.rect.height;
  p->tile = t;
  return check_kernel_params(k);
}

}  // namespace

Status make_render_plan(const RenderOptions& o, RenderPlan* plan) {
  RenderPlan p;
  KernelParams& k = p.params;
  if (Status s = parse_dimensions(o, &k.width, &k.height); !s.ok()) return s;
  // From here on the image is its sample grid (docs/SEMANTICS.md, "Supersampling").
  if (Status s = parse_supersample(o, k.width, k.height, &p.supersample); !s.ok()) return s;
  k.width *= p.supersample;
  k.height *= p.supersample;

  const bool auto_iterations = o.iterations && ascii_lower(*o.iterations) == "auto";
  if (!auto_iterations) {
    if (Status s = parse_iterations(o.iterations.value_or("100"), &k.iterations); !s.ok()) {
      return s;
    }
  }

  if (Status s = parse_family_options(o, &k.family); !s.ok()) return s;
  if (Status s = make_view(with_family_view(o, k.family), k.width, k.height, &p.view); !s.ok()) {
    return s;
  }

  if (Status s = parse_data_channel(o, &p.data_channel); !s.ok()) return s;
  if (Status s = parse_colouring_options(o, &p); !s.ok()) return s;
  if (Status s = choose_output(o, &p.format, &p.output); !s.ok()) return s;
  if (p.supersample > 1 && !can_supersample(p.format)) {
    return invalid_argument(
        "--supersample {} needs png or ppm output: {} output holds one value per pixel, not "
        "colours to average (for the samples themselves render --width {} --height {})",
        p.supersample, output_format_name(p.format), k.width, k.height);
  }
  // Only what the output reads is computed: the npy channel, or the channel
  // the colouring of a colour format reads.
  if (o.channels) {
    if (Status s = parse_channel_list(*o.channels, &p.listed_channels); !s.ok()) return s;
    if (p.format != OutputFormat::kExr && p.format != OutputFormat::kNpy) {
      return invalid_argument(
          "--channels {} needs --format exr or npy (a {} file cannot hold the channels)",
          *o.channels, output_format_name(p.format));
    }
    if (o.channel) {
      return invalid_argument("--channel {} and --channels {}: give one of them", *o.channel,
                              *o.channels);
    }
  }
  const Channels coloured = has_colours(p.format) ? channels_of(p.colouring) : Channels{};
  p.channels.smooth =
      p.data_channel == DataChannel::kSmooth || coloured.smooth || p.listed_channels.smooth;
  p.channels.distance =
      p.data_channel == DataChannel::kDistance || coloured.distance || p.listed_channels.distance;
  if (p.colouring == Colouring::kHistogram && k.iterations > kMaxHistogramIterations) {
    return invalid_argument("--colouring histogram supports --iter up to {}, got {}",
                            kMaxHistogramIterations, k.iterations);
  }

  // Smooth bands join up, and the distance estimate holds, only with a large
  // bailout (docs/SEMANTICS.md, "Channels").
  const std::string bailout =
      o.bailout.value_or(p.channels.any() ? fmt::format("{}", kSmoothBailout) : "10");
  if (Status s = parse_double(bailout, "--bailout", &k.bailout); !s.ok()) return s;
  if (!(k.bailout > 0)) return invalid_argument("--bailout must be > 0, got '{}'", bailout);
  if (Status s = choose_method(o, &p); !s.ok()) return s;
  if (Status s = check_kernel_params(k); !s.ok()) return s;
  if (Status s = choose_tile(o, &p); !s.ok()) return s;
  if (const std::string problem = channels_problem(k, p.channels); !problem.empty()) {
    return invalid_argument("{}", problem);
  }

  if (Status s = parse_threads(o.threads, &p.threads); !s.ok()) return s;
  if (Status s = choose_kernel(o.kernel, !o.no_shortcuts, &p.kernel); !s.ok()) return s;
  if (p.method == Method::kPerturbation) {
    p.perturb = p.kernel.name == "scalar" ? perturb_pixels_scalar
                                          : perturb_function_for_target(p.kernel.compiled_target);
    if (!p.perturb) {
      return unsupported("--kernel {} has no perturbation loop in this build", p.kernel.name);
    }
  }

  if (p.data_channel != DataChannel::kCount && p.format != OutputFormat::kNpy) {
    return invalid_argument("--channel {} needs --format npy (a {} file holds no float channel)",
                            *o.channel, output_format_name(p.format));
  }

  const std::string colour_map_name = o.colour_map.value_or("hot");
  const auto colour_map = parse_colour_map(ascii_lower(colour_map_name));
  if (!colour_map) {
    return invalid_argument("unknown --colormap '{}' (known: {})", colour_map_name,
                            colour_map_names());
  }
  p.colour_map = *colour_map;
  const std::string scale_name = o.scale.value_or("image");
  const auto scale = parse_colour_scale(ascii_lower(scale_name));
  if (!scale) return invalid_argument("unknown --scale '{}' (known: image, fixed)", scale_name);
  p.scale = *scale;

  if (o.png_level) {
    int64_t level = 0;
    if (Status s = parse_ranged(*o.png_level, "--png-level", 0, kMaxPngLevel, &level); !s.ok()) {
      return s;
    }
    p.png_level = static_cast<int>(level);
  }

  p.json = o.json;
  p.quiet = o.quiet;
  p.hash = o.hash;
  if (auto_iterations) {
    if (Status s = choose_auto_iterations(o, p.method, &k.iterations); !s.ok()) return s;
  }
  *plan = std::move(p);
  return Status();
}

Status choose_auto_iterations(const RenderOptions& options, Method method, int32_t* iterations) {
  RenderOptions probe = with_probe_size(options);
  // The render's own method: at 16 rows doubles may separate what the full
  // size cannot.
  probe.method = method == Method::kDirect ? "direct" : "perturbation";
  RenderPlan plan;
  if (Status s = make_render_plan(probe, &plan); !s.ok()) return s;
  const KernelParams& k = plan.params;
  std::vector<int32_t> counts(static_cast<size_t>(k.width) * static_cast<size_t>(k.height));
  if (Status s = render_counts(plan, counts.data()); !s.ok()) return s;
  int32_t escaped = -1;
  for (int32_t c : counts) {
    if (c < kAutoIterationsCap - 1) escaped = std::max(escaped, c);
  }
  *iterations = escaped < 0
                    ? kAutoIterationsInside
                    : std::clamp(2 * (escaped + 1), kAutoIterationsLeast, kAutoIterationsCap);
  return Status();
}

}  // namespace mandelbrot

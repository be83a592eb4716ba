#include "render/render_params.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/input_stream.h"
#include "base/parse.h"
#include "base/version.h"
#include "colour/colouring.h"
#include "formats/exr/exr_file.h"
#include "formats/png/png_chunks.h"
#include "formats/png/png_text.h"
#include "render/kfr_options.h"
#include "view/kfr_file.h"

namespace mandelbrot {
namespace {

// The largest JSON file --from reads (a --json report is under a kilobyte). A
// PNG is not read whole: only its chunks are walked (formats/png/png_chunks.h).
constexpr uint64_t kMaxFromJsonBytes = uint64_t{1} << 20;

// {fmt} prints the shortest text that reads back as the same double.
std::string exact(double v) { return fmt::format("{}", v); }

// A bound or bailout given as a string (ours) or a number (a --json report).
Status text_of(const nlohmann::json& j, const char* key, const std::string& source,
               std::string* text) {
  if (j.is_string()) {
    *text = j.get<std::string>();
  } else if (j.is_number()) {
    *text = exact(j.get<double>());
  } else {
    return invalid_argument("{}: '{}' must be a number or a decimal string", source, key);
  }
  return Status();
}

// A recorded palette, [[position, "#rrggbb"], ...], as the stops text that
// parse_palette_stops() reads (which checks the values).
Status palette_stops_of(const nlohmann::json& j, const std::string& source,
                        std::optional<std::string>* text) {
  std::string stops;
  if (j.is_array()) {
    for (const nlohmann::json& stop : j) {
      if (!stop.is_array() || stop.size() != 2 || !stop.at(0).is_number() ||
          !stop.at(1).is_string()) {
        stops.clear();
        break;
      }
      stops +=
          fmt::format("{} {}\n", exact(stop.at(0).get<double>()), stop.at(1).get<std::string>());
    }
  }
  if (stops.empty()) {
    return invalid_argument("{}: 'palette' must be a list of [position, \"#rrggbb\"] stops",
                            source);
  }
  *text = stops;
  return Status();
}

// A whole number (width, height, iterations, png_level) as its decimal text.
// JSON numbers beyond int64 or with a fraction are an error naming the key and
// the value, never a conversion out of range.
Status whole_number_of(const nlohmann::json& j, const char* key, const std::string& source,
                       std::string* text) {
  const nlohmann::json& value = j.at(key);
  if (value.is_number_unsigned()) {
    *text = std::to_string(value.get<uint64_t>());
  } else if (value.is_number_integer()) {
    *text = std::to_string(value.get<int64_t>());
  } else if (value.is_number_float()) {
    const double v = value.get<double>();
    // 2^63 is exact as a double; every whole double below it fits an int64.
    if (!(v == std::floor(v) && v > -0x1p63 && v < 0x1p63)) {
      return invalid_argument("{}: '{}' must be a whole number, got {}", source, key, exact(v));
    }
    *text = std::to_string(static_cast<int64_t>(v));
  } else {
    return invalid_argument("{}: '{}' must be a whole number, got {}", source, key,
                            value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return Status();
}

// The four bounds of a region object ({"xmin": ..., ...}) as "XMIN,XMAX,YMIN,YMAX".
Status region_of(const nlohmann::json& region, const std::string& source, std::string* text) {
  if (!region.is_object()) return invalid_argument("{}: 'region' must be an object", source);
  std::vector<std::string> bounds;
  for (const char* key : {"xmin", "xmax", "ymin", "ymax"}) {
    std::string bound;
    if (!region.contains(key)) return invalid_argument("{}: no region '{}'", source, key);
    if (Status s = text_of(region.at(key), key, source, &bound); !s.ok()) return s;
    bounds.push_back(bound);
  }
  *text = fmt::format("{}", fmt::join(bounds, ","));
  return Status();
}

// The view options of a "view" object (see view_json()).
Status view_options_of(const nlohmann::json& view, const std::string& source, RenderOptions* o) {
  if (!view.is_object()) return invalid_argument("{}: 'view' must be an object", source);
  if (view.contains("region")) {
    std::string region;
    if (Status s = region_of(view.at("region"), source, &region); !s.ok()) return s;
    o->region = region;
  } else {
    std::string parts[3];
    const char* keys[3] = {"center_x", "center_y", "radius"};
    for (int i = 0; i < 3; ++i) {
      if (!view.contains(keys[i])) return invalid_argument("{}: no view '{}'", source, keys[i]);
      if (Status s = text_of(view.at(keys[i]), keys[i], source, &parts[i]); !s.ok()) return s;
    }
    o->center = parts[0] + "," + parts[1];
    o->radius = parts[2];
  }
  if (view.contains("angle")) {
    std::string angle;
    if (Status s = text_of(view.at("angle"), "angle", source, &angle); !s.ok()) return s;
    o->angle = angle;
  }
  return Status();
}

// The family's fields: its name, and its power or Julia constant when it has one.
template <class Json>
void add_family_json(const Family& f, Json* j) {
  (*j)["family"] = family_name(f.kind);
  if (f.kind == FamilyKind::kMultibrot) (*j)["power"] = f.power;
  if (f.julia()) (*j)["julia"] = exact(f.julia_re) + "," + exact(f.julia_im);
}

}  // namespace

std::string tiles_text(TileGrid grid) { return fmt::format("{},{}", grid.columns, grid.rows); }

std::string tile_text(const TilePlan& tile) { return fmt::format("{},{}", tile.column, tile.row); }

nlohmann::ordered_json view_json(const View& view) {
  nlohmann::ordered_json j;
  j["center_x"] = view.center_x;
  j["center_y"] = view.center_y;
  j["radius"] = view.radius;
  if (!view.angle.empty()) j["angle"] = view.angle;
  if (view.region) {
    const auto& b = *view.region;
    j["region"] = {{"xmin", b[0]}, {"xmax", b[1]}, {"ymin", b[2]}, {"ymax", b[3]}};
  }
  return j;
}

std::string render_params_json(const RenderPlan& plan, const std::string& hash) {
  const KernelParams& k = plan.params;
  nlohmann::ordered_json j;
  j["program"] = "mandelbrot";
  j["version"] = kVersion;
  j["width"] = plan.image_width();
  j["height"] = plan.image_height();
  // Files of plain renders carry none, as before supersampling.
  if (plan.supersample > 1) j["supersample"] = plan.supersample;
  if (plan.tile) {
    j["tiles"] = tiles_text(plan.tile->grid);
    j["tile"] = tile_text(*plan.tile);
  }
  j["iterations"] = k.iterations;
  j["view"] = view_json(plan.view);
  if (plan.method == Method::kDirect) {
    j["region"] = {{"xmin", exact(k.region.xmin)},
                   {"xmax", exact(k.region.xmax)},
                   {"ymin", exact(k.region.ymin)},
                   {"ymax", exact(k.region.ymax)}};
  } else {
    // Perturbation samples no double region; its counts are its own
    // (docs/SEMANTICS.md, "Deep zoom"), so a re-render must use it again.
    j["method"] = "perturbation";
  }
  j["bailout"] = exact(k.bailout);
  // Mandelbrot files carry no family fields, as before families existed.
  if (k.family.kind != FamilyKind::kMandelbrot) add_family_json(k.family, &j);
  add_colours_json(plan, &j);
  j["scale"] = colour_scale_name(plan.scale);
  // Files of the default look carry neither, as before colouring methods.
  if (plan.colouring != Colouring::kLog) j["colouring"] = colouring_name(plan.colouring);
  if (plan.interior) j["interior"] = interior_name(*plan.interior);
  j["png_level"] = plan.png_level;
  j["hash"] = hash;
  return j.dump();
}

void add_colours_json(const RenderPlan& plan, nlohmann::ordered_json* j) {
  const PaletteChoice& p = plan.palette;
  if (p.palette) {
    nlohmann::ordered_json stops = nlohmann::ordered_json::array();
    for (const ColourStop& stop : p.palette->stops()) {
      stops.push_back({stop.position, hex_colour_name(stop.colour)});
    }
    (*j)["palette"] = stops;
  } else {
    (*j)["colormap"] = colour_map_name(plan.colour_map);
  }
  if (p.period > 0) {
    (*j)["palette_period"] = exact(p.period);
    (*j)["palette_offset"] = exact(p.offset);
  }
}

Status render_options_from_json(const std::string& json, const std::string& source,
                                RenderOptions* options) {
  const nlohmann::json all = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!all.is_object())
    return invalid_argument("{}: not a JSON object of render parameters", source);
  // `info --json` holds the parameters under "parameters" (null when it found none).
  if (all.contains("parameters") && !all.at("parameters").is_object()) {
    return invalid_argument("{}: its 'parameters' hold no render parameters", source);
  }
  const nlohmann::json& j = all.contains("parameters") ? all.at("parameters") : all;
  RenderOptions o;
  try {
    for (const char* key : {"width", "height", "iterations"}) {
      if (!j.contains(key)) return invalid_argument("{}: no '{}' in the parameters", source, key);
    }
    for (auto [key, text] : {std::pair{"width", &o.width}, std::pair{"height", &o.height},
                             std::pair{"iterations", &o.iterations}}) {
      std::string number;
      if (Status s = whole_number_of(j, key, source, &number); !s.ok()) return s;
      *text = number;
    }
    if (j.contains("view")) {
      if (Status s = view_options_of(j.at("view"), source, &o); !s.ok()) return s;
    } else {
      // Files written before views: the region's bounds only.
      if (!j.contains("region")) return invalid_argument("{}: no 'view' in the parameters", source);
      std::string region;
      if (Status s = region_of(j.at("region"), source, &region); !s.ok()) return s;
      o.region = region;
    }
    for (auto [key, text] : {std::pair{"tiles", &o.tiles}, std::pair{"tile", &o.tile}}) {
      if (j.contains(key)) *text = j.at(key).get<std::string>();
    }
    if (j.contains("bailout")) {
      std::string text;
      if (Status s = text_of(j.at("bailout"), "bailout", source, &text); !s.ok()) return s;
      o.bailout = text;
    }
    if (j.contains("method")) o.method = j.at("method").get<std::string>();
    if (j.contains("family")) o.family = j.at("family").get<std::string>();
    if (j.contains("power")) o.power = std::to_string(j.at("power").get<int64_t>());
    if (j.contains("julia")) {
      // "KR,KI" (ours), or [KR, KI] (a --json report)
      const nlohmann::json& k = j.at("julia");
      o.julia = k.is_array() && k.size() == 2
                    ? exact(k.at(0).get<double>()) + "," + exact(k.at(1).get<double>())
                    : k.get<std::string>();
    }
    if (j.contains("colormap")) o.colour_map = j.at("colormap").get<std::string>();
    if (j.contains("scale")) o.scale = j.at("scale").get<std::string>();
    if (j.contains("colouring")) o.colouring = j.at("colouring").get<std::string>();
    if (j.contains("interior")) o.interior = j.at("interior").get<std::string>();
    if (j.contains("palette")) {
      if (Status s = palette_stops_of(j.at("palette"), source, &o.palette_stops); !s.ok()) {
        return s;
      }
    }
    for (auto [key, text] : {std::pair{"palette_period", &o.palette_period},
                             std::pair{"palette_offset", &o.palette_offset}}) {
      if (!j.contains(key)) continue;
      std::string number;
      if (Status s = text_of(j.at(key), key, source, &number); !s.ok()) return s;
      *text = number;
    }
    for (auto [key, text] :
         {std::pair{"png_level", &o.png_level}, std::pair{"supersample", &o.supersample}}) {
      if (!j.contains(key)) continue;
      std::string number;
      if (Status s = whole_number_of(j, key, source, &number); !s.ok()) return s;
      *text = number;
    }
  } catch (const nlohmann::json::exception& e) {
    return invalid_argument("{}: bad render parameters: {}", source, e.what());
  }
  *options = std::move(o);
  return Status();
}

Status apply_from_file(const std::string& path, const RenderOptions& cl, RenderOptions* merged) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(path, &in); !s.ok()) return s.with_prefix("--from: ");
  std::vector<uint8_t> start;
  if (Status s = in->peek(kPngSignature.size(), &start); !s.ok()) return s.with_prefix("--from: ");
  std::string json;
  bool kfr = false;  // a Kalles Fraktaler location rather than a parameters JSON
  const std::string_view head(reinterpret_cast<const char*>(start.data()), start.size());
  if (head.substr(0, kExrMagic.size()) == kExrMagic) {
    // docs/SEMANTICS.md, "EXR": the parameters are the header's "mandelbrot" attribute.
    std::unique_ptr<ExrReader> exr;
    if (Status s = ExrReader::open(path, &exr); !s.ok()) return s.with_prefix("--from: ");
    if (!exr->info().parameters) {
      return invalid_argument(
          "--from: '{}' has no mandelbrot parameters (not written by this program?)", path);
    }
    json = *exr->info().parameters;
  } else if (head == kPngSignature) {
    PngHeader header;
    std::optional<std::string> text;
    if (Status s = scan_png(*in, kParamsKeyword, &header, &text); !s.ok()) {
      return s.with_prefix("--from: ");
    }
    if (!text) {
      return invalid_argument(
          "--from: '{}' has no mandelbrot parameters (not written by this program?)", path);
    }
    json = *text;
  } else {
    std::vector<uint8_t> bytes;
    if (Status s = in->read_all(kMaxFromJsonBytes, &bytes); !s.ok()) {
      return s.with_prefix("--from: ");
    }
    json.assign(bytes.begin(), bytes.end());
    kfr = looks_like_kfr(json);
  }
  RenderOptions o;
  if (kfr) {
    // docs/SEMANTICS.md, "Views": Kalles Fraktaler locations.
    KfrFile file;
    if (Status s = parse_kfr(json, path, &file); !s.ok()) return s.with_prefix("--from: ");
    if (Status s = kfr_render_options(file, &o); !s.ok()) return s.with_prefix("--from: ");
  } else if (Status s = render_options_from_json(json, "--from '" + path + "'", &o); !s.ok()) {
    return s;
  }

  const bool new_geometry = cl.size || cl.width || cl.height;
  const bool new_view = cl.region || cl.center || cl.radius;  // --angle alone keeps the view
  if (new_view || new_geometry) {
    // Keep the recorded view by its centre and radius, unless replaced; a
    // recorded region gives its exact centre and half-height.
    if (o.region) {
      View recorded;
      if (Status s = parse_view_region(*o.region, &recorded); !s.ok()) return s;
      o.region.reset();
      o.center = center_text(recorded);
      o.radius = recorded.radius;
    }
    if (cl.region) {
      o.region = cl.region;
      o.center.reset();
      o.radius.reset();
    }
    if (cl.center) o.center = cl.center;
    if (cl.radius) o.radius = cl.radius;
  }
  if (cl.angle) o.angle = cl.angle;
  if (cl.size) {
    o.width.reset();
    o.height.reset();
    o.size = cl.size;
  }
  if (cl.width) o.width = cl.width;
  if (cl.height) o.height = cl.height;
  if (cl.iterations) o.iterations = cl.iterations;
  if (cl.tiles) o.tiles = cl.tiles;
  if (cl.tile) o.tile = cl.tile;
  if (cl.bailout) o.bailout = cl.bailout;
  // A family on the command line replaces the recorded one with its own
  // constant and power; --julia alone implies julia, --power alone keeps the family.
  if (cl.family || cl.julia) {
    o.family = cl.family;
    o.julia = cl.julia;
    o.power.reset();
  }
  if (cl.power) o.power = cl.power;
  if (cl.method) o.method = cl.method;
  // A map or a palette on the command line replaces the recorded colours.
  if (cl.colour_map || cl.palette) {
    o.colour_map = cl.colour_map;
    o.palette = cl.palette;
    o.palette_stops.reset();
  }
  // Another colouring drops the recorded cycle, which belongs to the smooth one.
  if (cl.colouring && ascii_lower(*cl.colouring) != "smooth") {
    o.palette_period.reset();
    o.palette_offset.reset();
  }
  if (cl.palette_period) o.palette_period = cl.palette_period;
  if (cl.palette_offset) o.palette_offset = cl.palette_offset;
  if (cl.scale) o.scale = cl.scale;
  o.channel = cl.channel;
  o.channels = cl.channels;
  if (cl.colouring) o.colouring = cl.colouring;
  if (cl.interior) o.interior = cl.interior;
  if (cl.png_level) o.png_level = cl.png_level;
  if (cl.supersample) o.supersample = cl.supersample;

  // How and where: always from the command line.
  o.threads = cl.threads;
  o.kernel = cl.kernel;
  o.no_shortcuts = cl.no_shortcuts;
  o.output = cl.output;
  o.format = cl.format;
  o.json = cl.json;
  o.quiet = cl.quiet;
  o.hash = cl.hash;
  *merged = std::move(o);
  return Status();
}

}  // namespace mandelbrot

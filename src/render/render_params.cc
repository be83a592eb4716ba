#include "render/render_params.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/file_reader.h"
#include "base/parse.h"
#include "base/version.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

// The largest file --from reads: a PNG this program wrote, or a JSON report.
constexpr uint64_t kMaxFromFileBytes = uint64_t{1} << 32;

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
    return usage_error("{}: '{}' must be a number or a decimal string", source, key);
  }
  return Status();
}

}  // namespace

std::string render_params_json(const RenderPlan& plan, const std::string& hash) {
  const KernelParams& k = plan.params;
  nlohmann::ordered_json j;
  j["program"] = "mandelbrot";
  j["version"] = kVersion;
  j["width"] = k.width;
  j["height"] = k.height;
  j["iterations"] = k.iterations;
  j["region"] = {{"xmin", exact(k.region.xmin)},
                 {"xmax", exact(k.region.xmax)},
                 {"ymin", exact(k.region.ymin)},
                 {"ymax", exact(k.region.ymax)}};
  j["bailout"] = exact(k.bailout);
  j["colormap"] = colour_map_name(plan.colour_map);
  j["png_level"] = plan.png_level;
  j["hash"] = hash;
  return j.dump();
}

Status render_options_from_json(const std::string& json, const std::string& source,
                                RenderOptions* options) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return usage_error("{}: not a JSON object of render parameters", source);
  RenderOptions o;
  try {
    for (const char* key : {"width", "height", "iterations"}) {
      if (!j.contains(key)) return usage_error("{}: no '{}' in the parameters", source, key);
    }
    o.width = std::to_string(j.at("width").get<int64_t>());
    o.height = std::to_string(j.at("height").get<int64_t>());
    o.iterations = std::to_string(j.at("iterations").get<int64_t>());
    if (!j.contains("region") || !j.at("region").is_object()) {
      return usage_error("{}: no 'region' in the parameters", source);
    }
    std::vector<std::string> bounds;
    for (const char* key : {"xmin", "xmax", "ymin", "ymax"}) {
      std::string text;
      if (!j.at("region").contains(key)) return usage_error("{}: no region '{}'", source, key);
      if (Status s = text_of(j.at("region").at(key), key, source, &text); !s.ok()) return s;
      bounds.push_back(text);
    }
    o.region = fmt::format("{}", fmt::join(bounds, ","));
    if (j.contains("bailout")) {
      std::string text;
      if (Status s = text_of(j.at("bailout"), "bailout", source, &text); !s.ok()) return s;
      o.bailout = text;
    }
    if (j.contains("colormap")) o.colour_map = j.at("colormap").get<std::string>();
    if (j.contains("png_level")) o.png_level = std::to_string(j.at("png_level").get<int64_t>());
  } catch (const nlohmann::json::exception& e) {
    return usage_error("{}: bad render parameters: {}", source, e.what());
  }
  *options = std::move(o);
  return Status();
}

Status apply_from_file(const std::string& path, const RenderOptions& cl, RenderOptions* merged) {
  std::vector<uint8_t> bytes;
  if (Status s = read_file(path, kMaxFromFileBytes, "", &bytes); !s.ok()) {
    return s.with_prefix("--from: ");
  }
  std::string json(bytes.begin(), bytes.end());
  if (json.rfind(kPngSignature, 0) == 0) {
    const auto text = find_png_text(bytes, kParamsKeyword);
    if (!text) {
      return usage_error("--from: '{}' has no mandelbrot parameters (not written by this program?)",
                         path);
    }
    json = *text;
  }
  RenderOptions o;
  if (Status s = render_options_from_json(json, "--from '" + path + "'", &o); !s.ok()) return s;

  const bool new_geometry = cl.size || cl.width || cl.height;
  const bool new_view = cl.region || cl.center || cl.radius;
  if (new_view || new_geometry) {
    // Keep the recorded view by its centre and half-height, unless replaced.
    std::vector<double> b(4);
    const std::string recorded = *o.region;
    size_t start = 0;
    for (int i = 0; i < 4; ++i) {
      const size_t comma = recorded.find(',', start);
      if (Status s = parse_double(recorded.substr(start, comma - start), "--from region", &b[i]);
          !s.ok()) {
        return s;
      }
      start = comma + 1;
    }
    o.region.reset();
    o.center = fmt::format("{},{}", (b[0] + b[1]) / 2, (b[2] + b[3]) / 2);
    o.radius = fmt::format("{}", (b[3] - b[2]) / 2);
    if (cl.region) {
      o.region = cl.region;
      o.center.reset();
      o.radius.reset();
    }
    if (cl.center) o.center = cl.center;
    if (cl.radius) o.radius = cl.radius;
  }
  if (cl.size) {
    o.width.reset();
    o.height.reset();
    o.size = cl.size;
  }
  if (cl.width) o.width = cl.width;
  if (cl.height) o.height = cl.height;
  if (cl.iterations) o.iterations = cl.iterations;
  if (cl.bailout) o.bailout = cl.bailout;
  if (cl.colour_map) o.colour_map = cl.colour_map;
  if (cl.png_level) o.png_level = cl.png_level;

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

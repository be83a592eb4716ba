// The --json summary of a render.
#include <nlohmann/json.hpp>

#include "base/version.h"
#include "render/render.h"
#include "render/render_params.h"

namespace mandelbrot {

std::string render_report_json(const RenderReport& report) {
  const RenderPlan& plan = report.plan;
  const KernelParams& k = plan.params;
  const CountStats& stats = report.stats;
  nlohmann::ordered_json j;
  j["version"] = kVersion;
  j["width"] = plan.image_width();
  j["height"] = plan.image_height();
  // As in the PNG's parameters: only when not 1.
  if (plan.supersample > 1) j["supersample"] = plan.supersample;
  if (plan.tile) {
    const PixelRect& r = plan.tile->rect;  // in samples
    const int32_t n = plan.supersample;
    j["tiles"] = tiles_text(plan.tile->grid);
    j["tile"] = tile_text(*plan.tile);
    j["tile_rect"] = {
        {"x", r.x / n}, {"y", r.y / n}, {"width", r.width / n}, {"height", r.height / n}};
  }
  j["iterations"] = k.iterations;
  j["view"] = view_json(plan.view);
  if (plan.method == Method::kDirect) {
    j["region"] = {{"xmin", k.region.xmin},
                   {"xmax", k.region.xmax},
                   {"ymin", k.region.ymin},
                   {"ymax", k.region.ymax}};
  }
  j["method"] = plan.method == Method::kDirect ? "direct" : "perturbation";
  j["bailout"] = k.bailout;
  j["family"] = family_name(k.family.kind);
  if (k.family.kind == FamilyKind::kMultibrot) j["power"] = k.family.power;
  if (k.family.julia()) j["julia"] = {k.family.julia_re, k.family.julia_im};
  j["threads"] = plan.threads;
  j["kernel"] = plan.kernel.name;
  j["shortcuts"] = plan.kernel.shortcuts;
  j["format"] = output_format_name(plan.format);
  add_colours_json(plan, &j);
  j["scale"] = colour_scale_name(plan.scale);
  // As in the PNG's parameters: only when not the default (docs/SEMANTICS.md).
  if (plan.colouring != Colouring::kLog) j["colouring"] = colouring_name(plan.colouring);
  if (plan.interior) j["interior"] = interior_name(*plan.interior);
  if (plan.data_channel == DataChannel::kSmooth) j["channel"] = "smooth";
  if (plan.data_channel == DataChannel::kDistance) j["channel"] = "distance";
  if (plan.format == OutputFormat::kPng) j["png_level"] = plan.png_level;
  j["output"] = plan.output;
  j["render_seconds"] = report.render_seconds;
  if (plan.method == Method::kPerturbation) {
    // The stages of a deep render (docs/SEMANTICS.md, "Deep zoom").
    const DeepReport& d = report.deep;
    j["deep"] = {{"reference_seconds", d.reference_seconds},
                 {"bla_seconds", d.bla_seconds},
                 {"pixels_seconds", d.pixels_seconds},
                 {"precision_bits", d.precision_bits},
                 {"references", d.references},
                 {"reference_iterations", d.reference_iterations},
                 {"approximate_pixels", d.approximate_pixels},
                 {"periodic_pixels", d.periodic_pixels}};
  }
  j["encode_seconds"] = report.encode_seconds;
  if (!report.ranks.empty()) {
    // A render across MPI processes: each one's share (docs/SEMANTICS.md, "MPI").
    nlohmann::json ranks = nlohmann::json::array();
    for (const RankReport& r : report.ranks) {
      ranks.push_back({{"rank", r.rank},
                       {"blocks", r.blocks},
                       {"rows", r.rows},
                       {"compute_seconds", r.compute_seconds},
                       {"encode_seconds", r.encode_seconds},
                       {"write_seconds", r.write_seconds},
                       {"bytes", r.bytes}});
    }
    j["ranks"] = ranks;
  }
  j["min_count"] = stats.pixels() > 0 ? stats.min() : 0;
  j["max_count"] = stats.pixels() > 0 ? stats.max() : 0;
  j["inside_fraction"] = stats.inside_fraction();
  j["hash"] = report.hash;
  return j.dump();
}

}  // namespace mandelbrot

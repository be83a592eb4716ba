#include "tools/verify.h"

#include <optional>
#include <vector>

#include "base/content_hash.h"
#include "kernel/kernel.h"
#include "render/render.h"
#include "render/render_params.h"
#include "render/render_plan.h"
#include "tools/embedded_params.h"

namespace mandelbrot {
namespace {

// The content hash of the plan's counts, computed a band at a time (all at
// once for perturbation, which renders the whole image: deep/deep_render.h).
Status hash_of_render(const RenderPlan& plan, std::string* text) {
  const KernelParams& k = plan.params;
  ContentHash hash;
  if (plan.method == Method::kPerturbation) {
    if (Status s = check_memory(perturbation_bytes(plan)); !s.ok()) return s;
    std::vector<int32_t> image(static_cast<size_t>(k.width) * static_cast<size_t>(k.height));
    if (Status s = render_counts(plan, image.data()); !s.ok()) return s;
    hash.add(image);
    *text = hash.text();
    return Status();
  }
  const int32_t rows = band_rows(k.width, k.height);
  std::vector<int32_t> band(static_cast<size_t>(k.width) * static_cast<size_t>(rows));
  for (int32_t first = 0; first < k.height; first += rows) {
    const int32_t n = std::min(rows, k.height - first);
    render_rows(k, plan.kernel, first, n, plan.threads, band.data());
    hash.add(std::span<const int32_t>(band.data(), static_cast<size_t>(k.width) * n));
  }
  *text = hash.text();
  return Status();
}

}  // namespace

Status verify_file(const std::string& path, VerifyResult* result) {
  std::optional<nlohmann::json> params;
  if (Status s = read_embedded_params(path, &params); !s.ok()) return s;
  if (!params) {
    return invalid_argument(
        "'{}' has no embedded parameters (only PNGs written by this program carry them)", path);
  }
  if (!params->contains("hash") || !params->at("hash").is_string()) {
    return invalid_argument("'{}' has no embedded hash (written by an older version?)", path);
  }
  RenderOptions options;
  if (Status s = render_options_from_json(params->dump(), "'" + path + "'", &options); !s.ok()) {
    return s;
  }
  RenderPlan plan;
  if (Status s = make_render_plan(options, &plan); !s.ok()) return s.with_prefix(path + ": ");
  VerifyResult r;
  r.embedded_hash = params->at("hash").get<std::string>();
  if (Status s = hash_of_render(plan, &r.rendered_hash); !s.ok()) {
    return s.with_prefix(path + ": ");
  }
  r.match = r.embedded_hash == r.rendered_hash;
  *result = r;
  return Status();
}

}  // namespace mandelbrot

// ImageWide: what the colouring needs of the whole image besides the counts'
// range, gathered band by band (render.cc, and cluster renders).
#pragma once

#include <memory>
#include <vector>

#include "buffer/count_buffer.h"
#include "colour/colouring.h"
#include "formats/encoders.h"
#include "render/render_plan.h"

namespace mandelbrot {

// What the colouring needs of the whole image besides the counts' range
// (docs/SEMANTICS.md, "Colouring methods"): the smooth values' range, or the
// counts' histogram. Bands are added on one thread, in any order.
class ImageWide {
 public:
  explicit ImageWide(const RenderPlan& plan)
      : plan_(plan),
        histogram_(plan.colouring == Colouring::kHistogram ? plan.params.iterations : 1) {}

  void add(const CountBuffer& band) {
    if (plan_.colouring == Colouring::kSmooth) {
      smooth_.add(band.counts(), band.smooth(), plan_.params.iterations);
    } else if (plan_.colouring == Colouring::kHistogram) {
      histogram_.add(band.counts());
    }
  }

  // What was gathered, to be combined with other processes' (cluster renders):
  // ranges by their minimum and maximum, histogram bins by their sum.
  SmoothRange& smooth() { return smooth_; }
  CountHistogram& histogram() { return histogram_; }

  // Sets what the colouring of spec needs. REQUIRES: every band was added.
  void finish(ImageSpec* spec) const {
    spec->colouring.smooth = smooth_;
    if (plan_.colouring == Colouring::kHistogram) {
      spec->colouring.histogram = std::make_shared<const std::vector<uint16_t>>(
          histogram_.indices(table_size(spec->colour_map, spec->colouring)));
    }
  }

 private:
  const RenderPlan& plan_;
  SmoothRange smooth_;
  CountHistogram histogram_;
};

}  // namespace mandelbrot

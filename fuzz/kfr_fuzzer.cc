// libFuzzer harness: Kalles Fraktaler locations as --from reads them (the
// parse, then the mapping to render options).
#include "render/kfr_options.h"
#include "view/kfr_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mandelbrot;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)looks_like_kfr(text);
  KfrFile file;
  if (!parse_kfr(text, "fuzz.kfr", &file).ok()) return 0;
  RenderOptions options;
  (void)kfr_render_options(file, &options);
  return 0;
}

// libFuzzer harness: a --config file as the program reads it: the bounds and
// TOML parsing (app/config_file.h), then the mapping onto the render options
// (app/config_options.h) and the checks of the plan they make.
#include "app/config_file.h"
#include "app/config_options.h"
#include "app/render_command.h"
#include "render/render_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mandelbrot;
  const std::string text(data, data + size);
  std::vector<ConfigEntry> entries;
  if (!parse_config_text(text, "fuzz.toml", &entries).ok()) return 0;
  CLI::App app;
  RenderCommand command;
  command.add_options(app);
  const char* argv[] = {"mandelbrot"};
  try {
    app.parse(1, argv);
  } catch (const CLI::ParseError&) {
    return 0;
  }
  if (!apply_config(entries, "fuzz.toml", app).ok()) return 0;
  RenderPlan plan;
  (void)make_render_plan(command.options, &plan);
  return 0;
}

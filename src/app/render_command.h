// `mandelbrot render` (also the bare `mandelbrot`): render one image.
#pragma once

#include <memory>

#include "app/command.h"
#include "render/options.h"
#include "render/render.h"

namespace mandelbrot {

class RenderCommand : public Command {
 public:
  void add_options(CLI::App& app) override;
  int run() override;
  void use_runtime(const Runtime& runtime) override { renderer_ = runtime.renderer; }

  RenderOptions options;  // as typed; make_render_plan() checks them
  // --config FILE: read by parse_command_line() into `options` (app/config_options.h).
  std::optional<std::string> config_file;

 private:
  Renderer renderer_ = render_to_output;
};

// Prints what a finished render reports: the hash (--hash), the JSON
// (--json), or the "wrote" line, on stdout, or on stderr when the image went
// to stdout. Returns the exit code.
int print_render_report(const RenderPlan& plan, const RenderReport& report);

}  // namespace mandelbrot

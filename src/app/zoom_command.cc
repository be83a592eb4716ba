// `mandelbrot zoom`: a zoom video as numbered frames or a PPM stream
// (docs/SEMANTICS.md, "Zoom videos"). The options are the render command's,
// less its view options, plus the path's.
#include <fmt/format.h>

#include "app/exit_code.h"
#include "app/render_command.h"
#include "app/subcommands.h"
#include "video/zoom.h"

namespace mandelbrot {

const char* const kZoomFooter = R"(Examples:
  mkdir frames
  mandelbrot zoom --start -0.5,0,1.5 --end -0.743643887,0.131825904,1e-7 --frames 100 \
      --width 640 --height 360 --iter 2000 -o 'frames/%06d.png'
  mandelbrot zoom --start -0.5,0,1.5 --end -0.7436,0.1318,1e-4 --fps 25 --duration 8 \
      --size 360 --format ppm -o - | ffmpeg -f image2pipe -i - zoom.mp4

The path (docs/SEMANTICS.md, "Zoom videos"): the radius shrinks at constant speed
(R_k = R0 (R1/R0)^t, t = k/(N-1)) and the centre moves so that one point of the plane
stays fixed on the screen; the angle turns linearly. Frame k is byte for byte the single
render of its view (--dry-run lists them). Colours do not flicker: --scale fixed is the
default, and --iter auto is decided once, from the deepest frame.
Resuming: run the same command again; frames whose file and parameters match the
manifest beside them (PATTERN.zoom.jsonl) are kept, the rest rendered.
Under mpirun (docs/SEMANTICS.md, "MPI"), the processes share the frames out: the same
files and manifest.
Exit codes: 0 done, 1 run-time failure (I/O, memory), 2 bad usage; Ctrl-C stops at
once and leaves no partial frame.)";

namespace {

class ZoomCommand : public Command {
 public:
  void add_options(CLI::App& app) override;
  int run() override;
  void use_runtime(const Runtime& runtime) override { runner_ = runtime.zoom; }

 private:
  ZoomRunner runner_ = run_zoom;
  RenderCommand render_;  // the render command's options, bound to render_.options
  ZoomOptions options_;
};

void ZoomCommand::add_options(CLI::App& app) {
  // The path's options first, then the render command's.
  add_text_option(app, "--start", options_.start,
                  "The first frame's view: centre and radius, decimals of any length (required)",
                  "X,Y,R");
  add_text_option(app, "--end", options_.end, "The last frame's view (required)", "X,Y,R");
  add_text_option(app, "--start-angle", options_.start_angle,
                  "The first frame's rotation, counter-clockwise (default 0)", "DEG");
  add_text_option(app, "--end-angle", options_.end_angle,
                  "The last frame's rotation; the angle turns linearly (default 0)", "DEG");
  add_text_option(app, "--frames", options_.frames, "The number of frames, 1 or more", "N");
  add_text_option(app, "--fps", options_.fps,
                  "Frames per second; with --duration, frames = round(fps x duration)", "F");
  add_text_option(app, "--duration", options_.duration,
                  "The video's length in seconds (with --fps)", "SECONDS");
  render_.add_options(app);
  // A zoom's views come from its path; its output is a pattern.
  for (const char* name : {"--center", "--radius", "--region", "--angle", "--from", "--hash",
                           "--output", "--iter", "--scale"}) {
    app.remove_option(app.get_option(name));
  }
  RenderOptions& o = render_.options;
  add_text_option(app, "-o,--output", o.output,
                  "Numbered frame files: a pattern with one %d or %06d in the file name (%% for "
                  "a percent sign), whose directory exists; or - for one PPM stream of every "
                  "frame on standard output (with --format ppm) (required)",
                  "PATTERN");
  add_text_option(app, "--iter", o.iterations,
                  "Maximum iterations per point, the same for every frame, or auto: chosen "
                  "once from a probe render of the deepest frame (default 100)",
                  "N");
  add_text_option(app, "--scale", o.scale,
                  "fixed: log(count) / log(iter - 1), the same colours in every frame; image: "
                  "each frame over its own range, which flickers (default fixed)",
                  "NAME");
  app.add_flag("--dry-run", options_.dry_run,
               "List every frame's file and view as one line of JSON each, and render nothing");
}

int ZoomCommand::run() {
  options_.render = render_.options;
  ZoomPlan plan;
  if (Status s = make_zoom_plan(options_, &plan); !s.ok()) return report_error(s);
  if (!plan.quiet) {
    for (const std::string& warning : plan.warnings) {
      fmt::print(stderr, "mandelbrot: warning: {}\n", warning);
    }
  }
  if (plan.dry_run) {
    std::string lines;
    for (int64_t k = 0; k < plan.frames(); ++k) lines += dry_run_line(plan, k) + "\n";
    if (Status s = write_stdout(lines); !s.ok()) return report_error(s);
    return kExitSuccess;
  }
  ZoomReport report;
  if (Status s = runner_(plan, &report); !s.ok()) return report_error(s);
  if (plan.json) {
    const std::string line = zoom_report_json(plan, report);
    if (plan.to_stdout) {
      fmt::print(stderr, "{}\n", line);
    } else if (Status s = write_stdout(line + "\n"); !s.ok()) {
      return report_error(s);
    }
  } else if (!plan.quiet) {
    fmt::print(stderr, "mandelbrot: wrote {} frames to {} ({} rendered, {} kept, {:.3f} s)\n",
               report.frames, plan.to_stdout ? "standard output" : plan.pattern.text(),
               report.rendered, report.kept, report.seconds);
  }
  return kExitSuccess;
}

}  // namespace

std::unique_ptr<Command> make_zoom_command() { return std::make_unique<ZoomCommand>(); }

}  // namespace mandelbrot

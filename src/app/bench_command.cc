// `mandelbrot bench`: how fast this machine renders.
#include <fmt/format.h>

#include "app/exit_code.h"
#include "app/subcommands.h"
#include "render/shared_options.h"
#include "tools/bench.h"

namespace mandelbrot {
namespace {

class BenchCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    add_text_option(app, "--size", size_, "Width and height of the default view (default 1024)",
                    "N");
    add_text_option(app, "--iter", iterations_, "Maximum iterations per point (default 1000)", "N");
    add_text_option(app, "--threads", threads_,
                    "Threads for the fast runs, 0 for all cores (default 0)", "N");
    app.add_option("--kernel", options_.kernel,
                   "The kernel to compare with the scalar reference (default auto)")
        ->type_name("NAME");
    add_text_option(app, "--repeat", repeats_,
                    "Best of this many runs, 1 to 100 (the scalar run is done once) (default 3)",
                    "N");
    app.add_flag("--json", json_, "Print the figures as one JSON object");
  }

  int run() override {
    if (Status s = parse(); !s.ok()) return report_error(s);
    BenchReport report;
    if (Status s = run_bench(options_, &report); !s.ok()) return report_error(s);
    const std::string text = json_ ? bench_json(report) + "\n" : bench_text(report);
    if (Status s = write_stdout(text); !s.ok()) return report_error(s);
    return kExitSuccess;
  }

 private:
  // The same checks as render's for the options they share.
  Status parse() {
    if (size_) {
      if (Status s = parse_image_side(*size_, "--size", &options_.size); !s.ok()) return s;
    }
    if (iterations_) {
      if (Status s = parse_iterations(*iterations_, &options_.iterations); !s.ok()) return s;
    }
    if (Status s = parse_threads(threads_, &options_.threads); !s.ok()) return s;
    if (repeats_) {
      int64_t repeats = 0;
      if (Status s = parse_ranged(*repeats_, "--repeat", 1, 100, &repeats); !s.ok()) return s;
      options_.repeats = static_cast<int>(repeats);
    }
    return Status();
  }

  BenchOptions options_;
  std::optional<std::string> size_, iterations_, threads_, repeats_;
  bool json_ = false;
};

}  // namespace

const char* const kBenchFooter =
    "Example:\n  mandelbrot bench --size 4096 --iter 1000    the figures of docs/PERFORMANCE.md";

std::unique_ptr<Command> make_bench_command() { return std::make_unique<BenchCommand>(); }

}  // namespace mandelbrot

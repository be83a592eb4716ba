// `mandelbrot compare A B`: do two outputs match?
#include "app/exit_code.h"
#include "app/subcommands.h"
#include "tools/compare.h"

namespace mandelbrot {
namespace {

class CompareCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    CompareOptions& c = options_;
    app.add_option("A", c.a, "First file, or - for standard input")->required()->type_name("");
    app.add_option("B", c.b, "Second file")->required()->type_name("");
    add_text_option(app, "--width", c.width, "Width of raw files", "N");
    add_text_option(app, "--height", c.height, "Height of raw files", "N");
    add_text_option(app, "--format", c.format, "Format of files without a signature (raw)",
                    "FORMAT");
    add_text_option(app, "--max-diff", c.max_diff,
                    "Largest difference that still counts as equal (counts, or per channel)", "N");
    add_text_option(app, "--max-differing", c.max_differing,
                    "Differing pixels allowed: a count, or a percentage like 0.5%", "N|P%");
    add_text_option(app, "--diff-image", c.diff_image,
                    "Write a PNG: red where pixels differ, yellow within tolerance", "PATH");
    app.add_flag("--json", c.json, "Print the figures as one JSON object");
  }

  // 0 match, 1 different, 2 for every error (whatever its kind), so that a
  // broken input is never mistaken for a difference.
  int run() override {
    CompareResult result;
    if (Status s = compare_files(options_, &result); !s.ok()) {
      report_error(s);
      return kExitUsage;
    }
    const std::string text = (options_.json ? compare_json(result) : compare_text(result)) + "\n";
    if (Status s = write_stdout(text); !s.ok()) {
      report_error(s);
      return kExitUsage;
    }
    return result.match ? kExitSuccess : kExitFailure;
  }

 private:
  CompareOptions options_;
};

}  // namespace

const char* const kCompareFooter =
    R"(Kinds: count data (raw with --width/--height, npy, pgm), images (png, ppm),
bitmaps (pbm); any two files of one kind compare, e.g. a .npy with a .raw.
A pixel differs when some channel differs by more than --max-diff (default 0);
the files match when at most --max-differing pixels differ (default 0).
Exit codes: 0 match, 1 different, 2 error (unreadable, corrupt, other kind or size).

Examples:
  mandelbrot compare golden.png out.png
  mandelbrot compare golden.npy out.raw --width 400 --height 400 --max-diff 1
  mandelbrot compare a.png b.png --max-differing 0.1% --diff-image diff.png --json)";

std::unique_ptr<Command> make_compare_command() { return std::make_unique<CompareCommand>(); }

}  // namespace mandelbrot

// `mandelbrot verify FILE...`: does each file still hold what its parameters render?
#include <fmt/format.h>

#include "app/exit_code.h"
#include "app/subcommands.h"
#include "tools/verify.h"

namespace mandelbrot {
namespace {

class VerifyCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("FILE", paths_, "PNG files written by this program")->required()->type_name("");
  }

  // 0 every file verified, 1 some file's render differs, 2 some file could not
  // be verified (as `compare`: an error is never mistaken for a difference).
  // Every file is tried, and each gets its line.
  int run() override {
    bool error = false;
    bool different = false;
    for (const std::string& path : paths_) {
      VerifyResult result;
      if (Status s = verify_file(path, &result); !s.ok()) {
        report_error(s);
        error = true;
        continue;
      }
      different |= !result.match;
      const std::string line =
          result.match ? fmt::format("verified: {} ({})\n", path, result.rendered_hash)
                       : fmt::format("DIFFERENT: {}: it carries {}, its parameters render {}\n",
                                     path, result.embedded_hash, result.rendered_hash);
      if (Status s = write_stdout(line); !s.ok()) {
        report_error(s);
        return kExitUsage;
      }
    }
    return error ? kExitUsage : different ? kExitFailure : kExitSuccess;
  }

 private:
  std::vector<std::string> paths_;
};

}  // namespace

const char* const kVerifyFooter =
    R"(Each PNG this program writes carries its render parameters and the content
hash of its counts; verify renders each file again from those parameters (any
kernel, all cores) and checks the hash, so one command checks a folder of goldens.
Exit codes: 0 all verified, 1 some render differs, 2 some file cannot be verified.

Examples:
  mandelbrot verify golden.png
  mandelbrot verify goldens/*.png)";

std::unique_ptr<Command> make_verify_command() { return std::make_unique<VerifyCommand>(); }

}  // namespace mandelbrot

// argv -> the subcommand that runs, with CLI11, from the table of subcommands.
#include "app/cli.h"

#include <fmt/format.h>

#include <cstdio>
#include <sstream>
#include <vector>

#include "app/exit_code.h"
#include "app/subcommands.h"
#include "base/version.h"

namespace mandelbrot {
namespace {

constexpr const char* kConfigHelp =
    "Read render options from a TOML file (keys are the long option names, e.g. iter = 500); "
    "options on the command line win";

}  // namespace

Status parse_command_line(int argc, const char* const* argv, CommandLine* command_line) {
  CLI::App app("Renders the Mandelbrot set and its relatives, exactly and fast.", "mandelbrot");
  app.set_version_flag("--version", std::string("mandelbrot ") + kVersion);
  app.require_subcommand(0, 1);

  // The bare command renders: the first row of the table gives the root its options.
  const std::span<const Subcommand> table = subcommands();
  std::unique_ptr<Command> root = table.front().make();
  root->add_options(app);
  app.footer(table.front().footer);
  app.set_config("--config", "", kConfigHelp);

  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> subs;
  for (const Subcommand& row : table) {
    CLI::App* sub = app.add_subcommand(row.name, row.help);
    sub->footer(row.footer);
    std::unique_ptr<Command> command = row.make();
    command->add_options(*sub);
    subs.emplace_back(sub, std::move(command));
  }

  CommandLine result;
  result.name = table.front().name;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) return invalid_argument("{}", e.what());
    std::ostringstream out;
    std::ostringstream err;
    app.exit(e, out, err);
    result.text = out.str() + err.str();
    *command_line = std::move(result);
    return Status();
  }
  result.command = std::move(root);
  for (auto& [sub, command] : subs) {
    if (sub->parsed()) {
      result.name = sub->get_name();
      result.command = std::move(command);
    }
  }
  *command_line = std::move(result);
  return Status();
}

int run_command_line(int argc, char** argv) {
  CommandLine command_line;
  if (Status s = parse_command_line(argc, argv, &command_line); !s.ok()) {
    fmt::print(stderr, "mandelbrot: error: {} (see mandelbrot --help)\n", s.message());
    return exit_code_of(s);
  }
  if (!command_line.command) {
    if (Status s = write_stdout(command_line.text); !s.ok()) return report_error(s);
    return kExitSuccess;
  }
  return command_line.command->run();
}

}  // namespace mandelbrot

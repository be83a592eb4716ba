// argv -> the subcommand that runs, with CLI11, from the table of subcommands.
#include "app/cli.h"

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <sstream>
#include <string_view>
#include <vector>

#include "app/cli_errors.h"
#include "app/config_file.h"
#include "app/config_options.h"
#include "app/exit_code.h"
#include "app/subcommands.h"
#include "base/version.h"

namespace mandelbrot {
namespace {

// The options of a --config file, when the command that runs takes one and it
// was given (docs/RELIABILITY.md "Config files").
Status apply_config_option(CLI::App& app) {
  const CLI::Option* config = app.get_option_no_throw("--config");
  if (config == nullptr || config->count() == 0) return Status();
  const std::string path = config->as<std::string>();
  std::vector<ConfigEntry> entries;
  if (Status s = read_config_file(path, &entries); !s.ok()) return s;
  return apply_config(entries, path, app);
}

// The bare command's options belong to it alone: given before a subcommand's
// name they would be silently dropped, so they are an error.
Status check_no_root_options(const CLI::App& app, const CLI::App& chosen) {
  if (&chosen == &app) return Status();
  for (const CLI::Option* option : app.get_options()) {
    if (option->count() > 0) {
      return invalid_argument("{} is given before '{}': options go after the subcommand",
                              option->get_name(), chosen.get_name());
    }
  }
  return Status();
}

// "mandelbrot", or "mandelbrot NAME" when the subcommand NAME was named.
std::string help_command(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->parsed()) return "mandelbrot " + sub->get_name();
  }
  return "mandelbrot";
}

// The command-line tree: the bare command with the first row's options, and a
// subcommand for each row. Only the row named `only` gets its options (every
// row when `only` is null); the others take any arguments, for a first parse
// that just finds which subcommand argv names.
struct Tree {
  std::unique_ptr<CLI::App> app;
  std::unique_ptr<Command> root;
  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> subs;
};

Tree build_tree(const char* only) {
  Tree tree;
  tree.app = std::make_unique<CLI::App>(
      "Renders the Mandelbrot set and its relatives, exactly and fast.", "mandelbrot");
  CLI::App& app = *tree.app;
  app.set_version_flag("--version", std::string("mandelbrot ") + kVersion);
  app.require_subcommand(0, 1);

  // The bare command renders: the first row of the table gives the root its options.
  const std::span<const Subcommand> table = subcommands();
  tree.root = table.front().make();
  tree.root->add_options(app);
  app.footer(table.front().footer);

  for (const Subcommand& row : table) {
    CLI::App* sub = app.add_subcommand(row.name, row.help);
    sub->footer(row.footer);
    std::unique_ptr<Command> command = row.make();
    if (only == nullptr || std::string_view(only) == row.name) {
      command->add_options(*sub);
    } else {
      sub->allow_extras();
    }
    tree.subs.emplace_back(sub, std::move(command));
  }
  return tree;
}

// The subcommand argv names ("" for the bare command), from a parse of a tree
// whose subcommands have no options: most of the start-up of a short render
// was building every subcommand's options (docs/PERFORMANCE.md, "Start-up").
// Null when that parse stops (help, version, or an error), so that the whole
// tree parses again and says what it would have said.
const char* named_subcommand(int argc, const char* const* argv, const Tree& probe) {
  try {
    probe.app->parse(argc, argv);
  } catch (const CLI::ParseError&) {
    return nullptr;
  }
  for (const auto& [sub, command] : probe.subs) {
    if (sub->parsed()) {
      for (const Subcommand& row : subcommands()) {
        if (sub->get_name() == row.name) return row.name;
      }
    }
  }
  return "";
}

}  // namespace

Status parse_command_line(int argc, const char* const* argv, CommandLine* command_line) {
  // For the bare command (a render) the first parse is the parse; otherwise the
  // tree is built again with the named subcommand's options, or with all of
  // them when the first parse stopped.
  Tree tree = build_tree("");
  const char* named = named_subcommand(argc, argv, tree);
  CommandLine result;
  result.name = subcommands().front().name;
  if (named == nullptr || *named != '\0') {
    tree = build_tree(named);
    try {
      tree.app->parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() != 0) {
        command_line->help_command = help_command(*tree.app);
        return cli_error_status(e, *tree.app);
      }
      std::ostringstream out;
      std::ostringstream err;
      tree.app->exit(e, out, err);
      result.text = out.str() + err.str();
      *command_line = std::move(result);
      return Status();
    }
  }
  CLI::App& app = *tree.app;
  result.command = std::move(tree.root);
  CLI::App* chosen = &app;
  for (auto& [sub, command] : tree.subs) {
    if (sub->parsed()) {
      result.name = sub->get_name();
      result.command = std::move(command);
      chosen = sub;
    }
  }
  result.help_command = help_command(app);
  Status s = check_no_root_options(app, *chosen);
  if (s.ok()) s = apply_config_option(*chosen);
  if (!s.ok()) {
    command_line->help_command = result.help_command;
    return s;
  }
  *command_line = std::move(result);
  return Status();
}

int run_command_line(int argc, char** argv, const Runtime& runtime) {
  CommandLine command_line;
  if (Status s = parse_command_line(argc, argv, &command_line); !s.ok()) {
    fmt::print(stderr, "mandelbrot: error: {} (see {} --help)\n", s.message(),
               command_line.help_command);
    return exit_code_of(s);
  }
  if (!command_line.command) {
    if (Status s = write_stdout(command_line.text); !s.ok()) return report_error(s);
    return kExitSuccess;
  }
  if (runtime.processes > 1 && command_line.name != "render" && command_line.name != "zoom") {
    return report_error(unsupported(
        "'mandelbrot {}' does not run across MPI processes ({} were started); run it as one "
        "process",
        command_line.name, runtime.processes));
  }
  command_line.command->use_runtime(runtime);
  return command_line.command->run();
}

}  // namespace mandelbrot

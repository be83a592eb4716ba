#include "app/cli_errors.h"

#include <regex>
#include <string>
#include <vector>

#include "base/suggest.h"

namespace mandelbrot {
namespace {

// The subcommand that was being parsed: the one named on the command line, or the root.
const CLI::App& parsed_app(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->parsed()) return *sub;
  }
  return app;
}

// "--size", "-o", ... for every option of `app`.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// Words that were not options or arguments of the command (CLI11's ExtrasError).
Status extras_status(const CLI::App& app) {
  const CLI::App& parsed = parsed_app(app);
  std::vector<std::string> extras = parsed.remaining();
  if (extras.empty()) extras = app.remaining(true);
  for (const std::string& word : extras) {
    if (word.size() > 1 && word[0] == '-') {
      const std::string option = word.substr(0, word.find('='));
      return invalid_argument("unknown option '{}'{}", option,
                              did_you_mean(option, option_names(parsed)));
    }
  }
  if (extras.empty()) return invalid_argument("unexpected arguments");
  if (&parsed == &app) {
    // The bare command takes no arguments: a word there was meant as a subcommand.
    return invalid_argument("unknown subcommand '{}'{}", extras.front(),
                            did_you_mean(extras.front(), subcommand_names(app)));
  }
  return invalid_argument("unexpected argument '{}' ({} takes no more)", extras.front(),
                          parsed.get_name());
}

// One CLI11 message and our wording of it: $1, $2 are the pattern's groups.
struct Rewording {
  const char* pattern;
  const char* ours;
};

// Every text of CLI11 2.1's ParseError classes that this command line can
// meet (ExtrasError is handled above, from the words themselves).
constexpr Rewording kRewordings[] = {
    // ArgumentMismatch
    {R"((.+): At Most 1 required but received (\d+))", "$1 is given $2 times; give it once"},
    {R"((.+): At least \d+ required but received \d+)", "$1 needs a value"},
    {R"((.+): \d+ required .* missing)", "$1 needs a value"},
    {R"(Expected (?:exactly|at least) \d+ arguments? to (.+), got \d+)", "$1 needs a value"},
    {R"((.+) was given a disallowed flag override)", "$1 takes no value"},
    // RequiredError
    {R"(A subcommand)", "missing a subcommand"},
    {R"((.+) is required)", "missing the argument $1"},
    // ExcludesError, RequiresError
    {R"((.+) excludes (.+))", "$1 and $2 cannot be given together"},
    {R"((.+) requires (.+))", "$1 needs $2"},
    // ConversionError
    {R"((.+): too many inputs for a flag)", "$1 takes no value"},
    {R"((.+): Should be true/false or a number)", "$1 takes no value"},
    {R"(The value (.*) is not an allowed value for (.+))", "$2 cannot be '$1'"},
    {R"(Could not convert: (.+) = (.*))", "$1 cannot be '$2'"},
    // FileError
    {R"((.+) was not readable \(missing\?\))", "cannot read '$1'"},
};

}  // namespace

Status cli_error_status(const CLI::ParseError& error, const CLI::App& app) {
  // ExtrasError's get_name() is the app's name when a subcommand throws it.
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) return extras_status(app);
  const std::string what = error.what();
  for (const Rewording& r : kRewordings) {
    const std::regex pattern(r.pattern);
    if (std::regex_match(what, pattern)) {
      return invalid_argument("{}", std::regex_replace(what, pattern, r.ours));
    }
  }
  // ValidationError ("NAME: what is wrong") and the texts CLI11 keeps for
  // misuse of the library itself (InvalidError, HorribleError): as they are.
  return invalid_argument("{}", what);
}

}  // namespace mandelbrot

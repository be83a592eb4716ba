#include "app/config_options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>

#include "base/suggest.h"

namespace mandelbrot {
namespace {

bool configurable(const CLI::Option& option) {
  if (option.get_lnames().empty()) return false;  // a positional argument
  const std::string& name = option.get_lnames().front();
  return name != "help" && name != "version" && name != "config";
}

// What an option's value must be in a config file, from how the option is declared.
enum class ValueKind { kFlag, kInteger, kList, kScalar };

ValueKind value_kind(const CLI::Option& option) {
  if (option.get_expected_max() == 0) return ValueKind::kFlag;  // add_flag()
  const std::string type = option.get_type_name();
  if (type == "N" || type == "D") return ValueKind::kInteger;
  if (type.find(',') != std::string::npos) return ValueKind::kList;
  return ValueKind::kScalar;
}

std::string_view expected_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::kFlag:
      return "true or false";
    case ValueKind::kInteger:
      return "an integer";
    case ValueKind::kList:
      return "a string like \"1.5,2\" or an array of numbers";
    case ValueKind::kScalar:
      break;
  }
  return "a string or a number";
}

bool is_number(const ConfigEntry& e) {
  return e.kind == ConfigEntry::Kind::kInteger || e.kind == ConfigEntry::Kind::kFloat;
}

// The entry's value as the text typed after the option, or false when its type is wrong.
bool option_text(const ConfigEntry& e, ValueKind kind, std::string* text) {
  switch (kind) {
    case ValueKind::kFlag:
      *text = e.text;
      return e.kind == ConfigEntry::Kind::kBoolean;
    case ValueKind::kInteger:
      *text = e.text;
      return e.kind == ConfigEntry::Kind::kInteger;
    case ValueKind::kList:
      if (e.kind == ConfigEntry::Kind::kArray) {
        std::vector<std::string> items;
        for (const ConfigEntry& item : e.items) {
          if (!is_number(item)) return false;
          items.push_back(item.text);
        }
        *text = fmt::format("{}", fmt::join(items, ","));
        return !items.empty();
      }
      *text = e.text;
      return e.kind == ConfigEntry::Kind::kString;
    case ValueKind::kScalar:
      *text = e.text;
      return e.kind == ConfigEntry::Kind::kString || is_number(e);
  }
  return false;
}

}  // namespace

std::vector<std::string> config_keys(const CLI::App& app) {
  std::vector<std::string> keys;
  for (const CLI::Option* option : app.get_options()) {
    if (configurable(*option)) keys.push_back(option->get_lnames().front());
  }
  return keys;
}

Status apply_config(const std::vector<ConfigEntry>& entries, const std::string& file,
                    CLI::App& app) {
  const std::vector<std::string> keys = config_keys(app);
  std::set<const CLI::Option*> on_command_line;
  for (const CLI::Option* option : app.get_options()) {
    if (option->count() > 0) on_command_line.insert(option);
  }
  std::map<const CLI::Option*, const ConfigEntry*> from_config;
  for (const ConfigEntry& e : entries) {
    CLI::Option* option = app.get_option_no_throw("--" + e.key);
    if (option == nullptr || !configurable(*option)) {
      return invalid_argument("{}:{}: unknown key '{}'{}", file, e.line, e.key,
                              did_you_mean(e.key, keys));
    }
    const ValueKind kind = value_kind(*option);
    std::string text;
    if (!option_text(e, kind, &text)) {
      return invalid_argument("{}:{}: '{}' must be {}, not {}", file, e.line, e.key,
                              expected_name(kind), config_kind_name(e.kind));
    }
    bool overridden = on_command_line.count(option) > 0;
    for (const CLI::Option* excluded : option->get_excludes()) {
      if (on_command_line.count(excluded) > 0) overridden = true;
      if (auto other = from_config.find(excluded); other != from_config.end()) {
        return invalid_argument("{}:{}: '{}' and '{}' (line {}) exclude each other", file, e.line,
                                e.key, other->second->key, other->second->line);
      }
    }
    from_config[option] = &e;
    if (overridden) continue;                                   // the command line wins
    if (kind == ValueKind::kFlag && text == "false") continue;  // flags are off unless given
    try {
      option->add_result(text);
      option->run_callback();
    } catch (const CLI::ParseError& error) {
      return invalid_argument("{}:{}: '{}': {}", file, e.line, e.key, error.what());
    }
  }
  return Status();
}

}  // namespace mandelbrot

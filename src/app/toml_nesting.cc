#include "app/toml_nesting.h"

#include <vector>

namespace mandelbrot {
namespace {

// Reads TOML a character at a time, knowing only what nesting needs: whether a
// key or a value is being read, the brackets open in the value, strings and
// comments to skip.
class NestingScanner {
 public:
  explicit NestingScanner(std::string_view text) : text_(text) {}

  // The deepest statement, and the line (from 1) where it reaches that depth.
  void scan(int* deepest, int* line_of_deepest) {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"' || c == '\'') {
        skip_string(c);
        continue;
      }
      ++pos_;
      if (c == '#') {
        skip_comment();
      } else if (c == '\n') {
        ++line_;
        if (open_.empty()) start_statement();
      } else if (in_key_ && c == '.') {
        ++key_parts_;
      } else if (in_key_ && c == '=') {
        in_key_ = false;
      } else if (at_statement_start_ && c == '[') {
        in_header_ = true;  // [table] or [[array.of.tables]]: its dots count as key parts
        in_key_ = true;
      } else if (in_header_ && c == ']') {
        in_key_ = false;
      } else if (!in_key_ && (c == '[' || c == '{')) {
        open_.push_back(c);
        in_key_ = c == '{';  // an inline table starts with a key
      } else if (!in_key_ && (c == ']' || c == '}') && !open_.empty()) {
        open_.pop_back();
      } else if (!in_key_ && c == ',' && !open_.empty() && open_.back() == '{') {
        in_key_ = true;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') at_statement_start_ = false;
      const int depth = key_parts_ + static_cast<int>(open_.size());
      if (depth > deepest_) {
        deepest_ = depth;
        line_of_deepest_ = line_;
      }
    }
    *deepest = deepest_;
    *line_of_deepest = line_of_deepest_;
  }

 private:
  void start_statement() {
    in_key_ = true;
    in_header_ = false;
    at_statement_start_ = true;
    key_parts_ = 1;
  }

  void skip_comment() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  // A string starting at pos_ with `quote`: "basic" (backslash escapes),
  // 'literal', and their multi-line forms """...""" and '''...'''.
  void skip_string(char quote) {
    at_statement_start_ = false;
    const std::string_view triple = quote == '"' ? "\"\"\"" : "'''";
    const bool multi_line = text_.substr(pos_, 3) == triple;
    pos_ += multi_line ? 3 : 1;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (multi_line ? text_.substr(pos_, 3) == triple : c == quote) {
        pos_ += multi_line ? 3 : 1;
        return;
      }
      if (c == '\n') {
        if (!multi_line) return;  // unterminated: the parser reports it
        ++line_;
      }
      if (c == '\\' && quote == '"' && pos_ + 1 < text_.size()) {
        ++pos_;  // the escaped character, which cannot end the string
        if (text_[pos_] == '\n') ++line_;
      }
      ++pos_;
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  std::vector<char> open_;  // '[' and '{' open in the current value
  bool in_key_ = true;
  bool in_header_ = false;
  bool at_statement_start_ = true;
  int key_parts_ = 1;
  int deepest_ = 0;
  int line_of_deepest_ = 1;
};

}  // namespace

Status check_toml_nesting(std::string_view text, const std::string& name, int max_depth) {
  NestingScanner scanner(text);
  int deepest = 0;
  int line = 1;
  scanner.scan(&deepest, &line);
  if (deepest > max_depth) {
    return invalid_argument("{}:{}: nested deeper than {} levels (keys, tables and arrays)", name,
                            line, max_depth);
  }
  return Status();
}

}  // namespace mandelbrot

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

  // The first line (from 1) where a statement nests deeper than max_depth, or 0.
  int first_line_deeper_than(int max_depth) {
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
        key_parts_ = 1;
      } else if (in_header_ && in_key_ && c == ']') {
        in_key_ = false;
        header_parts_ = key_parts_;  // the keys below the header are inside its table
      } else if (!in_key_ && (c == '[' || c == '{')) {
        open_.push_back(c);
        in_key_ = c == '{';  // an inline table starts with a key
      } else if (!in_key_ && (c == ']' || c == '}') && !open_.empty()) {
        open_.pop_back();
      } else if (!in_key_ && c == ',' && !open_.empty() && open_.back() == '{') {
        in_key_ = true;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') at_statement_start_ = false;
      // A newline starts the next statement, whose depth counts on its own line.
      if (c != '\n' && key_parts_ + static_cast<int>(open_.size()) > max_depth) return line_;
    }
    return 0;
  }

 private:
  void start_statement() {
    in_key_ = true;
    in_header_ = false;
    at_statement_start_ = true;
    key_parts_ = header_parts_ + 1;
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
  int key_parts_ = 1;     // of the key being read, with its table's
  int header_parts_ = 0;  // of the last [table] header
};

}  // namespace

Status check_toml_nesting(std::string_view text, const std::string& name, int max_depth) {
  const int line = NestingScanner(text).first_line_deeper_than(max_depth);
  if (line > 0) {
    return invalid_argument("{}:{}: nested deeper than {} levels (keys, tables and arrays)", name,
                            line, max_depth);
  }
  return Status();
}

}  // namespace mandelbrot

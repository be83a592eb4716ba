// The config file: TOML read within bounds (config_file.h, toml_nesting.h) and
// mapped onto options (config_options.h), through parse_command_line().
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/config_file.h"
#include "app/render_command.h"
#include "app/toml_nesting.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

std::string deep_header(int levels) {
  std::string header = "[a";
  for (int i = 1; i < levels; ++i) header += ".a";
  return header + "]\nx = 1\n";
}

TEST(TomlNesting, CountsKeyPartsHeadersAndBrackets) {
  EXPECT_TRUE(check_toml_nesting("a = 1\nb = [1, [2, 3]]\n", "c", 3).ok());
  EXPECT_FALSE(check_toml_nesting("b = [1, [2, [3]]]\n", "c", 3).ok());
  EXPECT_TRUE(check_toml_nesting("[a.b]\nc = 1\n[d]\ne = 1\n", "c", 3).ok());
  EXPECT_FALSE(check_toml_nesting("[a.b]\nc.d = 1\n", "c", 3).ok());  // a.b.c.d
  EXPECT_FALSE(check_toml_nesting("[a.b.c]\n", "c", 2).ok());
  EXPECT_TRUE(check_toml_nesting("[[a.b]]\nc = 1\n", "c", 3).ok());
  EXPECT_FALSE(check_toml_nesting("a.b.c = 1\n", "c", 2).ok());
  EXPECT_FALSE(check_toml_nesting("a = {b = {c = 1}}\n", "c", 2).ok());
}

TEST(TomlNesting, IgnoresStringsCommentsAndNumbers) {
  const char* text =
      "radius = 0.002  # a.b.c.d [[[[\n"
      "name = \"[[[[a.b.c.d\\\"]]]]\"\n"
      "lit = '[[[.'\n"
      "multi = \"\"\"\n[[[[.\n.\"\"\"\n"
      "multi2 = '''\n{{{{\n'''\n"
      "t = 1979-05-27T07:32:00.5Z\n";
  EXPECT_TRUE(check_toml_nesting(text, "c", 1).ok());
}

TEST(TomlNesting, NamesTheLineOfTheDeepestStatement) {
  const Status s = check_toml_nesting("a = 1\nb = 2\n[x.y.z.w]\n", "v.toml", 3);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "v.toml:3: nested deeper than 3 levels (keys, tables and arrays)");
}

TEST(ConfigFile, DeepHeaderIsRefusedQuickly) {
  // 5,000 levels took 0.8 GB and 4.5 s in CLI11's reader (docs/RELIABILITY.md, item 11).
  const std::string text = deep_header(5000);
  std::vector<ConfigEntry> entries;
  const auto start = std::chrono::steady_clock::now();
  const Status s = parse_config_text(text, "deep.toml", &entries);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("deep.toml:1: nested deeper than 8 levels"), std::string::npos)
      << s.message();
  EXPECT_LT(seconds, 0.1);
}

TEST(ConfigFile, SizeIsBounded) {
  std::string text;
  while (text.size() <= kMaxConfigBytes) text += "# a comment line of forty characters ...\n";
  std::vector<ConfigEntry> entries;
  const Status s = parse_config_text(text, "big.toml", &entries);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("too large for a config file"), std::string::npos) << s.message();
}

TEST(ConfigFile, EntriesInFileOrderWithLinesAndTexts) {
  std::vector<ConfigEntry> entries;
  ASSERT_TRUE(parse_config_text("size = 50\n# c\nradius = 0.000_25\ncenter = [-0.75, 1e-3]\n"
                                "colormap = 'gray'\njson = true\n",
                                "v.toml", &entries)
                  .ok());
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].key, "size");
  EXPECT_EQ(entries[0].kind, ConfigEntry::Kind::kInteger);
  EXPECT_EQ(entries[0].text, "50");
  EXPECT_EQ(entries[1].key, "radius");
  EXPECT_EQ(entries[1].line, 3);
  EXPECT_EQ(entries[1].text, "0.00025");  // as written, without the separator
  EXPECT_EQ(entries[2].kind, ConfigEntry::Kind::kArray);
  ASSERT_EQ(entries[2].items.size(), 2u);
  EXPECT_EQ(entries[2].items[0].text, "-0.75");
  EXPECT_EQ(entries[2].items[1].text, "1e-3");
  EXPECT_EQ(entries[3].text, "gray");
  EXPECT_EQ(entries[4].kind, ConfigEntry::Kind::kBoolean);
}

TEST(ConfigFile, InvalidUtf8IsRefusedBeforeParsing) {
  // toml11 3.7 read past its buffer on this (a Latin-1 literal string).
  std::vector<ConfigEntry> entries;
  const Status s = parse_config_text(
      "size = 50\ncenter = '0,\xff\xff"
      "0'\n",
      "v.toml", &entries);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "v.toml:2: not UTF-8 (byte 0xff at offset 22); TOML files are UTF-8");
}

TEST(ConfigFile, SyntaxErrorsNameFileAndLineOnOneLine) {
  std::vector<ConfigEntry> entries;
  const Status s = parse_config_text("size = 50\niter = \n", "v.toml", &entries);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("v.toml:2: ", 0), 0u) << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
}

// parse_command_line() with a config file written to a scratch path: a
// directory of its own per test, since ctest runs the tests in parallel.
class ConfigCommandLine : public ::testing::Test {
 protected:
  Status parse(const std::string& toml, std::initializer_list<const char*> args) {
    std::ofstream(path_) << toml;
    std::vector<const char*> argv = {"mandelbrot"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--config");
    argv.push_back(path_.c_str());
    return parse_command_line(static_cast<int>(argv.size()), argv.data(), &command_);
  }

  const RenderOptions& options() const {
    return dynamic_cast<const RenderCommand&>(*command_.command).options;
  }

  testing::ScratchDir dir_;
  std::string path_ = dir_.file("config_test.toml");
  CommandLine command_;
};

TEST_F(ConfigCommandLine, KeysAreLongOptionNames) {
  ASSERT_TRUE(parse("size = 50\niter = 300\ncenter = [-0.75, 0.1]\nradius = 0.05\n"
                    "colormap = \"gray\"\nno-shortcuts = true\njson = false\noutput = 'x.npy'\n",
                    {})
                  .ok());
  EXPECT_EQ(options().size, "50");
  EXPECT_EQ(options().iterations, "300");
  EXPECT_EQ(options().center, "-0.75,0.1");
  EXPECT_EQ(options().radius, "0.05");
  EXPECT_EQ(options().colour_map, "gray");
  EXPECT_TRUE(options().no_shortcuts);
  EXPECT_FALSE(options().json);
  EXPECT_EQ(options().output, "x.npy");
}

TEST_F(ConfigCommandLine, RenderSubcommandTakesAConfigToo) {
  ASSERT_TRUE(parse("iter = 300\n", {"render"}).ok());
  EXPECT_EQ(command_.name, "render");
  EXPECT_EQ(options().iterations, "300");
}

TEST_F(ConfigCommandLine, CommandLineWins) {
  ASSERT_TRUE(parse("iter = 300\ncenter = \"1,1\"\nsize = 50\n",
                    {"--iter", "400", "--region", "-2,1,-1.5,1.5", "--width", "30"})
                  .ok());
  EXPECT_EQ(options().iterations, "400");
  EXPECT_EQ(options().region, "-2,1,-1.5,1.5");
  EXPECT_FALSE(options().center);  // excluded by --region
  EXPECT_EQ(options().width, "30");
  EXPECT_FALSE(options().size);  // excluded by --width
}

TEST_F(ConfigCommandLine, UnknownKeyNamesKeyLineAndSuggestion) {
  const Status s = parse("size = 50\niterr = 500\n", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path_ + ":2: unknown key 'iterr' (did you mean iter?)");
  const Status table = parse("[render]\niter = 5\n", {});
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.message(), path_ + ":1: unknown key 'render'");
  EXPECT_FALSE(parse("config = 'other.toml'\n", {}).ok());
  EXPECT_FALSE(parse("help = true\n", {}).ok());
}

TEST_F(ConfigCommandLine, WrongTypesNameKeyLineAndExpectedType) {
  const Status s = parse("\nsize = \"64\"\n", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path_ + ":2: 'size' must be an integer, not a string");
  const Status flag = parse("json = 1\n", {});
  ASSERT_FALSE(flag.ok());
  EXPECT_EQ(flag.message(), path_ + ":1: 'json' must be true or false, not an integer");
  const Status list = parse("center = [1, 'a']\n", {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(
      list.message(),
      path_ + ":1: 'center' must be a string like \"1.5,2\" or an array of numbers, not an array");
  EXPECT_FALSE(parse("colormap = [1]\n", {}).ok());
}

TEST_F(ConfigCommandLine, KeysThatExcludeEachOtherAreAnError) {
  const Status s = parse("center = '0,0'\nregion = '-1,1,-1,1'\n", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path_ + ":2: 'region' and 'center' (line 1) exclude each other");
}

TEST(ConfigCommandLineFile, MissingFileSaysWhy) {
  std::vector<const char*> argv = {"mandelbrot", "--config", "/nonexistent/view.toml"};
  CommandLine c;
  const Status s = parse_command_line(3, argv.data(), &c);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(),
            "--config: cannot read '/nonexistent/view.toml': No such file or directory");
}

}  // namespace
}  // namespace mandelbrot

#include "app/cli.h"

#include "app/render_command.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

namespace mandelbrot {
namespace {

Status parse(std::initializer_list<const char*> args, CommandLine* command) {
  std::vector<const char*> argv = {"mandelbrot"};
  argv.insert(argv.end(), args.begin(), args.end());
  return parse_command_line(static_cast<int>(argv.size()), argv.data(), command);
}

// The render options of a parsed render command line.
const RenderOptions& render_options(const CommandLine& c) {
  const auto* render = dynamic_cast<const RenderCommand*>(c.command.get());
  EXPECT_NE(render, nullptr) << c.name;
  static const RenderOptions none;
  return render ? render->options : none;
}

TEST(Cli, NoArgumentsRendersWithDefaults) {
  CommandLine c;
  ASSERT_TRUE(parse({}, &c).ok());
  EXPECT_EQ(c.name, "render");
  EXPECT_FALSE(render_options(c).size);
  EXPECT_FALSE(render_options(c).iterations);
  EXPECT_FALSE(render_options(c).output);  // the plan names it after the format
}

TEST(Cli, OptionsKeepTheirTextForThePlan) {
  CommandLine c;
  ASSERT_TRUE(
      parse({"--size",     "64",   "--iter",    "7", "--center", "-0.75,0.1", "--radius", "0.5",
             "--bailout",  "2",    "--threads", "3", "-o",       "-",         "--format", "npy",
             "--colormap", "gray", "--json",    "-q"},
            &c)
          .ok());
  EXPECT_EQ(render_options(c).size, "64");
  EXPECT_EQ(render_options(c).iterations, "7");
  EXPECT_EQ(render_options(c).center, "-0.75,0.1");  // a leading minus is a value, not an option
  EXPECT_EQ(render_options(c).radius, "0.5");
  EXPECT_EQ(render_options(c).bailout, "2");
  EXPECT_EQ(render_options(c).threads, "3");
  EXPECT_EQ(render_options(c).output, "-");
  EXPECT_EQ(render_options(c).format, "npy");
  EXPECT_EQ(render_options(c).colour_map, "gray");
  EXPECT_TRUE(render_options(c).json);
  EXPECT_TRUE(render_options(c).quiet);
}

TEST(Cli, RenderSubcommandTakesTheSameOptions) {
  CommandLine c;
  ASSERT_TRUE(parse({"render", "--region", "-2,1,-1.5,1.5", "--width", "30"}, &c).ok());
  EXPECT_EQ(c.name, "render");
  EXPECT_EQ(render_options(c).region, "-2,1,-1.5,1.5");
  EXPECT_EQ(render_options(c).width, "30");
}

TEST(Cli, ExclusiveOptionsAreUsageErrors) {
  CommandLine c;
  Status s = parse({"--region", "-2,1,-1.5,1.5", "--center", "0,0"}, &c);
  EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "--region and --center cannot be given together");
  EXPECT_TRUE(parse({"--region", "-2,1,-1.5,1.5", "--radius", "1"}, &c).code() ==
              StatusCode::kInvalidArgument);
  EXPECT_TRUE(parse({"--size", "5", "--width", "5"}, &c).code() == StatusCode::kInvalidArgument);
  EXPECT_TRUE(parse({"--size", "5", "--height", "5"}, &c).code() == StatusCode::kInvalidArgument);
}

TEST(Cli, UnknownOptionsAndMissingValuesAreUsageErrors) {
  CommandLine c;
  EXPECT_TRUE(parse({"--sise", "5"}, &c).code() == StatusCode::kInvalidArgument);
  EXPECT_TRUE(parse({"--size"}, &c).code() == StatusCode::kInvalidArgument);
  EXPECT_TRUE(parse({"stray"}, &c).code() == StatusCode::kInvalidArgument);
}

TEST(Cli, HelpAndVersionArePrinted) {
  CommandLine c;
  ASSERT_TRUE(parse({"--help"}, &c).ok());
  EXPECT_EQ(c.command, nullptr);
  EXPECT_NE(c.text.find("--iter"), std::string::npos);
  EXPECT_NE(c.text.find("Examples:"), std::string::npos);
  ASSERT_TRUE(parse({"render", "--help"}, &c).ok());
  EXPECT_NE(c.text.find("--colormap"), std::string::npos);
  EXPECT_NE(c.text.find("--iter"), std::string::npos);
  ASSERT_TRUE(parse({"info", "--help"}, &c).ok());
  EXPECT_NE(c.text.find("mandelbrot info out.png"), std::string::npos);
  EXPECT_EQ(c.text.find("--iter"), std::string::npos) << "info --help shows render options";
  ASSERT_TRUE(parse({"--version"}, &c).ok());
  EXPECT_EQ(c.text.rfind("mandelbrot ", 0), 0u);
}

TEST(Cli, EverySubcommandOfTheTableParses) {
  CommandLine c;
  ASSERT_TRUE(parse({"add", "1", "2"}, &c).ok());
  EXPECT_EQ(c.name, "add");
  ASSERT_TRUE(parse({"dot", "1,2", "3,4"}, &c).ok());
  EXPECT_EQ(c.name, "dot");
  ASSERT_TRUE(parse({"bench", "--size", "8"}, &c).ok());
  EXPECT_EQ(c.name, "bench");
  ASSERT_TRUE(parse({"compare", "a", "b"}, &c).ok());
  EXPECT_EQ(c.name, "compare");
  ASSERT_TRUE(parse({"info", "a"}, &c).ok());
  EXPECT_EQ(c.name, "info");
  ASSERT_TRUE(parse({"verify", "a.png", "b.png"}, &c).ok());
  EXPECT_EQ(c.name, "verify");
  for (const Subcommand& row : subcommands()) {
    ASSERT_TRUE(parse({row.name, "--help"}, &c).ok()) << row.name;
    EXPECT_NE(c.text.find(row.footer), std::string::npos) << row.name;
  }
}

// CLI11's texts in the program's words (app/cli_errors.cc), and where to look.
TEST(Cli, ParseErrorsInOurWords) {
  const std::pair<std::vector<const char*>, std::string> cases[] = {
      {{"--siz", "64"}, "unknown option '--siz' (did you mean --size?)"},
      {{"--size=64", "--hieght=3"}, "unknown option '--hieght' (did you mean --height?)"},
      {{"--size", "64", "--size", "32"}, "--size is given 2 times; give it once"},
      {{"--iter"}, "--iter needs a value"},
      {{"rendr"}, "unknown subcommand 'rendr' (did you mean render?)"},
      {{"info"}, "missing the argument FILE"},
      {{"info", "a", "b"}, "unexpected argument 'b' (info takes no more)"},
      {{"compare", "a", "b", "--max-differnig", "1"},
       "unknown option '--max-differnig' (did you mean --max-differing?)"},
      {{"--size", "4", "--height", "4"}, "--size and --height cannot be given together"},
      {{"--size", "4", "render"},
       "--size is given before 'render': options go after the subcommand"},
      {{"--json", "info", "a"}, "--json is given before 'info': options go after the subcommand"},
  };
  for (const auto& [args, message] : cases) {
    std::vector<const char*> argv = {"mandelbrot"};
    argv.insert(argv.end(), args.begin(), args.end());
    CommandLine c;
    const Status s = parse_command_line(static_cast<int>(argv.size()), argv.data(), &c);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << message;
    EXPECT_EQ(s.message(), message);
  }
  CommandLine c;
  std::vector<const char*> argv = {"mandelbrot", "compare", "a"};
  ASSERT_FALSE(parse_command_line(3, argv.data(), &c).ok());
  EXPECT_EQ(c.help_command, "mandelbrot compare");
}

}  // namespace
}  // namespace mandelbrot

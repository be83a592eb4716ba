#include "app/cli.h"

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

TEST(Cli, NoArgumentsRendersWithDefaults) {
  CommandLine c;
  ASSERT_TRUE(parse({}, &c).ok());
  EXPECT_EQ(c.action, CommandLine::Action::kRender);
  EXPECT_FALSE(c.render.size);
  EXPECT_FALSE(c.render.iterations);
  EXPECT_EQ(c.render.output, "mandelbrot.png");
}

TEST(Cli, OptionsKeepTheirTextForThePlan) {
  CommandLine c;
  ASSERT_TRUE(
      parse({"--size",     "64",   "--iter",    "7", "--center", "-0.75,0.1", "--radius", "0.5",
             "--bailout",  "2",    "--threads", "3", "-o",       "-",         "--format", "npy",
             "--colormap", "gray", "--json",    "-q"},
            &c)
          .ok());
  EXPECT_EQ(c.render.size, "64");
  EXPECT_EQ(c.render.iterations, "7");
  EXPECT_EQ(c.render.center, "-0.75,0.1");  // a leading minus is a value, not an option
  EXPECT_EQ(c.render.radius, "0.5");
  EXPECT_EQ(c.render.bailout, "2");
  EXPECT_EQ(c.render.threads, "3");
  EXPECT_EQ(c.render.output, "-");
  EXPECT_EQ(c.render.format, "npy");
  EXPECT_EQ(c.render.colour_map, "gray");
  EXPECT_TRUE(c.render.json);
  EXPECT_TRUE(c.render.quiet);
}

TEST(Cli, RenderSubcommandTakesTheSameOptions) {
  CommandLine c;
  ASSERT_TRUE(parse({"render", "--region", "-2,1,-1.5,1.5", "--width", "30"}, &c).ok());
  EXPECT_EQ(c.action, CommandLine::Action::kRender);
  EXPECT_EQ(c.render.region, "-2,1,-1.5,1.5");
  EXPECT_EQ(c.render.width, "30");
}

TEST(Cli, ExclusiveOptionsAreUsageErrors) {
  CommandLine c;
  Status s = parse({"--region", "-2,1,-1.5,1.5", "--center", "0,0"}, &c);
  EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("excludes"), std::string::npos) << s.message();
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
  EXPECT_EQ(c.action, CommandLine::Action::kPrint);
  EXPECT_NE(c.text.find("--iter"), std::string::npos);
  EXPECT_NE(c.text.find("Examples:"), std::string::npos);
  ASSERT_TRUE(parse({"render", "--help"}, &c).ok());
  EXPECT_NE(c.text.find("--colormap"), std::string::npos);
  ASSERT_TRUE(parse({"--version"}, &c).ok());
  EXPECT_EQ(c.text.rfind("mandelbrot ", 0), 0u);
}

}  // namespace
}  // namespace mandelbrot

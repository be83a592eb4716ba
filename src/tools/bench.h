// `mandelbrot bench`: how fast this machine renders, as rates and as ratios to
// the scalar reference measured in the same run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

struct BenchOptions {
  int32_t size = 1024;  // the default view at size x size
  int32_t iterations = 1000;
  int threads = 0;  // 0: all cores
  std::string kernel = "auto";
  int repeats = 3;  // best of, for the fast runs (the scalar run is done once)
};

struct BenchRun {
  std::string label;  // e.g. "avx512, 2 threads, shortcuts"
  std::string kernel;
  int threads = 1;
  bool shortcuts = false;
  double seconds = 0;
};

struct BenchReport {
  BenchOptions options;
  std::string cpu;  // the CPU's model name, or "unknown"
  int64_t pixels = 0;
  int64_t iterations = 0;      // loop passes of the exact semantics over the image
  std::vector<BenchRun> runs;  // scalar first
};

// Runs the scalar reference on one thread, then the chosen kernel on all threads
// without and with shortcuts, and checks that every run gives the reference's
// counts (a failure if not).
Status run_bench(const BenchOptions& options, BenchReport* report);

// The report as a table for people, or as one JSON object.
std::string bench_text(const BenchReport& report);
std::string bench_json(const BenchReport& report);

}  // namespace mandelbrot

#include "tools/bench.h"

#include <fmt/format.h>
#include <omp.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/version.h"
#include "kernel/kernel.h"

namespace mandelbrot {
namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const size_t colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown";
}

// Seconds for the best of `repeats` renders; *out holds the last one's counts.
double time_render(const KernelParams& p, const Kernel& kernel, int threads, int repeats,
                   std::vector<int32_t>* out) {
  double best = 0;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    render_rows(p, kernel, 0, p.height, threads, out->data());
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (i == 0 || s < best) best = s;
  }
  return best;
}

double rate(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0; }

}  // namespace

Status run_bench(const BenchOptions& options, BenchReport* report) {
  KernelParams p;
  p.width = p.height = options.size;
  p.iterations = options.iterations;
  if (Status s = check_kernel_params(p); !s.ok()) return s;
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  Kernel scalar;
  Kernel exact;
  Kernel fast;
  if (Status s = choose_kernel("scalar", false, &scalar); !s.ok()) return s;
  if (Status s = choose_kernel(options.kernel, false, &exact); !s.ok()) return s;
  if (Status s = choose_kernel(options.kernel, true, &fast); !s.ok()) return s;

  BenchReport r;
  r.options = options;
  r.cpu = cpu_model();
  r.pixels = int64_t{p.width} * p.height;
  // Two whole images of counts: the reference and each run's, compared.
  const uint64_t needed = static_cast<uint64_t>(r.pixels) * sizeof(int32_t) * 2;
  const uint64_t memory =
      static_cast<uint64_t>(sysconf(_SC_PHYS_PAGES)) * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  if (needed > memory / 2) {
    return resource_exhausted(
        "bench --size {} needs {:.1f} GiB for two images of counts, more than half of this "
        "machine's {:.1f} GiB",
        p.width, needed / 1073741824.0, memory / 1073741824.0);
  }
  std::vector<int32_t> reference(static_cast<size_t>(r.pixels));
  std::vector<int32_t> counts(reference.size());

  r.runs.push_back({"scalar reference, 1 thread", scalar.name, 1, false,
                    time_render(p, scalar, 1, 1, &reference)});
  for (int32_t c : reference) r.iterations += c == p.iterations - 1 ? p.iterations : c + 2;
  for (const Kernel* k : {&exact, &fast}) {
    const std::string label =
        fmt::format("{}, {} thread{}, {}", k->name, threads, threads == 1 ? "" : "s",
                    k->shortcuts ? "shortcuts" : "no shortcuts");
    const double seconds = time_render(p, *k, threads, options.repeats, &counts);
    if (counts != reference) {
      return io_error("bench: {} gave counts that differ from the scalar reference", label);
    }
    r.runs.push_back({label, k->name, threads, k->shortcuts, seconds});
  }
  *report = std::move(r);
  return Status();
}

std::string bench_text(const BenchReport& r) {
  std::string out = fmt::format(
      "mandelbrot {} bench: default view, {}x{}, {} iterations\nCPU: {}, {} threads available\n"
      "kernels: {}\n\n{:<36} {:>9} {:>10} {:>12} {:>10}\n",
      kVersion, r.options.size, r.options.size, r.options.iterations, r.cpu, omp_get_num_procs(),
      fmt::join(kernel_names(), ", "), "run", "seconds", "Mpixel/s", "Giter/s", "vs scalar");
  const double scalar = r.runs.front().seconds;
  for (const BenchRun& run : r.runs) {
    out += fmt::format("{:<36} {:>9.4f} {:>10.1f} {:>12.3f} {:>9.1f}x\n", run.label, run.seconds,
                       rate(static_cast<double>(r.pixels), run.seconds) / 1e6,
                       rate(static_cast<double>(r.iterations), run.seconds) / 1e9,
                       run.seconds > 0 ? scalar / run.seconds : 0.0);
  }
  out +=
      "\nGiter/s counts the loop passes of the exact semantics (docs/SEMANTICS.md);\n"
      "every run's counts were checked equal to the scalar reference's.\n";
  return out;
}

std::string bench_json(const BenchReport& r) {
  nlohmann::ordered_json j;
  j["version"] = kVersion;
  j["cpu"] = r.cpu;
  j["size"] = r.options.size;
  j["iterations"] = r.options.iterations;
  j["pixels"] = r.pixels;
  j["loop_passes"] = r.iterations;
  const double scalar = r.runs.front().seconds;
  for (const BenchRun& run : r.runs) {
    j["runs"].push_back(
        {{"label", run.label},
         {"kernel", run.kernel},
         {"threads", run.threads},
         {"shortcuts", run.shortcuts},
         {"seconds", run.seconds},
         {"pixels_per_second", rate(static_cast<double>(r.pixels), run.seconds)},
         {"iterations_per_second", rate(static_cast<double>(r.iterations), run.seconds)},
         {"speedup", run.seconds > 0 ? scalar / run.seconds : 0.0}});
  }
  return j.dump();
}

}  // namespace mandelbrot

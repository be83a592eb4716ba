#include "app/mpi_launch.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "app/exit_code.h"

namespace mandelbrot {
namespace {

// The number of processes the launcher started, 0 when not under MPI.
int launched_processes() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_SIZE", "PMI_SIZE"}) {
    if (const char* value = std::getenv(name)) return std::max(1, std::atoi(value));
  }
  for (const char* name : {"PMIX_RANK", "PMI_RANK"}) {
    if (std::getenv(name)) return 1;
  }
  return 0;
}

std::string own_directory() {
  std::string path(4096, '\0');
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
  if (n <= 0) return ".";
  path.resize(static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

int run_mpi_build_if_launched(char** argv) {
  const int processes = launched_processes();
  if (processes == 0) return kExitSuccess;
  const std::string mpi_build = own_directory() + "/mandelbrot-mpi";
  if (::access(mpi_build.c_str(), X_OK) == 0) {
    ::execv(mpi_build.c_str(), argv);
  }
  if (processes == 1) return kExitSuccess;
  fmt::print(stderr,
             "mandelbrot: error: started as one of {} MPI processes, but this build has no MPI "
             "('{}' is missing: install libopenmpi-dev and build again)\n",
             processes, mpi_build);
  return kExitUsage;
}

}  // namespace mandelbrot

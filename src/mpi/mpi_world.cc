#include "mpi/mpi_world.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace mandelbrot {

MpiWorld::MpiWorld(int* argc, char*** argv) {
  MPI_Init(argc, argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiWorld::~MpiWorld() { MPI_Finalize(); }

Status agree(const MpiWorld& world, const Status& mine) {
  const int candidate = mine.ok() ? INT_MAX : world.rank();
  int first = INT_MAX;
  MPI_Allreduce(&candidate, &first, 1, MPI_INT, MPI_MIN, world.comm());
  if (first == INT_MAX) return Status();
  int code = static_cast<int>(mine.code());
  MPI_Bcast(&code, 1, MPI_INT, first, world.comm());
  std::string message = broadcast(world, mine.message(), first);
  if (first > 0) message = fmt::format("rank {}: {}", first, message);
  return Status(static_cast<StatusCode>(code), message);
}

std::string broadcast(const MpiWorld& world, const std::string& text, int root) {
  uint64_t length = text.size();
  MPI_Bcast(&length, 1, MPI_UINT64_T, root, world.comm());
  std::string out = world.rank() == root ? text : std::string(length, '\0');
  MPI_Bcast(out.data(), static_cast<int>(length), MPI_CHAR, root, world.comm());
  return out;
}

void sum_all(const MpiWorld& world, std::vector<uint64_t>* values) {
  MPI_Allreduce(MPI_IN_PLACE, values->data(), static_cast<int>(values->size()), MPI_UINT64_T,
                MPI_SUM, world.comm());
}

void sum_all(const MpiWorld& world, int64_t* values, size_t count) {
  // In slices: an MPI count is an int.
  constexpr size_t kSlice = size_t{1} << 28;
  for (size_t at = 0; at < count; at += kSlice) {
    MPI_Allreduce(MPI_IN_PLACE, values + at, static_cast<int>(std::min(kSlice, count - at)),
                  MPI_INT64_T, MPI_SUM, world.comm());
  }
}

}  // namespace mandelbrot

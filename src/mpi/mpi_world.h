// The MPI processes of a render (docs/SEMANTICS.md, "MPI"): starting and
// ending MPI, and the few collective steps the cluster render needs. Every
// function here is collective: every process calls it, in the same order.
#pragma once

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// MPI_Init in the constructor, MPI_Finalize in the destructor.
class MpiWorld {
 public:
  MpiWorld(int* argc, char*** argv);
  ~MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  MPI_Comm comm() const { return MPI_COMM_WORLD; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

// The same Status on every process: ok when every `mine` is ok, else the
// failure of the lowest-numbered process that failed, prefixed with its rank
// when there are several processes ("rank 1: ...").
Status agree(const MpiWorld& world, const Status& mine);

// The string of process `root`, on every process.
std::string broadcast(const MpiWorld& world, const std::string& text, int root);

// Every process's `value`, in rank order, on every process.
template <typename T>
std::vector<T> gather_all(const MpiWorld& world, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  std::vector<T> all(static_cast<size_t>(world.size()), value);
  MPI_Allgather(&value, sizeof(T), MPI_BYTE, all.data(), sizeof(T), MPI_BYTE, world.comm());
  return all;
}

// Process root's values into `values` on every process, which already has
// their number.
template <typename T>
void broadcast_values(const MpiWorld& world, std::vector<T>& values, int root) {
  static_assert(std::is_trivially_copyable_v<T>);
  constexpr size_t kSlice = size_t{1} << 30;  // an MPI count is an int
  auto* bytes = reinterpret_cast<unsigned char*>(values.data());
  const size_t total = values.size() * sizeof(T);
  for (size_t at = 0; at < total; at += kSlice) {
    MPI_Bcast(bytes + at, static_cast<int>(std::min(kSlice, total - at)), MPI_BYTE, root,
              world.comm());
  }
}

// Element-wise sums over every process, on every process.
void sum_all(const MpiWorld& world, std::vector<uint64_t>* values);
void sum_all(const MpiWorld& world, int64_t* values, size_t count);

}  // namespace mandelbrot

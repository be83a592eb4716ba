#include "mpi/shared_counters.h"

#include <algorithm>

namespace mandelbrot {

SharedCounters::SharedCounters(const MpiWorld& world, int count) {
  const auto bytes = static_cast<MPI_Aint>(world.rank() == 0 ? count * sizeof(int64_t) : 0);
  MPI_Win_allocate(bytes, sizeof(int64_t), MPI_INFO_NULL, world.comm(), &counters_, &window_);
  if (world.rank() == 0) std::fill(counters_, counters_ + count, int64_t{0});
  MPI_Barrier(world.comm());  // the counters are 0 before anyone takes from them
  MPI_Win_lock_all(0, window_);
}

SharedCounters::~SharedCounters() {
  MPI_Win_unlock_all(window_);
  MPI_Win_free(&window_);
}

int64_t SharedCounters::apply(int index, int64_t value, MPI_Op op) {
  int64_t before = 0;
  MPI_Fetch_and_op(&value, &before, MPI_INT64_T, 0, index, op, window_);
  MPI_Win_flush(0, window_);
  return before;
}

int64_t SharedCounters::fetch_add(int index, int64_t value) { return apply(index, value, MPI_SUM); }

void SharedCounters::raise_to(int index, int64_t value) { apply(index, value, MPI_MAX); }

}  // namespace mandelbrot

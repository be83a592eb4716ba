// Counters on rank 0 that every process updates without rank 0 taking part
// (passive-target one-sided MPI): how the cluster render hands out blocks and
// the cluster zoom hands out frames (docs/SEMANTICS.md, "MPI").
#pragma once

#include <mpi.h>

#include <cstdint>

#include "mpi/mpi_world.h"

namespace mandelbrot {

class SharedCounters {
 public:
  // Collective: `count` counters, all 0 when the constructor returns.
  SharedCounters(const MpiWorld& world, int count);
  ~SharedCounters();  // collective
  SharedCounters(const SharedCounters&) = delete;
  SharedCounters& operator=(const SharedCounters&) = delete;

  // Adds `value` to counter `index` and returns what it held before, atomically.
  int64_t fetch_add(int index, int64_t value);
  // What counter `index` holds now.
  int64_t read(int index) { return fetch_add(index, 0); }
  // Raises counter `index` to at least `value` (MPI_MAX), atomically.
  void raise_to(int index, int64_t value);

 private:
  int64_t apply(int index, int64_t value, MPI_Op op);

  int64_t* counters_ = nullptr;
  MPI_Win window_ = MPI_WIN_NULL;
};

}  // namespace mandelbrot

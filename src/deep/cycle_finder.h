// Periodicity at depth (docs/SEMANTICS.md, "Deep zoom", Periodicity): Brent's
// cycle finding on the states the perturbation loop is in just after a rebase,
// (m = 0, dz), for pixels whose orbit is caught in a cycle. When such a state
// repeats bit for bit, the loop (a function of that state, as long as the BLA
// search is not limited by the steps left) repeats the same steps, so whole
// cycles can be skipped without changing the count. One implementation for the
// scalar loop and for each lane of the SIMD loops.
#pragma once

#include <bit>
#include <cstdint>

#include "deep/float_exp.h"

namespace mandelbrot {

// The loops consult a pixel's finder only from this step on: shorter orbits
// cost little anyway, and the many pixels that escape early, some rebasing
// often, then pay nothing (consulted from step 0, the finder took 16% of the
// 1e14 benchmark location's time at 1024x1024).
inline constexpr int64_t kCyclesFrom = 8192;

inline bool same_bits(double a, double b) {
  return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b);
}
// FloatExp values are normalized (deep/float_exp.h), so equal values have equal parts.
inline bool same_bits(FloatExp a, FloatExp b) { return same_bits(a.m, b.m) && a.e == b.e; }

template <class Num>
class CycleFinder {
 public:
  // Called at every rebase, at step n (the step whose check just passed), with
  // the dz the rebase made. Returns the steps to skip: 0, or the most whole
  // cycles that end by step iterations - 2, when this state equals a saved
  // one (saved at rebases 1, 2, 4, 8, ...). A cycle of L steps from a state
  // repeats exactly when it ends by step iterations - 1: each BLA map in it
  // ends within it, so the search's limit of iterations - 1 - n steps never
  // bites. Stopping one step short leaves the loop at least one ordinary step
  // to its last check, so the loops' own ends (the SIMD loop stops a lane at
  // step iterations - 1 exactly) are reached as without the skip. After a
  // skip the finder stays quiet (the steps left are under one cycle).
  // REQUIRES: n < iterations, n larger than at the previous call.
  int64_t at_rebase(int64_t n, Num dzr, Num dzi, int64_t iterations) {
    if (done_) return 0;
    if (rebases_ > 0 && same_bits(dzr, saved_r_) && same_bits(dzi, saved_i_)) {
      done_ = true;
      const int64_t cycle = n - saved_n_;
      return n + 2 > iterations ? 0 : (iterations - 2 - n) / cycle * cycle;
    }
    if (++rebases_ == next_save_) {
      saved_r_ = dzr;
      saved_i_ = dzi;
      saved_n_ = n;
      next_save_ *= 2;
    }
    return 0;
  }

 private:
  Num saved_r_{};
  Num saved_i_{};
  int64_t saved_n_ = 0;
  int64_t rebases_ = 0;
  int64_t next_save_ = 1;
  bool done_ = false;
};

}  // namespace mandelbrot

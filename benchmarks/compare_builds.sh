#!/bin/sh
# Compares benchmark binaries of different builds, run interleaved in one
# session so that a shared machine's load falls on all of them alike:
# 4 rounds x 3 repetitions of each, and the minimum CPU time (ms) of each case.
#   benchmarks/compare_builds.sh FILTER OLD/mandelbrot_benchmark NEW/mandelbrot_benchmark ...
# Example (docs/PERFORMANCE.md):
#   benchmarks/compare_builds.sh '^Kernel/avx512/shortcuts$' /tmp/old_benchmark build/ci/benchmarks/mandelbrot_benchmark
set -eu
if [ $# -lt 2 ]; then
  echo "usage: $0 FILTER BENCHMARK_BINARY..." >&2
  exit 2
fi
filter=$1
shift
for round in 1 2 3 4; do
  for binary in "$@"; do
    "$binary" --benchmark_filter="$filter" --benchmark_repetitions=3 \
      --benchmark_min_time=0.2 --benchmark_format=csv 2>/dev/null |
      grep '^"' | grep -v '_mean"\|_median"\|_stddev"\|_cv"' |
      awk -F, -v b="$binary" '{print b, $1, $4}'
  done
done | sort -k1,2 -k3g | awk '!seen[$1 " " $2]++ {print $1, $2, $3}'

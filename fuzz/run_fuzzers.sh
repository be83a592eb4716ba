#!/bin/sh
# Runs each libFuzzer harness in turn, one process on one core, for SECONDS seconds (default
# 600), starting from its corpus in fuzz/corpus/<harness>; new inputs go to
# WORK/<harness> (the committed corpus is not touched), crashes to
# WORK/artifacts/<harness>-*. Prints the executions of each harness.
#   cmake --workflow --preset fuzz   (or: cmake --preset fuzz && cmake --build --preset fuzz)
#   fuzz/run_fuzzers.sh [SECONDS] [WORK] [HARNESS...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-600}
work=${2:-/tmp/mandelbrot-fuzz}
shift 2 2>/dev/null || shift $#
harnesses=${*:-png npy netpbm raw params numbers capi capi_options toml kfr palette argv}
bin=$here/../build/fuzz/fuzz
mkdir -p "$work/artifacts"
for h in $harnesses; do
  mkdir -p "$work/$h"
  "$bin/fuzz_$h" "$work/$h" "$here/corpus/$h" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$h-" >"$work/$h.log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$h.log" | grep -o '[0-9]*$' || echo 0)
  crashes=$(ls "$work/artifacts" | grep -c "^$h-" || true)
  echo "$h: $runs executions in $seconds s, $crashes crash files"
done

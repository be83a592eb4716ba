#!/bin/sh
# The whole-process measurements of docs/PERFORMANCE.md ("Issue 8"), in one run so
# that their ratios share the machine's state: the scalar reference's seconds,
# the default view's whole process, start-up, and 1 vs 2 threads on three views.
#   benchmarks/process_goals.sh [PROGRAM]     (default build/ci/mandelbrot)
# Needs hyperfine. Takes about two minutes on 2 cores.
set -eu
program=${1:-build/ci/mandelbrot}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
uptime
echo "== scalar reference and kernel (mandelbrot bench)"
"$program" bench --size 4096 --iter 1000 --threads 2 --repeat 3
echo "== whole process, default view 4096^2 x 1000, raw to /dev/null"
hyperfine -N --warmup 3 --runs 20 --export-json "$out/process.json" \
  "$program --size 4096 --iter 1000 --format raw -o /dev/null -q --threads 2"
echo "== start-up: 16x16 renders, and an empty C program for the machine's floor"
printf 'int main(void) { return 0; }\n' > "$out/empty.c"
cc -O2 -o "$out/empty" "$out/empty.c"
hyperfine -N --warmup 10 --runs 200 "$out/empty" \
  "$program --size 16 --format raw -o /dev/null -q" "$program --size 16 -o $out/x.png -q"
echo "== 2 threads against 1"
for view in "--size 4096 --iter 1000" \
            "--region -1.5,0.5,-1,1 --bailout 2 --iter 51 --size 16000" \
            "--center -0.7435669,0.1314023 --radius 0.0001 --iter 2000 --size 2048"; do
  # shellcheck disable=SC2086
  hyperfine -N --warmup 1 --runs 5 \
    "$program $view --format raw -o /dev/null -q --threads 1" \
    "$program $view --format raw -o /dev/null -q --threads 2"
done
uptime

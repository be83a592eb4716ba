#!/bin/sh
# Deep zoom on Kalles Fraktaler's six benchmark locations (tests/data/kfr), at
# their own depth and iterations: for each, the whole process's wall time, its
# peak memory, and the stages of --json (reference orbit, BLA table and pixel
# seconds, precision, references), as a Markdown table for docs/PERFORMANCE.md.
# The rate is the pixels' iterations (the sum of count + 1) per second of the
# pixel stage: with the bilinear approximation most of them are skipped, so it is
# an effective rate. Then the direct kernel's rate, on the same machine in the
# same run.
#   benchmarks/deep_locations.sh [SIZE] [PROGRAM]   (default 1024, build/ci/mandelbrot)
# Needs GNU time (/usr/bin/time) and /usr/bin/python3.
set -eu
size=${1:-1024}
program=${2:-build/ci/mandelbrot}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
uptime
echo
echo "| location | size | iterations | method | wall s | peak MiB | reference s | BLA s | pixels s | precision bits | references | iterations/s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for name in 1e14 1e50 5e113 5e227 4e533 1e1086; do
  /usr/bin/time -f "%e %M" -o "$out/time" "$program" --from "$here/../tests/data/kfr/$name.kfr" \
    --size "$size" --method perturbation --json -q -o "$out/counts.npy" > "$out/report.json"
  /usr/bin/python3 - "$name" "$size" "$out" <<'PY'
import json, sys
import numpy as np
name, size, out = sys.argv[1], sys.argv[2], sys.argv[3]
report = json.load(open(f"{out}/report.json"))
wall, peak_kib = open(f"{out}/time").read().split()
counts = np.load(f"{out}/counts.npy").astype(np.int64)
# Every pixel ran count + 1 checks (count + 2 when it escaped before the limit).
steps = int((counts + 1).sum() + (counts < report["iterations"] - 1).sum())
deep = report["deep"]
rate = steps / deep["pixels_seconds"] if deep["pixels_seconds"] > 0 else 0
print(f"| {name} | {size}x{size} | {report['iterations']} | {report['method']} | {float(wall):.2f} | "
      f"{int(peak_kib) / 1024:.0f} | {deep['reference_seconds']:.2f} | {deep['bla_seconds']:.2f} | "
      f"{deep['pixels_seconds']:.2f} | "
      f"{deep['precision_bits']} | {deep['references']} | {rate:.3g} |")
PY
done
echo
echo "== the direct kernel's rate on the same machine (mandelbrot bench, 2 threads)"
"$program" bench --size 2048 --iter 1000 --threads 2 --repeat 3

#!/usr/bin/python3
"""Samples a deep render against the brute-force MPFR ground truth, pixel by pixel.

The accuracy test (tests/e2e/test_deep_accuracy.py) compares whole renders at
32x32 or smaller; at a benchmark location's full size that is out of reach, but
single pixels are not: each sampled pixel's exact sample point (docs/SEMANTICS.md,
"The sample points") is iterated alone by tests/ground_truth's mpfr_render, as
the one pixel of a 1x1 view. A pixel that differs is then tried again with its
sample moved by 2^-48 of the spacing along each axis, to tell whether it is
ill-conditioned at double precision (docs/SEMANTICS.md, "Deep zoom", Accuracy).

    scripts/deep_accuracy_sample.py LOCATION.kfr --size 256 --samples 1000
        [--program build/ci/mandelbrot] [--mpfr build/ci/tests/ground_truth/mpfr_render]
        [--precision 256] [--seed 1] [--jobs 2] [--shift-bits 48] [--control]
        [-- extra render options]

Prints one line per differing pixel and a summary. The render's family, power and
bailout (from its --json report) go to the brute-force renderer too. (The direct method is exact
for the double-rounded sample points, not for the decimal ones: pass
`-- --method perturbation` to sample perturbation on views where auto picks direct.) Needs NumPy (Debian's
/usr/bin/python3 with python3-numpy).
"""

import argparse
import concurrent.futures
import decimal
import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def render(args, out):
    """Renders the location with the program; returns its --json report."""
    command = [args.program, "--from", args.location, "--size", str(args.size), "--json", "-q",
               "-o", out] + args.extra
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def truth(args, center, radius, iterations, scratch, name):
    """The brute-force count of the one pixel of the 1x1 view at `center`."""
    out = os.path.join(scratch, f"{name}.npy")
    subprocess.run([args.mpfr, "--center", center, "--radius", str(radius), "--size", "1",
                    "--iter", str(iterations), "--precision", str(args.precision), "--threads",
                    "1", "-o", out, *args.truth_options], capture_output=True, check=True)
    return int(np.load(out).ravel()[0])


def truth_options(report):
    """The options the brute-force renderer must share with the render, from its
    --json report (whether they came from the command line or the .kfr file)."""
    if report["family"] == "julia":
        sys.exit("deep_accuracy_sample.py: the brute-force renderer has no julia sets")
    shared = ["--family", report["family"], "--bailout", repr(report["bailout"])]
    if report["family"] == "multibrot":
        shared += ["--power", str(report["power"])]
    return shared


def centre_of(x, y, radius):
    """The centre of the 1x1 view whose one sample is (x, y): a 1x1 view samples
    (X - R, Y + R)."""
    return f"{x + radius},{y - radius}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("location")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--program", default="build/ci/mandelbrot")
    parser.add_argument("--mpfr", default="build/ci/tests/ground_truth/mpfr_render")
    parser.add_argument("--precision", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--shift-bits", type=int, default=48,
                        help="a differing pixel is ill-conditioned when moving its sample by "
                             "2^-BITS of a spacing changes its brute-force count")
    parser.add_argument("--control", action="store_true",
                        help="also try the conditioning of the exact pixels")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.extra = argv[split + 1:]
    decimal.getcontext().prec = 4000

    with tempfile.TemporaryDirectory() as scratch:
        report = render(args, os.path.join(scratch, "counts.npy"))
        args.truth_options = truth_options(report)
        counts = np.load(os.path.join(scratch, "counts.npy")).astype(np.int64)
        view = report["view"]
        if float(view.get("angle", "0") or 0) != 0:
            sys.exit("deep_accuracy_sample.py: rotated views are not supported")
        cx, cy = decimal.Decimal(view["center_x"]), decimal.Decimal(view["center_y"])
        radius = decimal.Decimal(view["radius"])
        height, width = counts.shape
        iterations = report["iterations"]
        spacing = 2 * radius / height
        shift = spacing / decimal.Decimal(2) ** args.shift_bits

        def point(i, j):
            return cx + radius * (2 * j - width) / height, cy + radius * (height - 2 * i) / height

        rng = np.random.default_rng(args.seed)
        picked = rng.choice(width * height, size=min(args.samples, width * height), replace=False)
        pixels = [divmod(int(p), width) for p in picked]

        # The decimals are computed here: a worker thread has its own decimal
        # context, at the default 28 digits.
        centres = [centre_of(*point(i, j), radius) for i, j in pixels]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            expected = list(pool.map(
                lambda k: truth(args, centres[k], radius, iterations, scratch, f"p{k}"),
                range(len(pixels))))
        wrong = [(i, j, e) for (i, j), e in zip(pixels, expected) if counts[i, j] != e]

        # Conditioning of the differing pixels, and with --control of the exact
        # ones too (how common ill-conditioning is at this shift, for comparison).
        tried = [(i, j, e) for (i, j), e in zip(pixels, expected)
                 if args.control or counts[i, j] != e]
        moves = ((shift, 0), (-shift, 0), (0, shift), (0, -shift))
        moved = [[centre_of(x + dx, y + dy, radius) for dx, dy in moves]
                 for x, y in (point(i, j) for i, j, _ in tried)]

        def ill(k):
            return any(truth(args, c, radius, iterations, scratch, f"s{k}_{n}") != tried[k][2]
                       for n, c in enumerate(moved[k]))

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            tried_flags = list(pool.map(ill, range(len(tried))))
        flags = {(i, j): flag for (i, j, _), flag in zip(tried, tried_flags)}
        ill_flags = [flags[(i, j)] for i, j, _ in wrong]

    for (i, j, e), flag in zip(wrong, ill_flags):
        print(f"row {i}, column {j}: {counts[i, j]}, brute force {e} "
              f"({'ill-conditioned' if flag else 'not ill-conditioned'})")
    off = max((abs(int(counts[i, j]) - e) for i, j, e in wrong), default=0)
    print(f"{os.path.basename(args.location)} at {width}x{height}, {iterations} iterations, "
          f"method {report['method']}: "
          f"{len(pixels) - len(wrong)} of {len(pixels)} sampled pixels exact "
          f"({100 * (len(pixels) - len(wrong)) / len(pixels):.2f}%), at most {off} off; "
          f"{sum(ill_flags)} of the {len(wrong)} that differ are ill-conditioned at "
          f"2^-{args.shift_bits} of a spacing "
          f"(MPFR at {args.precision} bits)")
    if args.control:
        exact_ill = sum(flag for (i, j, e), flag in zip(tried, tried_flags) if counts[i, j] == e)
        print(f"control: {exact_ill} of the {len(pixels) - len(wrong)} exact pixels are "
              f"ill-conditioned at 2^-{args.shift_bits} of a spacing")


if __name__ == "__main__":
    main()

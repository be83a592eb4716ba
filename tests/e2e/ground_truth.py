"""The ground truth for deep zoom, for the end-to-end tests: counts from the
brute-force MPFR renderer (tests/ground_truth, the mpfr_render command whose path
is in the MPFR_RENDER environment variable), and how a render compares with them."""

import os
import re
import subprocess
import tempfile

import numpy as np


def truth(center, radius, size, iterations, *options):
    """Runs mpfr_render on the view (center "X,Y", radius and size as text or
    numbers, further options such as "--family", "tricorn" as given) and returns
    (counts, precision in bits, seconds it reported)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "truth.npy")
        args = [os.environ["MPFR_RENDER"], "--center", str(center), "--radius", str(radius),
                "--size", str(size), "--iter", str(iterations), *map(str, options), "-o", out]
        result = subprocess.run(args, capture_output=True, timeout=3600)
        stderr = result.stderr.decode()
        if result.returncode != 0:
            raise AssertionError(f"{' '.join(args)} exited {result.returncode}: {stderr}")
        match = re.search(r"precision (\d+) bits, (\d+\.\d+) s", stderr)
        return np.load(out), int(match.group(1)), float(match.group(2))


def compare(counts, expected):
    """How counts agree with the ground truth `expected` (same shape): a dict with
    the fraction of pixels that equal it exactly ("exact"), the largest difference
    ("max_off") and the (row, column) of the first pixel with that difference
    ("worst"), and a one-line "summary" for test output."""
    if counts.shape != expected.shape:
        raise AssertionError(f"shape {counts.shape} against the truth's {expected.shape}")
    off = np.abs(counts.astype(np.int64) - expected.astype(np.int64))
    worst = np.unravel_index(np.argmax(off), off.shape)
    exact = float(np.mean(off == 0))
    max_off = int(off.max())
    summary = (f"{100 * exact:.2f}% of {off.size} pixels exact, at most {max_off} off "
               f"(row {worst[0]}, column {worst[1]})")
    return {"exact": exact, "max_off": max_off, "worst": (int(worst[0]), int(worst[1])),
            "summary": summary}

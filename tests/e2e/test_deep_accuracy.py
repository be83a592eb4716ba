"""Deep zoom against the ground truth (docs/SEMANTICS.md, "Deep zoom", Contract):
at each depth and location below, the perturbation render equals a brute-force
MPFR render (tests/ground_truth, every pixel iterated at full precision) on at
least 99.9% of pixels, and no pixel is off by more than 2 iterations. The figures
of every case are printed."""

import os
import unittest

import numpy as np

from ground_truth import compare, truth
from support import ScratchTestCase, run

SPIRAL = ("-0.743643887037158704752191506114774,"  # seahorse valley, inside a spiral
          "0.131825904205311970493132056385139")
# The nucleus of the period-40 minibrot nearest -2 on the needle of the real axis
# (Newton's method at 400 bits).
NEEDLE_MINIBROT = ("-1.99999999999999999998970118286005084285548971887167130004864625162169553457"
                   "16635233148589301552834757037732804,0")
# A Misiurewicz point of z^3 + c: 0 -> c -> c^3 + c, a repelling fixed point, for
# c^2 = e^(2 pi i / 3) - 1; the set's boundary has spirals around it at every depth.
CUBIC_MISIUREWICZ = ("0.3406250193166066401943942440378308889772101025491253031197026326145173"
                     "7734879523436309889492913997531775946013,"
                     "1.2712298784187062391356129910210649767284143282267776782136791436934807"
                     "913447441969146767160282631933396985182")
LOCATIONS = os.path.join(os.path.dirname(__file__), "..", "data", "kfr")


def kfr_center(name):
    """The centre "Re,Im" of one of Kalles Fraktaler's benchmark locations."""
    fields = {}
    with open(os.path.join(LOCATIONS, name), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    return fields["Re"] + "," + fields["Im"]


# (what, centre, radius, size, iterations, extra options)
CASES = [
    ("inside a spiral, 1e-20", SPIRAL, "1e-20", 32, 10000, []),
    ("tip of the spiral arm at i, 1e-15", "0,1", "1e-15", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-30", "0,1", "1e-30", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-100", "0,1", "1e-100", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-297", "0,1", "1e-297", 32, 2000, []),
    ("needle of the real axis, 1e-30", "-2,0", "1e-30", 32, 2000, []),
    ("needle of the real axis, 1e-100", "-2,0", "1e-100", 32, 2000, []),
    ("needle of the real axis, 1e-297", "-2,0", "1e-297", 32, 2000, []),
    ("next to a minibrot on the needle, 3e-43", NEEDLE_MINIBROT, "3e-43", 32, 5000, []),
    ("mostly inside a minibrot, 2e-44", NEEDLE_MINIBROT, "2e-44", 32, 5000, []),
    ("1e14 location, its own depth", "1e14.kfr", "2e-14", 32, 4036, []),
    ("1e50 location, 1e-45", "1e50.kfr", "1e-45", 16, 263010, []),
    ("5e113 location, its own depth", "5e113.kfr", "4e-114", 16, 35494, []),
    ("tricorn, needle, 1e-30", "-2,0", "1e-30", 32, 2000, ["--family", "tricorn"]),
    ("burning ship, needle, 1e-30", "-2,0", "1e-30", 32, 2000, ["--family", "burning-ship"]),
    ("multibrot 3, Misiurewicz point, 1e-30", CUBIC_MISIUREWICZ, "1e-30", 32, 3000,
     ["--family", "multibrot", "--power", "3"]),
    ("multibrot 3, Misiurewicz point, 1e-100", CUBIC_MISIUREWICZ, "1e-100", 32, 3000,
     ["--family", "multibrot", "--power", "3"]),
]


class DeepAccuracyTest(ScratchTestCase):
    def test_perturbation_matches_the_brute_force_mpfr_render(self):
        for what, center, radius, size, iterations, options in CASES:
            if center.endswith(".kfr"):
                center = kfr_center(center)
            with self.subTest(what):
                expected, bits, seconds = truth(center, radius, size, iterations, *options)
                out = self.file("deep.npy")
                run(["--center", center, "--radius", radius, "--size", str(size), "--iter",
                     str(iterations), "--method", "perturbation", *options, "-q", "-o", out],
                    check=True)
                result = compare(np.load(out), expected)
                distinct = len(np.unique(expected))
                print(f"{what}: {result['summary']}; truth at {bits} bits in {seconds:.2f} s, "
                      f"{distinct} distinct counts")
                # The view must show something, or the comparison proves nothing.
                self.assertGreaterEqual(distinct, 3, what)
                self.assertGreaterEqual(result["exact"], 0.999, what)
                self.assertLessEqual(result["max_off"], 2, what)


if __name__ == "__main__":
    unittest.main()

"""Deep zoom against the ground truth (docs/SEMANTICS.md, "Deep zoom", Contract):
at each depth and location below, the perturbation render equals a brute-force
MPFR render (tests/ground_truth, every pixel iterated at full precision) on at
least 99.9% of pixels, and no pixel is off by more than 2 iterations; where a view
misses that, every pixel that differs must be ill-conditioned at double precision
(its brute-force count changes when its sample moves by 2^-48 of the spacing) and
every other pixel exact. The figures of every case are printed."""

import decimal
import os
import subprocess
import sys
import unittest

import numpy as np

from ground_truth import compare, truth
from support import MANDELBROT, SOURCE_DIR, ScratchTestCase, run

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
# The nucleus of the period-40 minibrot of z^4 + c nearest the tip of its real
# needle, -2^(1/3) (Newton's method at 200 digits): pixels beside it follow the
# reference for hundreds of steps, and those inside it for every step.
QUARTIC_NEEDLE_MINIBROT = ("-1.25992104989487316476721060727822833890616091297481540218560842059"
                           "858809623570506973903107432582663559152460,0")
# The Misiurewicz point M(4,1) of the Mandelbrot set (z_5 = z_4; Newton's method at
# 500 bits): its repelling fixed point has the complex multiplier -0.655 + 1.156i,
# so the set spirals around it at every depth.
SPIRAL_MISIUREWICZ = (
    "-0.101096363845622161025785445738622565463805442826253483876931177660780840740470584274821"
    "219810516779033404531908556741193971546144260911882355703907680301615758418143435454482306"
    "810666402941937826741189160781952644899539699533446682339312669900981755715042520653886699"
    "186134433396160061056277538514425960956070356822164327995613303692671476,"
    "0.95628651080914150077109605772997743580983333651052917003431432150052465906571673252697841"
    "078733980720434447249264692843667524065674657226562008157197415513138312280548844438105716"
    "778702037383950554772793095483119531903851700248779176701131056494620545534858599306150044"
    "27397447762045980085973915977603864276670744042253335354323566859404712")


def shifted(center, radius, size, dx, dy):
    """center moved by (dx, dy) times 2^-48 of the pixel spacing, exactly."""
    decimal.getcontext().prec = 400
    step = 2 * decimal.Decimal(radius) / size / decimal.Decimal(2) ** 48
    x, y = center.split(",")
    return f"{decimal.Decimal(x) + dx * step},{decimal.Decimal(y) + dy * step}"


def ill_conditioned(center, radius, size, iterations, options, expected):
    """The pixels whose brute-force count changes when their sample point moves
    by 2^-48 of the pixel spacing (about 16 ulps of the offset a double holds)
    along either axis: their count depends on more bits of c than a double
    method keeps, and no double method can be asked to get it (docs/SEMANTICS.md,
    "Deep zoom", Accuracy)."""
    changed = np.zeros(expected.shape, dtype=bool)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        moved, _, _ = truth(shifted(center, radius, size, dx, dy), radius, size, iterations,
                            *options)
        changed |= moved != expected
    return changed


def beside(center, radius, size):
    """center moved by 0.37 pixel spacings along both axes, exactly: a Misiurewicz
    point's own count depends on the precision it is iterated at (its orbit lands
    on a repelling cycle), so no sample should fall on it exactly."""
    decimal.getcontext().prec = 400
    shift = decimal.Decimal("0.37") * 2 * decimal.Decimal(radius) / size
    x, y = center.split(",")
    return f"{decimal.Decimal(x) + shift},{decimal.Decimal(y) + shift}"


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
    ("spiral at a Misiurewicz point, 1e-30", "spiral", "1e-30", 32, 3000, []),
    ("spiral at a Misiurewicz point, 1e-100", "spiral", "1e-100", 32, 3000, []),
    ("spiral at a Misiurewicz point, 1e-297", "spiral", "1e-297", 32, 3000, []),
    ("tip of the spiral arm at i, 1e-15", "0,1", "1e-15", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-30", "0,1", "1e-30", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-100", "0,1", "1e-100", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-297", "0,1", "1e-297", 32, 2000, []),
    ("tip of the spiral arm at i, 1e-1000", "0,1", "1e-1000", 24, 6000, []),
    ("needle of the real axis, 1e-30", "-2,0", "1e-30", 32, 2000, []),
    ("needle of the real axis, 1e-100", "-2,0", "1e-100", 32, 2000, []),
    ("needle of the real axis, 1e-297", "-2,0", "1e-297", 32, 2000, []),
    ("needle of the real axis, 1e-1000", "-2,0", "1e-1000", 24, 3000, []),
    ("next to a minibrot on the needle, 3e-43", NEEDLE_MINIBROT, "3e-43", 32, 5000, []),
    ("mostly inside a minibrot, 2e-44", NEEDLE_MINIBROT, "2e-44", 32, 5000, []),
    ("1e14 location, its own depth", "1e14.kfr", "2e-14", 32, 4036, []),
    ("1e50 location, 1e-45", "1e50.kfr", "1e-45", 16, 263010, []),
    # Its own depth: every pixel escapes after 170,000 to 193,000 steps, most of
    # them hovering where dz is near the BLA radii (docs/SEMANTICS.md, "Deep zoom").
    ("1e50 location, its own depth", "1e50.kfr", "2e-50", 16, 263010, []),
    ("5e113 location, its own depth", "5e113.kfr", "4e-114", 16, 35494, []),
    ("4e533 location, its own depth", "4e533.kfr", "5e-534", 8, 120000, []),
    ("tricorn, needle, 1e-30", "-2,0", "1e-30", 32, 2000, ["--family", "tricorn"]),
    ("burning ship, needle, 1e-30", "-2,0", "1e-30", 32, 2000, ["--family", "burning-ship"]),
    ("multibrot 3, Misiurewicz point, 1e-30", "cubic", "1e-30", 32, 3000,
     ["--family", "multibrot", "--power", "3"]),
    ("multibrot 3, Misiurewicz point, 1e-100", "cubic", "1e-100", 32, 3000,
     ["--family", "multibrot", "--power", "3"]),
    ("multibrot 4, next to a minibrot on the needle, 3e-47", QUARTIC_NEEDLE_MINIBROT, "3e-47", 32,
     5000, ["--family", "multibrot", "--power", "4"]),
]


class DeepAccuracyTest(ScratchTestCase):
    def test_perturbation_matches_the_brute_force_mpfr_render(self):
        for what, center, radius, size, iterations, options in CASES:
            if center.endswith(".kfr"):
                center = kfr_center(center)
            elif center in ("spiral", "cubic"):
                point = SPIRAL_MISIUREWICZ if center == "spiral" else CUBIC_MISIUREWICZ
                center = beside(point, radius, size)
            with self.subTest(what):
                expected, bits, seconds = truth(center, radius, size, iterations, *options)
                out = self.file("deep.npy")
                run(["--center", center, "--radius", radius, "--size", str(size), "--iter",
                     str(iterations), "--method", "perturbation", *options, "-q", "-o", out],
                    check=True)
                counts = np.load(out)
                result = compare(counts, expected)
                distinct = len(np.unique(expected))
                print(f"{what}: {result['summary']}; truth at {bits} bits in {seconds:.2f} s, "
                      f"{distinct} distinct counts")
                # The view must show something, or the comparison proves nothing.
                self.assertGreaterEqual(distinct, 3, what)
                if result["exact"] >= 0.999 and result["max_off"] <= 2:
                    continue
                # Otherwise every pixel that misses must be ill-conditioned, and
                # the rule must hold on all the others.
                ill = ill_conditioned(center, radius, size, iterations, options, expected)
                wrong = counts != expected
                print(f"  {int(wrong.sum())} pixels differ, {int(ill.sum())} are ill-conditioned "
                      f"at double precision, {int((wrong & ~ill).sum())} of them not")
                self.assertFalse((wrong & ~ill).any(), what)
                off = np.abs(counts.astype(np.int64) - expected)
                self.assertLessEqual(int(off[~ill].max()), 2, what)

    def test_the_sampling_script_counts_what_a_whole_render_shows(self):
        """scripts/deep_accuracy_sample.py, run on every pixel of small views,
        finds exactly the pixels where the render and the whole MPFR render
        differ: none at the 1e50 location (each pixel's decimal point needs some
        50 digits), and many for the direct path at the 1e14 location (it is exact
        for the rounded points, not the decimal ones)."""
        script = os.path.join(SOURCE_DIR, "scripts", "deep_accuracy_sample.py")
        for name, radius, size, iterations, options in (
                ("1e50.kfr", "2e-50", 4, 263010, []),
                ("1e14.kfr", "2e-14", 16, 4036, ["--method", "direct"])):
            with self.subTest(name):
                expected, _, _ = truth(kfr_center(name), radius, size, iterations)
                out = self.file("render.npy")
                run(["--from", os.path.join(LOCATIONS, name), "--size", str(size), *options,
                     "-q", "-o", out], check=True)
                exact = int((np.load(out) == expected).sum())
                result = subprocess.run(
                    [sys.executable, script, os.path.join(LOCATIONS, name), "--size", str(size),
                     "--samples", str(size * size), "--program", MANDELBROT, "--mpfr",
                     os.environ["MPFR_RENDER"], "--", *options],
                    capture_output=True, text=True, timeout=600, check=True)
                summary = result.stdout.strip().splitlines()[-1]
                print(summary)
                self.assertIn(f": {exact} of {size * size} sampled pixels exact", summary)
                self.assertEqual(len(result.stdout.strip().splitlines()) - 1, size * size - exact)
                if options:
                    self.assertLess(exact, size * size - 10, "the direct path should differ")


if __name__ == "__main__":
    unittest.main()

"""The smooth value and the distance estimate at depth (docs/SEMANTICS.md,
"Channels", At depth) against the brute-force MPFR render (tests/ground_truth,
which iterates dz/dc alongside z at full precision): on every pixel whose count
equals the truth's and that escaped, the smooth value is within 1e-6 and the
distance within a relative 1e-6 of the truth's, unless the pixel is
ill-conditioned at double precision; and at least 95% of them are within it.
Ill-conditioned: the truth's own value moves by more than 1/64 of the tolerance
when the sample moves by 2^-48 of the pixel spacing, so by about the tolerance
for a move of 2^-42, which is what the rounding of the offset and of thousands
of double steps amounts to (measured: the errors outside the tolerance are 5 to
60 times the 2^-48 move's effect). The figures of every case are printed."""

import unittest

import numpy as np

from ground_truth import truth
from support import ScratchTestCase, run
from test_deep_accuracy import CUBIC_MISIUREWICZ, SPIRAL, SPIRAL_MISIUREWICZ, beside, shifted

SMOOTH_TOLERANCE = 1e-6
DISTANCE_TOLERANCE = 1e-6  # relative

# (what, centre, radius, size, iterations, extra options)
CASES = [
    ("spiral at a Misiurewicz point, 1e-30", "spiral", "1e-30", 24, 3000, []),
    ("spiral at a Misiurewicz point, 1e-100", "spiral", "1e-100", 24, 3000, []),
    ("spiral at a Misiurewicz point, 1e-320 (extended range)", "spiral", "1e-320", 24, 5000, []),
    ("inside a spiral, 1e-15", SPIRAL, "1e-15", 24, 20000, []),
    ("multibrot 3, Misiurewicz point, 1e-40", "cubic", "1e-40", 24, 3000,
     ["--family", "multibrot", "--power", "3"]),
]


def errors(got, expected):
    """Where both escaped with the same count: the smooth values' absolute and the
    distances' relative differences (NaN elsewhere)."""
    both = (got["count"] == expected["count"]) & np.isfinite(expected["smooth"])
    smooth = np.where(both, np.abs(got["smooth"] - expected["smooth"]), np.nan)
    distance = np.where(both, np.abs(got["distance"] - expected["distance"]) /
                        np.abs(expected["distance"]), np.nan)
    return both, smooth, distance


class DeepChannelsTest(ScratchTestCase):
    def render(self, center, radius, size, iterations, options):
        out = self.file("deep.npy")
        run(["--center", center, "--radius", radius, "--size", str(size), "--iter",
             str(iterations), "--bailout", "256", "--method", "perturbation",
             "--channels", "count,smooth,distance", *options, "-q", "-o", out], check=True)
        return np.load(out)

    def test_channels_at_depth_match_the_brute_force_mpfr_render(self):
        for what, center, radius, size, iterations, options in CASES:
            if center in ("spiral", "cubic"):
                point = SPIRAL_MISIUREWICZ if center == "spiral" else CUBIC_MISIUREWICZ
                center = beside(point, radius, size)
            with self.subTest(what):
                args = (radius, size, iterations, "--bailout", "256", "--channels", *options)
                expected, bits, seconds = truth(center, *args)
                got = self.render(center, radius, size, iterations, options)
                both, smooth, distance = errors(got, expected)
                compared = int(both.sum())
                # The view must show escaped pixels, or the comparison proves nothing.
                self.assertGreaterEqual(compared, size * size // 4, what)
                within = (smooth <= SMOOTH_TOLERANCE) & (distance <= DISTANCE_TOLERANCE)
                print(f"{what}: {compared} pixels compared, {int(within.sum())} within "
                      f"tolerance; smooth off by at most {np.nanmax(smooth):.2e} (median "
                      f"{np.nanmedian(smooth):.1e}), distance by {np.nanmax(distance):.2e} "
                      f"(median {np.nanmedian(distance):.1e}); truth at {bits} bits in "
                      f"{seconds:.2f} s")
                self.assertGreaterEqual(within.sum(), 0.95 * compared, what)
                outside = both & ~within
                if not outside.any():
                    continue
                ill = np.zeros(both.shape, dtype=bool)
                for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                    moved, _, _ = truth(shifted(center, radius, size, dx, dy), *args)
                    _, s, d = errors(moved, expected)
                    ill |= ~((s <= SMOOTH_TOLERANCE / 64) & (d <= DISTANCE_TOLERANCE / 64))
                print(f"  {int(outside.sum())} outside the tolerance, "
                      f"{int((outside & ~ill).sum())} of them not ill-conditioned")
                self.assertFalse((outside & ~ill).any(), what)

    def test_the_truths_channels_are_the_direct_paths_where_doubles_suffice(self):
        # The ground truth checked against the program's direct path, which
        # iterates in doubles with the same formulas (kernel/kernel_channels.h).
        view = ["--center", "-0.745,0.11", "--radius", "0.01", "--size", "24", "--iter", "500"]
        expected, _, _ = truth("-0.745,0.11", "0.01", 24, 500, "--bailout", "256",
                               "--channels")
        out = self.file("direct.npy")
        run([*view, "--bailout", "256", "--method", "direct", "--channels",
             "count,smooth,distance", "-q", "-o", out], check=True)
        got = np.load(out)
        both, smooth, distance = errors(got, expected)
        self.assertGreater(both.sum(), 300)
        # Doubles lose digits along the orbits near the boundary, so a few pixels
        # differ more; an error in a formula (the escape step, the log's base,
        # the derivative) would move them all.
        print(f"truth against the direct path: smooth median {np.nanmedian(smooth):.1e}, "
              f"max {np.nanmax(smooth):.1e}; distance median {np.nanmedian(distance):.1e}, "
              f"max {np.nanmax(distance):.1e}")
        self.assertLess(np.nanmedian(smooth), 1e-10)
        self.assertLess(np.nanmedian(distance), 1e-10)
        self.assertLess(np.nanpercentile(smooth, 90), 1e-7)

    def test_the_same_channels_for_any_thread_count(self):
        center = beside(SPIRAL_MISIUREWICZ, "1e-100", 32)
        files = []
        for threads in ("1", "2"):
            out = self.file(f"t{threads}.npy")
            run(["--center", center, "--radius", "1e-100", "--size", "32", "--iter", "3000",
                 "--channels", "count,smooth,distance", "--threads", threads, "-q", "-o", out],
                check=True)
            with open(out, "rb") as f:
                files.append(f.read())
        self.assertEqual(files[0], files[1])

    def test_without_escape_the_channels_are_nan_as_the_truths(self):
        center = beside(SPIRAL_MISIUREWICZ, "1e-30", 16)
        expected, _, _ = truth(center, "1e-30", 16, 262, "--bailout", "256", "--channels")
        got = self.render(center, "1e-30", 16, 262, [])
        np.testing.assert_array_equal(got["count"], expected["count"])
        np.testing.assert_array_equal(np.isnan(got["smooth"]), np.isnan(expected["smooth"]))
        np.testing.assert_array_equal(np.isnan(got["distance"]), np.isnan(expected["distance"]))
        self.assertTrue(np.isnan(got["smooth"]).any() and np.isfinite(got["smooth"]).any())

    def test_the_smooth_colouring_renders_at_depth_for_every_family(self):
        for family in (["--family", "tricorn"], ["--family", "burning-ship"], []):
            result = run(["--center", "-1.99999999999999999999,0", "--radius", "1e-25",
                          "--size", "48", "--iter", "2000", "--colouring", "smooth", *family,
                          "-o", self.file("s.png"), "--json"])
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            self.assertIn(b'"perturbation"', result.stdout)

    def test_distance_for_a_family_without_a_derivative_is_refused(self):
        result = run(["--center", "-2,0", "--radius", "1e-25", "--size", "16", "--family",
                      "tricorn", "--channels", "count,distance", "-o", self.file("d.npy")])
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"distance estimate", result.stderr)


if __name__ == "__main__":
    unittest.main()

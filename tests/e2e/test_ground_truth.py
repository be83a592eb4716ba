"""The mpfr_render command (tests/ground_truth): the brute-force MPFR renderer
that deep-zoom results are compared against. Its counts at 53 bits equal the
program's on a view whose sample points are exact doubles; bad input is one
error line and exit 2, with no file written."""

import os
import re
import subprocess
import unittest

import numpy as np

from ground_truth import compare, truth
from support import ScratchTestCase, run

MPFR_RENDER = os.environ["MPFR_RENDER"]


def mpfr_render(args):
    return subprocess.run([MPFR_RENDER, *args], capture_output=True, timeout=120)


class GroundTruthCommand(ScratchTestCase):
    def render(self, args):
        out = self.file("truth.npy")
        result = mpfr_render([*args, "-o", out])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return np.load(out), result.stderr.decode()

    def test_at_53_bits_equals_the_program_on_an_exact_view(self):
        for family in ["mandelbrot", "burning-ship", "tricorn", "multibrot"]:
            with self.subTest(family=family):
                view = ["--center", "-0.75,0.125", "--radius", "0.25", "--iter", "300",
                        "--family", family]
                truth, stderr = self.render([*view, "--size", "64x32", "--precision", "53"])
                self.assertIn("precision 53 bits", stderr)
                self.assertEqual(truth.shape, (32, 64))
                self.assertEqual(truth.dtype, np.dtype("<i4"))
                run([*view, "--width", "64", "--height", "32", "--format", "npy", "-o",
                     self.file("program.npy")],
                              check=True)
                np.testing.assert_array_equal(truth, np.load(self.file("program.npy")))
                self.assertGreater(len(np.unique(truth)), 10)

    def test_a_quarter_turn_at_53_bits_equals_the_program(self):
        unturned_view = ["--center", "-0.75,0.125", "--radius", "0.25", "--iter", "300",
                         "--family", "burning-ship", "--size", "32"]
        view = [*unturned_view, "--angle", "90"]
        truth, _ = self.render([*view, "--precision", "53"])
        run([*view, "--format", "npy", "-o", self.file("program.npy")], check=True)
        np.testing.assert_array_equal(truth, np.load(self.file("program.npy")))
        unturned, _ = self.render([*unturned_view, "--precision", "53"])
        self.assertFalse(np.array_equal(truth, unturned))

    def test_the_program_agrees_with_the_truth_on_a_shallow_view(self):
        view = ["--center", "-0.743643887037151,0.13182590420533", "--radius", "0.001",
                "--iter", "1000", "--size", "64"]
        expected, bits, seconds = truth("-0.743643887037151,0.13182590420533", "0.001", 64,
                                        1000)
        run([*view, "--format", "npy", "-o", self.file("program.npy")], check=True)
        result = compare(np.load(self.file("program.npy")), expected)
        print(f"double path against the truth ({bits} bits, {seconds} s): {result['summary']}")
        self.assertGreaterEqual(result["exact"], 0.99)
        self.assertGreater(len(np.unique(expected)), 10)

    def test_compare_finds_the_worst_pixel(self):
        expected = np.array([[5, 6, 7], [8, 9, 10]], dtype=np.int32)
        counts = expected.copy()
        counts[1, 2] += 3
        counts[0, 0] -= 1
        result = compare(counts, expected)
        self.assertAlmostEqual(result["exact"], 4 / 6)
        self.assertEqual(result["max_off"], 3)
        self.assertEqual(result["worst"], (1, 2))
        self.assertEqual(compare(expected, expected)["max_off"], 0)
        with self.assertRaises(AssertionError):
            compare(counts[:1], expected)

    def test_reports_the_precision_and_seconds(self):
        counts, stderr = self.render(["--center", "0,1", "--radius", "1e-40", "--size", "8",
                                      "--iter", "200"])
        self.assertEqual(counts.shape, (8, 8))
        match = re.fullmatch(r"mpfr_render: precision (\d+) bits, (\d+\.\d+) s\n", stderr)
        self.assertIsNotNone(match, stderr)
        self.assertGreater(int(match.group(1)), 133 + 64)  # 1e-40 is 2^-132.9
        self.assertGreater(len(np.unique(counts)), 3)

    def test_bad_input_is_one_line_and_exit_2_without_a_file(self):
        good = {"--center": "-0.5,0", "--radius": "1.5", "--size": "8", "--iter": "10"}
        cases = [
            ({"--center": "-0.5x,0"}, "-0.5x"),
            ({"--center": "-0.5"}, "--center"),
            ({"--radius": "0"}, "radius"),
            ({"--radius": "-1e-30"}, "-1e-30"),
            ({"--radius": "1e-999999999"}, "exponent range"),
            ({"--size": "8y9"}, "8y9"),
            ({"--size": "0"}, "--size"),
            ({"--iter": "ten"}, "ten"),
            ({"--bailout": "inf"}, "inf"),
            ({"--family": "julia"}, "julia"),
            ({"--power": "9", "--family": "multibrot"}, "9"),
            ({"--precision": "1"}, "precision"),
            ({"--precision": "12abc"}, "12abc"),
            ({"--angle": "ninety"}, "ninety"),
            ({"--iter": None}, "--iter"),
        ]
        for change, words in cases:
            with self.subTest(change=change):
                options = {**good, **change}
                args = [a for k, v in options.items() if v is not None for a in (k, v)]
                out = self.file("bad.npy")
                result = mpfr_render([*args, "-o", out])
                self.assertEqual(result.returncode, 2, result.stderr.decode())
                lines = result.stderr.decode().splitlines()
                self.assertEqual(len(lines), 1, lines)
                self.assertTrue(lines[0].startswith("mpfr_render: error: "), lines[0])
                self.assertIn(words, lines[0])
                self.assertFalse(os.path.exists(out))

    def test_an_unwritable_output_is_exit_1(self):
        result = mpfr_render(["--center", "0,0", "--radius", "1", "--size", "4", "--iter", "5",
                              "-o", self.file("missing/dir/out.npy")])
        self.assertEqual(result.returncode, 1, result.stderr.decode())
        self.assertTrue(result.stderr.decode().startswith("mpfr_render: error: "))


if __name__ == "__main__":
    unittest.main()

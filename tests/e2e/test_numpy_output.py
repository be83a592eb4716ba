"""Count data read back with NumPy, as Python scripts use it, against an
independent NumPy implementation of the contract."""

import io
import os
import unittest

import numpy as np

from support import SOURCE_DIR, parse_netpbm, reference_counts, run


class NumpyOutput(unittest.TestCase):
    def test_npy_on_stdout_loads_with_numpy(self):
        result = run(["--width", "120", "--height", "80", "--iter", "60", "--format", "npy",
                      "-o", "-"], check=True)
        counts = np.load(io.BytesIO(result.stdout))
        self.assertEqual(counts.shape, (80, 120))
        self.assertEqual(counts.dtype, np.dtype("<i4"))
        region = (-0.5 - 1.5 * 120 / 80, -0.5 + 1.5 * 120 / 80, -1.5, 1.5)
        np.testing.assert_array_equal(counts, reference_counts(120, 80, 60, region))

    def test_raw_on_stdout_reads_with_frombuffer(self):
        result = run(["--size", "90", "--iter", "200", "--region", "-0.8,-0.7,0.05,0.15",
                      "--format", "raw", "-o", "-"], check=True)
        self.assertEqual(len(result.stdout), 90 * 90 * 4)
        counts = np.frombuffer(result.stdout, dtype="<i4").reshape(90, 90)
        np.testing.assert_array_equal(
            counts, reference_counts(90, 90, 200, (-0.8, -0.7, 0.05, 0.15)))

    def test_default_view_equals_the_classic_recipe(self):
        # The classic recipe's rows run upward from -1.5; the set is symmetric and
        # the sample rows mirror exactly, so its array equals ours as it is.
        for size, iterations in [(100, 100), (57, 33)]:
            result = run(["--size", str(size), "--iter", str(iterations), "--format", "raw",
                          "-o", "-"], check=True)
            counts = np.frombuffer(result.stdout, dtype="<i4").reshape(size, size)
            classic = reference_counts(size, size, iterations, rows_upward=True)
            np.testing.assert_array_equal(counts, classic)

    def test_bailout_changes_counts_as_the_contract_says(self):
        result = run(["--size", "64", "--iter", "50", "--bailout", "2", "--format", "raw",
                      "-o", "-"], check=True)
        counts = np.frombuffer(result.stdout, dtype="<i4").reshape(64, 64)
        np.testing.assert_array_equal(counts, reference_counts(64, 64, 50, bailout=2.0))

    def test_npy_file_is_byte_identical_to_numpy_save(self):
        for width, height in [(5, 3), (120, 80), (1, 1000)]:
            result = run(["--width", str(width), "--height", str(height), "--iter", "20",
                          "--format", "npy", "-o", "-"], check=True)
            counts = np.load(io.BytesIO(result.stdout))
            saved = io.BytesIO()
            np.save(saved, counts)
            self.assertEqual(result.stdout, saved.getvalue(), f"{width}x{height}")

    def test_pgm_holds_the_counts(self):
        for iterations, dtype in [(100, "u1"), (1000, ">u2")]:
            result = run(["--size", "50", "--iter", str(iterations), "--format", "pgm", "-o", "-"],
                         check=True)
            magic, width, height, maxval, pixels = parse_netpbm(result.stdout)
            self.assertEqual((magic, width, height, maxval), ("P5", 50, 50, iterations - 1))
            counts = np.frombuffer(pixels, dtype=dtype).reshape(50, 50)
            np.testing.assert_array_equal(counts, reference_counts(50, 50, iterations))

    def test_pbm_marks_the_points_that_never_escaped(self):
        result = run(["--width", "37", "--height", "20", "--iter", "80", "--format", "pbm",
                      "-o", "-"], check=True)
        magic, width, height, maxval, pixels = parse_netpbm(result.stdout)
        self.assertEqual((magic, width, height, maxval), ("P4", 37, 20, None))
        bits = np.unpackbits(np.frombuffer(pixels, dtype=np.uint8).reshape(20, 5), axis=1)
        region = (-0.5 - 1.5 * 37 / 20, -0.5 + 1.5 * 37 / 20, -1.5, 1.5)
        inside = reference_counts(37, 20, 80, region) == 79
        np.testing.assert_array_equal(bits[:, :37], inside.astype(np.uint8))
        self.assertFalse(bits[:, 37:].any(), "row padding must be zero")

    def test_ppm_is_white_exactly_inside(self):
        result = run(["--size", "40", "--format", "ppm", "-o", "-"], check=True)
        magic, width, height, maxval, pixels = parse_netpbm(result.stdout)
        self.assertEqual((magic, width, height, maxval), ("P6", 40, 40, 255))
        rgb = np.frombuffer(pixels, dtype=np.uint8).reshape(40, 40, 3)
        white = (rgb == 255).all(axis=2)
        np.testing.assert_array_equal(white, reference_counts(40, 40, 100) == 99)

    def test_golden_count_files_match_the_reference(self):
        """The goldens in assets/ are not just what the program once wrote: they
        agree with the independent reference."""
        golden = os.path.join(SOURCE_DIR, "assets", "golden")
        raw = np.fromfile(os.path.join(golden, "classic-64.raw"), dtype="<i4").reshape(64, 64)
        np.testing.assert_array_equal(raw, reference_counts(64, 64, 100))
        npy = np.load(os.path.join(golden, "zoom-48x32.npy"))
        half_width = 0.01 * 48 / 32
        region = (-0.7435 - half_width, -0.7435 + half_width, 0.1314 - 0.01, 0.1314 + 0.01)
        np.testing.assert_array_equal(npy, reference_counts(48, 32, 500, region))


if __name__ == "__main__":
    unittest.main()

"""End-to-end tests of deep zoom (docs/SEMANTICS.md, "Deep zoom"): --method,
the automatic choice, determinism across kernels and threads, reports, files
that re-render, and bad input."""

import json
import os
import unittest

import numpy as np

from support import SOURCE_DIR, ScratchTestCase, run

# The centre of Kalles Fraktaler's 1e14 benchmark location (tests/data/kfr).
KF_1E14 = ("-1.759817130804847813610825010561798238243999999999999999999800,"
           "-0.012593310799749865383746631843264858450340000000000000000000")


class DeepZoomTest(ScratchTestCase):
    def render_npy(self, *args):
        out = self.file("counts.npy")
        run(["-q", "-o", out, *args], check=True)
        return np.load(out)

    def test_auto_takes_perturbation_only_where_doubles_fail(self):
        deep = run(["--center", KF_1E14, "--radius", "1e-15", "--iter", "4036", "--size", "48",
                    "--json", "-o", self.file("deep.png")], check=True)
        report = json.loads(deep.stdout)
        self.assertEqual(report["method"], "perturbation")
        stages = report["deep"]
        for key in ("reference_seconds", "bla_seconds", "pixels_seconds", "precision_bits",
                    "references"):
            self.assertIn(key, stages)
        self.assertGreaterEqual(stages["precision_bits"], 64 + 50)
        self.assertGreaterEqual(stages["references"], 1)
        self.assertNotIn("region", report)
        shallow = json.loads(run(["--size", "32", "--json", "-o", self.file("s.png")],
                                 check=True).stdout)
        self.assertEqual(shallow["method"], "direct")

    def test_forcing_direct_on_a_deep_view_is_a_clear_error(self):
        out = self.file("x.png")
        r = run(["--center", KF_1E14, "--radius", "1e-15", "--method", "direct", "-o", out])
        self.assertEqual(r.returncode, 2)
        message = r.stderr.decode()
        self.assertIn("1e-15", message)
        self.assertIn("deep-zoom method", message)
        self.assertEqual(message.count("\n"), 1)
        self.assertFalse(os.path.exists(out))

    def test_bad_method_and_unsupported_depths_and_families(self):
        cases = [
            (["--method", "fast"], "unknown --method 'fast'"),
            (["--center", KF_1E14, "--radius", "1e-10001"], "1e-10001"),
            (["--center", "0.1,0.6", "--radius", "1e-20", "--julia", "-0.8,0.156"], "julia"),
            # The channels work at depth (test_deep_channels.py), but not a distance
            # estimate for a family without a holomorphic step.
            (["--center", KF_1E14, "--radius", "1e-15", "--family", "tricorn", "--colouring",
              "distance"], "distance estimate"),
        ]
        for args, expected in cases:
            out = self.file("bad.png")
            r = run([*args, "-o", out])
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(expected, r.stderr.decode(), args)
            self.assertEqual(r.stderr.decode().count("\n"), 1, args)
            self.assertFalse(os.path.exists(out), args)

    def test_same_bytes_for_every_kernel_and_thread_count(self):
        args = ["--center", KF_1E14, "--radius", "1e-15", "--iter", "4036", "--size", "40",
                "--angle", "15"]
        reference = self.render_npy(*args, "--kernel", "scalar", "--threads", "1")
        self.assertGreater(len(np.unique(reference)), 20)  # a real picture, not one value
        listed = run(["--help"]).stdout.decode()
        for kernel in ("auto", "avx2", "sse4"):
            if kernel != "auto" and kernel not in listed:
                continue
            for threads in ("1", "2"):
                counts = self.render_npy(*args, "--kernel", kernel, "--threads", threads)
                np.testing.assert_array_equal(counts, reference, f"{kernel} {threads}")

    def test_periodicity_skips_cycles_and_keeps_the_counts(self):
        # docs/SEMANTICS.md, "Deep zoom", Periodicity: at the nucleus of the
        # period-3 minibrot, 1e-25 wide, every pixel is inside and half of them
        # rebase once a cycle; --no-shortcuts iterates them all.
        args = ["--center", "-1.75487766624669276004950889635852,0", "--radius", "1e-25",
                "--iter", "200000", "--size", "32", "--format", "npy", "--json"]
        fast = run([*args, "-o", self.file("fast.npy")], check=True)
        plain = run([*args, "--no-shortcuts", "-o", self.file("plain.npy")], check=True)
        self.assertGreater(json.loads(fast.stdout)["deep"]["periodic_pixels"], 0)
        self.assertEqual(json.loads(plain.stdout)["deep"]["periodic_pixels"], 0)
        counts = np.load(self.file("fast.npy"))
        np.testing.assert_array_equal(counts, np.load(self.file("plain.npy")))
        self.assertTrue((counts == 199999).all())

    def test_forced_perturbation_agrees_with_direct_on_a_shallow_view(self):
        # Well conditioned: no pixel needs more bits than doubles keep (on such
        # pixels the direct path itself is off; docs/SEMANTICS.md, "Deep zoom").
        args = ["--center", "-0.75,0.1", "--radius", "0.05", "--iter", "300", "--size", "64"]
        direct = self.render_npy(*args)
        perturbed = self.render_npy(*args, "--method", "perturbation")
        equal = np.mean(direct == perturbed)
        print(f"shallow view: {100 * equal:.3f}% of pixels equal, largest difference "
              f"{np.max(np.abs(direct - perturbed))}")
        self.assertGreaterEqual(equal, 0.999)
        self.assertLessEqual(np.max(np.abs(direct.astype(np.int64) - perturbed)), 2)

    def test_every_benchmark_location_renders_without_approximate_pixels(self):
        # Kalles Fraktaler's six benchmark locations at their own depth and
        # iterations, small (full size is the benchmark's: docs/PERFORMANCE.md);
        # 4e533 and 1e1086 are beyond doubles (the extended range).
        locations = os.path.join(os.path.dirname(__file__), "..", "data", "kfr")
        for name, size in (("1e14.kfr", 16), ("1e50.kfr", 8), ("5e113.kfr", 8),
                           ("5e227.kfr", 8), ("4e533.kfr", 8), ("1e1086.kfr", 4)):
            with self.subTest(name):
                out = self.file("location.npy")
                # (at 16 pixels 1e14 is still within the direct path's reach)
                report = json.loads(run(["--from", os.path.join(locations, name), "--size",
                                         str(size), "--method", "perturbation", "--json", "-o",
                                         out], check=True).stdout)
                counts = np.load(out)
                print(f"{name}: {report['deep']}")
                self.assertEqual(report["method"], "perturbation")
                self.assertEqual(report["deep"]["approximate_pixels"], 0)
                self.assertGreater(len(np.unique(counts)), 1)

    def test_the_readme_picture_is_what_its_command_writes(self):
        # README "Deep zoom": the same bytes on every machine, target and thread count.
        out = self.file("deep.png")
        run(["--from", os.path.join(SOURCE_DIR, "tests", "data", "kfr", "5e113.kfr"), "--size",
             "256", "--quiet", "-o", out], check=True)
        with open(out, "rb") as rendered, \
                open(os.path.join(SOURCE_DIR, "assets", "deep", "5e113.png"), "rb") as golden:
            self.assertEqual(rendered.read(), golden.read())

    def test_a_deep_png_re_renders_and_verifies(self):
        png = self.file("deep.png")
        run(["--center", KF_1E14, "--radius", "1e-15", "--iter", "4036", "--size", "32",
             "-q", "-o", png], check=True)
        again = self.file("again.npy")
        run(["--from", png, "-q", "-o", again], check=True)
        first = self.render_npy("--center", KF_1E14, "--radius", "1e-15", "--iter", "4036",
                                "--size", "32")
        np.testing.assert_array_equal(np.load(again), first)
        verified = run(["verify", png])
        self.assertEqual(verified.returncode, 0, verified.stderr.decode())

    def test_iter_auto_is_resolved_and_recorded(self):
        png = self.file("auto.png")
        report = json.loads(run(["--center", KF_1E14, "--radius", "1e-15", "--size", "32",
                                 "--iter", "auto", "--json", "-o", png], check=True).stdout)
        self.assertEqual(report["method"], "perturbation")
        self.assertGreater(report["iterations"], report["max_count"])
        self.assertGreater(report["max_count"], 400)  # the view's pixels escape near 560
        info = json.loads(run(["info", "--json", png], check=True).stdout)
        self.assertEqual(info["parameters"]["iterations"], report["iterations"])
        self.assertEqual(run(["verify", png]).returncode, 0)

    def test_forced_perturbation_is_recorded_for_re_renders(self):
        png = self.file("forced.png")
        run(["--center", "-0.7436,0.1318", "--radius", "0.003", "--iter", "500", "--size", "32",
             "--method", "perturbation", "-q", "-o", png], check=True)
        info = json.loads(run(["info", "--json", png], check=True).stdout)
        self.assertEqual(info["parameters"]["method"], "perturbation")
        self.assertEqual(run(["verify", png]).returncode, 0)


if __name__ == "__main__":
    unittest.main()

"""The image-regression workflow as a CI job runs it: render, compare, info,
--from, hashes and config files."""

import json
import os
import subprocess
import unittest

import numpy as np

from support import ScratchTestCase, png_pixels, run

DEFAULT_HASH = "xxh3-128:d4ff1bb334b0d4bd1d9551fb43319570"


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class Regression(ScratchTestCase):
    def render(self, name, *args):
        run(list(args) + ["-o", self.file(name), "-q"], check=True)
        return self.file(name)

    def compare(self, *args):
        return run(["compare", *args], cwd=self.path)

    # ---- compare ----

    def test_identical_and_one_pixel_different(self):
        a = self.render("a.npy", "--size", "40")
        counts = np.load(a)
        counts[5, 7] += 3
        np.save(self.file("b.npy"), counts)
        self.assertEqual(self.compare(a, a).returncode, 0)
        result = self.compare(a, self.file("b.npy"), "--json")
        self.assertEqual(result.returncode, 1)
        report = json.loads(result.stdout)
        self.assertEqual((report["differing"], report["largest_diff"]), (1, 3))
        # A raw file and an npy file of the same counts compare as equal.
        raw = self.render("a.raw", "--size", "40")
        self.assertEqual(self.compare(a, raw, "--width", "40", "--height", "40").returncode, 0)

    def test_tolerance_edges(self):
        a = self.render("a.npy", "--size", "20")
        counts = np.load(a)
        counts[0, 0] += 5
        counts[1, 1] += 2
        b = self.file("b.npy")
        np.save(b, counts)
        cases = [  # (arguments, exit code): exactly at each limit, then one past it
            (["--max-diff", "5"], 0), (["--max-diff", "4"], 1),
            (["--max-differing", "2"], 0), (["--max-differing", "1"], 1),
            (["--max-differing", "0.5%"], 0), (["--max-differing", "0.25%"], 1),  # 2 of 400
            (["--max-diff", "2", "--max-differing", "1"], 0),
            (["--max-diff", "1", "--max-differing", "1"], 1),
        ]
        for args, code in cases:
            with self.subTest(args=args):
                self.assertEqual(self.compare(a, b, *args).returncode, code)

    def test_images_report_psnr_and_diff_image(self):
        a = self.render("a.png", "--size", "32", "--iter", "100")
        b = self.render("b.png", "--size", "32", "--iter", "99")
        result = self.compare(a, b, "--json", "--diff-image", self.file("diff.png"))
        self.assertEqual(result.returncode, 1)
        report = json.loads(result.stdout)
        self.assertEqual(report["kind"], "image")
        self.assertGreater(report["psnr"], 0)
        diff = png_pixels(read_bytes(self.file("diff.png")))
        differs = (png_pixels(read_bytes(a)) != png_pixels(read_bytes(b))).any(axis=2)
        red = (diff == [255, 0, 0]).all(axis=2)
        np.testing.assert_array_equal(red, differs)
        self.assertEqual(report["differing"], int(differs.sum()))
        same = json.loads(self.compare(a, a, "--json").stdout)
        self.assertIsNone(same["psnr"])  # infinite: identical

    def test_compare_errors_exit_2(self):
        png = self.render("a.png", "--size", "16")
        npy = self.render("a.npy", "--size", "16")
        small = self.render("s.npy", "--size", "15")
        with open(self.file("corrupt.png"), "wb") as f:
            f.write(read_bytes(png)[:40] + b"\x00" * 50)
        with open(self.file("trunc.npy"), "wb") as f:
            f.write(read_bytes(npy)[:-10])
        cases = [
            ([npy, small], "different dimensions"),
            ([npy, png], "cannot compare"),
            ([png, self.file("corrupt.png")], "not a readable PNG"),
            ([npy, self.file("trunc.npy")], "expected 1024 bytes"),
            ([npy, self.file("missing.npy")], "cannot read"),
            ([npy, npy, "--max-differing", "x"], "--max-differing"),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                result = self.compare(*args)
                stderr = result.stderr.decode()
                self.assertEqual(result.returncode, 2, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertIn(expected, stderr)

    # ---- self-describing PNGs, info, --from ----

    def test_png_carries_valid_parameters(self):
        png = self.render("a.png", "--center", "-0.7435,0.1314", "--radius", "0.01", "--width",
                          "60", "--height", "40", "--iter", "500")
        png_pixels(read_bytes(png))  # checks every chunk's CRC with zlib.crc32
        check = subprocess.run(["pngcheck", "-t", png], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertIn("mandelbrot", check.stdout)
        info = json.loads(run(["info", png, "--json"], check=True).stdout)
        self.assertEqual((info["format"], info["width"], info["height"]), ("png", 60, 40))
        params = info["parameters"]
        self.assertEqual(params["iterations"], 500)
        self.assertEqual(float(params["region"]["ymax"]), 0.1314 + 0.01)
        self.assertTrue(params["hash"].startswith("xxh3-128:"))
        text = run(["info", png], check=True).stdout.decode()
        self.assertIn("iterations: 500", text)

    def test_info_on_count_files_and_bad_input(self):
        raw = self.render("c.raw", "--width", "30", "--height", "20", "--iter", "50")
        info = json.loads(run(["info", raw, "--width", "30", "--height", "20", "--json"],
                              check=True).stdout)
        self.assertEqual((info["format"], info["kind"], info["max_count"]), ("raw", "counts", 49))
        self.assertIsNone(info["parameters"])
        for args, expected in [([raw], "give its size with --width and --height"),
                               ([raw, "--width", "30"], "both --width and --height"),
                               ([raw, "--width", "31", "--height", "20"], "expected 2480 bytes"),
                               ([self.file("none.png")], "cannot read")]:
            with self.subTest(args=args):
                result = run(["info", *args])
                stderr = result.stderr.decode()
                self.assertEqual(result.returncode, 2, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertIn(expected, stderr)

    def test_from_reproduces_a_png_byte_for_byte(self):
        a = self.render("a.png", "--center", "-0.75,0.1", "--radius", "0.05", "--iter", "300",
                        "--colormap", "gray", "--png-level", "3", "--size", "50")
        b = self.render("b.png", "--from", a)
        self.assertEqual(read_bytes(a), read_bytes(b))

    def test_from_a_json_report(self):
        report = run(["--width", "30", "--height", "20", "--iter", "77", "--format", "raw",
                      "-o", self.file("a.raw"), "--json"], check=True).stdout
        with open(self.file("report.json"), "wb") as f:
            f.write(report)
        b = self.render("b.raw", "--from", self.file("report.json"))
        self.assertEqual(read_bytes(self.file("a.raw")), read_bytes(b))

    def test_from_with_a_larger_size_keeps_the_view(self):
        a = self.render("a.png", "--size", "40")
        big = self.render("big.png", "--from", a, "--size", "400")
        params = json.loads(run(["info", big, "--json"], check=True).stdout)["parameters"]
        self.assertEqual(params["width"], 400)
        self.assertEqual(params["region"], {"xmin": "-2", "xmax": "1", "ymin": "-1.5",
                                            "ymax": "1.5"})
        default = self.render("default.png")
        self.assertEqual(read_bytes(big), read_bytes(default))

    def test_from_errors(self):
        plain = self.file("plain.png")
        self.render("a.png", "--size", "8")
        self.compare(self.file("a.png"), self.file("a.png"), "--diff-image", plain)
        for args, expected in [(["--from", self.file("none.png")], "cannot read"),
                               (["--from", plain], "has no mandelbrot parameters")]:
            result = run(args + ["-o", self.file("x.png")])
            self.assertEqual(result.returncode, 2)
            self.assertIn(expected, result.stderr.decode())
            self.assertFalse(os.path.exists(self.file("x.png")))

    def test_no_command_writes_over_its_input(self):
        golden = self.file("golden.png")
        run(["--size", "32", "-o", golden], check=True)
        changed = self.file("changed.png")
        run(["--size", "32", "--iter", "50", "-o", changed], check=True)
        with open(golden, "rb") as f:
            before = f.read()
        for args in (["compare", golden, changed, "--diff-image", golden],
                     ["compare", golden, changed, "--diff-image", self.path + "/./changed.png"],
                     ["--from", golden, "-o", golden]):
            with self.subTest(args=args):
                result = run(args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("would destroy it", result.stderr.decode())
                with open(golden, "rb") as f:
                    self.assertEqual(f.read(), before)

    # ---- hashes ----

    def test_default_hash_is_pinned_and_the_same_everywhere(self):
        hashes = set()
        for args in (["--threads", "1"], ["--threads", "2"], ["--threads", "3"], ["--threads", "0"],
                     ["--kernel", "scalar"], ["--kernel", "sse4", "--no-shortcuts"]):
            result = run(["--hash", "--format", "raw", "-o", self.file("h.raw")] + args,
                         check=True)
            hashes.add(result.stdout.decode().strip())
        self.assertEqual(hashes, {DEFAULT_HASH})
        xxh = subprocess.run(["xxh128sum", self.file("h.raw")], capture_output=True, text=True,
                             check=True)
        self.assertEqual("xxh3-128:" + xxh.stdout.split()[0], DEFAULT_HASH)
        report = json.loads(run(["--json", "-o", self.file("h.png")], check=True).stdout)
        self.assertEqual(report["hash"], DEFAULT_HASH)
        on_stderr = run(["--hash", "--format", "npy", "-o", "-"], check=True)
        self.assertEqual(on_stderr.stderr.decode().strip(), DEFAULT_HASH)

    # ---- config files ----

    def test_config_file_with_overrides(self):
        with open(self.file("view.toml"), "w") as f:
            f.write('size = 50\niter = 300\ncenter = "-0.75,0.1"\nradius = 0.05\n'
                    'colormap = "gray"\n')
        report = json.loads(run(["--config", self.file("view.toml"), "--iter", "400", "-o",
                                 self.file("c.png"), "--json"], check=True).stdout)
        self.assertEqual((report["width"], report["iterations"], report["colormap"]),
                         (50, 400, "gray"))
        self.assertAlmostEqual(report["region"]["ymax"], 0.15)
        missing = run(["--config", self.file("none.toml")])
        self.assertEqual(missing.returncode, 2)
        self.assertIn("none.toml", missing.stderr.decode())


if __name__ == "__main__":
    unittest.main()

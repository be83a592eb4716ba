"""Views end to end (docs/SEMANTICS.md, "Views"): the centre, radius and angle
travel through PNGs, --json, info and --from exactly as typed, and a view too
deep for doubles is refused with one line."""

import json
import os
import struct
import unittest
import zlib

import numpy as np

from support import ScratchTestCase, png_pixels, reference_counts, run

# The view that used to render in blocks of about five pixels sharing one double.
DEEP_CENTER = ("-1.7598171308048478136108250105617982382440,"
               "-0.01259331079974986538374663184326485845034")
LONG_X = "-0.7435669" + "1234567890" * 20  # 200 more digits than a double holds


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def samples(width, height, center, radius):
    """The x and y samples of a view, computed with NumPy as the contract reads."""
    cx, cy = (float(v) for v in center.split(","))
    r = float(radius)
    half_width = r * width / height
    xmin, xmax, ymin, ymax = cx - half_width, cx + half_width, cy - r, cy + r
    x = xmin + np.arange(width, dtype=np.float64) / width * (xmax - xmin)
    y = ymax - np.arange(height, dtype=np.float64) / height * (ymax - ymin)
    return x, y


def distinct(width, height, center, radius):
    x, y = samples(width, height, center, radius)
    return bool(np.all(np.diff(x) != 0) and np.all(np.diff(y) != 0))


def with_params(png, text):
    """png with its mandelbrot tEXt chunk replaced by one holding text."""
    pos, out = 8, png[:8]
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind = png[pos + 4:pos + 8]
        chunk = png[pos:pos + 12 + length]
        if kind == b"tEXt" and png[pos + 8:pos + 19] == b"mandelbrot\0":
            body = b"mandelbrot\0" + text.encode()
            chunk = (struct.pack(">I", len(body)) + b"tEXt" + body +
                     struct.pack(">I", zlib.crc32(b"tEXt" + body)))
        out += chunk
        pos += 12 + length
    return out


class Views(ScratchTestCase):
    def render(self, name, *args):
        run(list(args) + ["-o", self.file(name), "-q"], check=True)
        return self.file(name)

    def info(self, path):
        return json.loads(run(["info", path, "--json"], check=True).stdout)

    def test_the_centre_comes_back_as_typed(self):
        png = self.render("a.png", "--center", "0.05,0", "--radius", "0.5", "--size", "40")
        view = self.info(png)["parameters"]["view"]
        self.assertEqual(view, {"center_x": "0.05", "center_y": "0", "radius": "0.5"})
        raw = run(["info", png, "--json"], check=True).stdout.decode()
        self.assertIn('"center_x":"0.05"', raw)
        self.assertNotIn("0.049999", raw)
        text = run(["info", png], check=True).stdout.decode()
        self.assertIn("  view.center_x: 0.05\n", text)
        self.assertIn("  view.radius: 0.5\n", text)

    def test_from_with_a_new_size_keeps_every_digit(self):
        center = LONG_X + ",0.1314"
        a = self.render("a.png", "--center", center, "--radius", "1e-3", "--size", "40",
                        "--angle", "30")
        b = self.render("b.png", "--from", a, "--size", "60")
        view = self.info(b)["parameters"]["view"]
        self.assertEqual(view, {"center_x": LONG_X, "center_y": "0.1314", "radius": "1e-3",
                                "angle": "30"})
        self.assertEqual(self.info(b)["width"], 60)

    def test_from_round_trips_byte_for_byte(self):
        for args in (["--center", "0.05,0", "--radius", "0.5"],
                     ["--center", LONG_X + ",0.1314", "--radius", "0.0005", "--angle", "-12.5"],
                     ["--region", "-2,1,-1,1", "--width", "30", "--height", "10"],
                     ["--region", "-1.5,-1,-0.25,0.25"]):
            with self.subTest(args=args):
                a = self.render("a.png", "--size", "24", *args) if "--width" not in args \
                    else self.render("a.png", *args)
                b = self.render("b.png", "--from", a)
                self.assertEqual(read_bytes(a), read_bytes(b))

    def test_info_json_is_a_from_input(self):
        a = self.render("a.png", "--center", "-0.75,0.1", "--radius", "0.05", "--size", "32",
                        "--iter", "300", "--colormap", "gray")
        with open(self.file("info.json"), "wb") as f:
            f.write(run(["info", a, "--json"], check=True).stdout)
        b = self.render("b.png", "--from", self.file("info.json"))
        self.assertEqual(read_bytes(a), read_bytes(b))
        # Straight from a pipe, too.
        info = run(["info", a, "--json"], check=True).stdout
        c = run(["--from", "/dev/stdin", "-o", self.file("c.png"), "-q"], input=info, check=True)
        self.assertEqual(c.returncode, 0)
        self.assertEqual(read_bytes(a), read_bytes(self.file("c.png")))
        # info of a file without parameters is not a --from input.
        raw = self.render("d.raw", "--size", "8")
        with open(self.file("raw.json"), "wb") as f:
            f.write(run(["info", raw, "--width", "8", "--height", "8", "--json"],
                        check=True).stdout)
        result = run(["--from", self.file("raw.json"), "-o", self.file("e.png")])
        self.assertEqual(result.returncode, 2)
        self.assertIn("no render parameters", result.stderr.decode())

    def test_a_region_of_another_aspect_still_stretches(self):
        region = (-2.0, 1.0, -1.0, 1.0)  # 3:2 on a 3:1 image
        out = run(["--region", "-2,1,-1,1", "--width", "30", "--height", "10", "--iter", "50",
                   "--format", "raw", "-o", "-"], check=True).stdout
        counts = np.frombuffer(out, dtype="<i4").reshape(10, 30)
        np.testing.assert_array_equal(counts, reference_counts(30, 10, 50, region))
        png = self.render("r.png", "--region", "-2,1,-1,1", "--width", "30", "--height", "10")
        view = self.info(png)["parameters"]["view"]
        self.assertEqual(view["region"], {"xmin": "-2", "xmax": "1", "ymin": "-1", "ymax": "1"})
        self.assertEqual((view["center_x"], view["center_y"], view["radius"]), ("-0.5", "0", "1"))

    def test_files_from_before_views_still_work(self):
        a = self.render("a.png", "--region", "-1.5,-1,-0.25,0.25", "--size", "20")
        params = self.info(a)["parameters"]
        del params["view"]  # what older versions wrote: the region's bounds only
        with open(self.file("old.png"), "wb") as f:
            f.write(with_params(read_bytes(a), json.dumps(params, separators=(",", ":"))))
        png_pixels(read_bytes(self.file("old.png")))  # valid CRCs
        b = self.render("b.png", "--from", self.file("old.png"))
        np.testing.assert_array_equal(png_pixels(read_bytes(a)), png_pixels(read_bytes(b)))
        bigger = self.render("c.png", "--from", self.file("old.png"), "--size", "40")
        view = self.info(bigger)["parameters"]["view"]
        self.assertEqual(view, {"center_x": "-1.25", "center_y": "0", "radius": "0.25"})

    def test_angle_zero_is_the_plain_render(self):
        plain = run(["--center", "-0.75,0.1", "--radius", "0.05", "--size", "32", "--format",
                     "raw", "-o", "-"], check=True).stdout
        zero = run(["--center", "-0.75,0.1", "--radius", "0.05", "--size", "32", "--angle", "0",
                    "--format", "raw", "-o", "-"], check=True).stdout
        self.assertEqual(plain, zero)

    def test_right_angles_turn_the_image(self):
        """--angle 90 turns the view a quarter counter-clockwise about its centre: the
        pixel at row i, column j samples what the plain render has at row H - j,
        column i (for j >= 1; column 0 has no partner)."""
        def counts(extra):
            out = run(["--size", "64", "--format", "raw", "-o", "-"] + extra, check=True).stdout
            return np.frombuffer(out, dtype="<i4").reshape(64, 64)
        plain, turned = counts([]), counts(["--angle", "90"])
        expected = np.array([[plain[64 - j][i] for j in range(1, 64)] for i in range(64)])
        np.testing.assert_array_equal(turned[:, 1:], expected)
        half = counts(["--angle", "180"])  # a half turn: row H - i, column W - j
        np.testing.assert_array_equal(half[1:, 1:], plain[:0:-1, :0:-1])
        self.assertFalse((turned == plain).all())

    # ---- too deep for doubles: refused by --method direct, perturbation for auto ----

    def assert_too_deep(self, args, *expected):
        result = run(args + ["--method", "direct", "-o", self.file("deep.png")])
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 2, stderr)
        self.assertEqual(stderr.count("\n"), 1, stderr)
        self.assertIn("needs a deep-zoom method", stderr)
        for text in expected:
            self.assertIn(text, stderr)
        self.assertFalse(os.path.exists(self.file("deep.png")))

    def test_the_view_that_rendered_in_blocks_is_refused(self):
        x, _ = samples(1024, 1024, DEEP_CENTER, "2e-14")
        self.assertLess(len(np.unique(x)), 1024 // 4)  # about five pixels per double
        self.assert_too_deep(["--size", "1024", "--iter", "4036", "--radius", "2e-14", "--center",
                              DEEP_CENTER], "--radius 2e-14 is too small", "(zoom 7.5e13)",
                             "both sample x = ")
        self.assert_too_deep(["--radius", "1e-500"], "(zoom 1.5e500)",
                             "the radius rounds to 0")
        self.assert_too_deep(["--region", "1,1.0000000000000000000001,-1,1"],
                             "--region 1,1.0000000000000000000001,-1,1 is too small")

    def test_either_side_of_the_limit(self):
        # Near 1.5, doubles are 2^-52 apart: sweep the radius across the point
        # where 64 pixels stop being distinct, in x and then in y.
        for center, axis in (("1.5,0", "x"), ("0,1.5", "y")):
            radii = [repr(f / 100 * 64 * 2.0 ** -53) for f in range(20, 300)]
            ok = [distinct(64, 64, center, r) for r in radii]
            edges = [k for k in range(1, len(ok)) if ok[k] != ok[k - 1]]
            self.assertTrue(edges, center)
            for k in edges[:3]:
                for radius, expected in ((radii[k - 1], ok[k - 1]), (radii[k], ok[k])):
                    with self.subTest(center=center, radius=radius):
                        args = ["--size", "64", "--iter", "30", "--center", center, "--radius",
                                radius]
                        if expected:
                            out = run(args + ["--format", "raw", "-o", "-"], check=True).stdout
                            self.assertEqual(len(out), 64 * 64 * 4)
                        else:
                            self.assert_too_deep(args, f"both sample {axis} = ")
                        # auto takes the direct path exactly where it applies
                        report = json.loads(run(args + ["--json", "-o", self.file("a.png")],
                                                check=True).stdout)
                        self.assertEqual(report["method"],
                                         "direct" if expected else "perturbation")

    def test_bad_view_text_is_one_line(self):
        cases = [
            (["--center", "0.05,abc"], "--center must be a number, got 'abc'"),
            (["--center", "1e400,0"], "--center 1e400,0 is beyond the range of doubles"),
            (["--radius", "0"], "--radius must be > 0, got '0'"),
            (["--radius", "-0.0e5"], "--radius must be > 0"),
            (["--radius", "1e400"], "--radius 1e400 is beyond the range of doubles"),
            (["--angle", "abc"], "--angle must be a number, got 'abc'"),
            (["--angle", "nan"], "--angle must be finite, got 'nan'"),
            (["--region", "1,1e-999999999,-1,1"], "differ too much in scale"),
            (["--center", "0x1p-3,0"], "--center must be a number, got '0x1p-3'"),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                result = run(args + ["-o", self.file("bad.png")])
                stderr = result.stderr.decode()
                self.assertEqual(result.returncode, 2, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertIn(expected, stderr)
                self.assertFalse(os.path.exists(self.file("bad.png")))


if __name__ == "__main__":
    unittest.main()

"""The fractal families on the command line: each family's counts against an
independent NumPy implementation of docs/SEMANTICS.md ("Families"), bad family options
(exit 2, one line naming the option and the value), the family in --json and in
the PNG parameters, and --from reproducing a family render byte for byte."""

import json
import os
import re
import subprocess
import unittest

import numpy as np

from support import MANDELBROT, SOURCE_DIR, ScratchTestCase, reference_counts, run

BAD = [
    (["--family", "burning_ship"], "unknown --family 'burning_ship' (known: mandelbrot, julia, "
                                   "burning-ship, tricorn, multibrot)"),
    (["--family", "multibrot", "--power", "9"], "--power must be an integer from 2 to 8, got '9'"),
    (["--family", "multibrot", "--power", "two"], "--power must be an integer from 2 to 8, "
                                                  "got 'two'"),
    (["--power", "3"], "--power '3' needs --family multibrot, got --family mandelbrot"),
    (["--family", "tricorn", "--julia", "0,1"], "--julia '0,1' needs --family julia, "
                                                "got --family tricorn"),
    (["--family", "julia"], "--family julia needs its constant: --julia KR,KI"),
    (["--julia", "0.3"], "--julia needs 2 comma-separated numbers KR,KI, got '0.3'"),
    (["--julia", "0.3,inf"], "--julia must be finite, got 'inf'"),
]


def family_counts(family, width, height, iterations, region, bailout=10.0, power=2,
                  julia=(0.0, 0.0)):
    """(height, width) int32 counts of a family, from the shared NumPy reference."""
    return reference_counts(width, height, iterations, region, bailout, family=family,
                            power=power, julia=julia)


def raw_counts(args, width, height):
    out = run([*args, "--format", "raw", "-o", "-"], check=True).stdout
    return np.frombuffer(out, dtype="<i4").reshape(height, width)


class Families(ScratchTestCase):
    def test_every_family_matches_numpy(self):
        region = (-2.0, 2.0, -1.5, 1.5)
        view = ["--width", "80", "--height", "60", "--iter", "200", "--region", "-2,2,-1.5,1.5"]
        cases = [
            ([], dict(family="mandelbrot")),
            (["--julia", "-0.8,0.156"], dict(family="julia", julia=(-0.8, 0.156))),
            (["--family", "julia", "--julia", "-1,0"], dict(family="julia", julia=(-1.0, 0.0))),
            (["--family", "burning-ship"], dict(family="burning-ship")),
            (["--family", "tricorn"], dict(family="tricorn")),
            (["--family", "multibrot"], dict(family="multibrot", power=3)),
            (["--family", "multibrot", "--power", "2"], dict(family="mandelbrot")),
        ] + [(["--family", "multibrot", "--power", str(d)], dict(family="multibrot", power=d))
             for d in range(4, 9)]  # each power is its own instantiation of the kernel
        for args, expected in cases:
            for extra in ([], ["--no-shortcuts"], ["--kernel", "scalar"], ["--threads", "3"]):
                with self.subTest(args=args, extra=extra):
                    got = raw_counts(view + args + extra, 80, 60)
                    want = family_counts(width=80, height=60, iterations=200, region=region,
                                         **expected)
                    np.testing.assert_array_equal(got, want)

    def test_julia_defaults_to_the_view_around_zero(self):
        got = raw_counts(["--size", "50", "--julia", "-0.12,0.75"], 50, 50)
        want = family_counts("julia", 50, 50, 100, (-1.5, 1.5, -1.5, 1.5), julia=(-0.12, 0.75))
        np.testing.assert_array_equal(got, want)

    def test_bad_family_options_exit_2_with_one_line(self):
        for args, message in BAD:
            with self.subTest(args=args):
                result = run([*args, "-o", self.file("x.png")])
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stderr.decode(), f"mandelbrot: error: {message}\n")
                self.assertFalse(os.path.exists(self.file("x.png")))

    def test_json_report_and_png_parameters_carry_the_family(self):
        png = self.file("m.png")
        result = run(["--size", "40", "--family", "multibrot", "--power", "5", "--json", "-o",
                      png], check=True)
        report = json.loads(result.stdout)
        self.assertEqual((report["family"], report["power"]), ("multibrot", 5))
        info = json.loads(run(["info", png, "--json"], check=True).stdout)
        self.assertIn("multibrot", json.dumps(info))
        plain = json.loads(run(["--size", "8", "--json", "-o", self.file("p.png")],
                               check=True).stdout)
        self.assertEqual(plain["family"], "mandelbrot")

    def test_from_reproduces_family_renders_byte_for_byte(self):
        renders = [
            ["--julia", "-0.8,0.156", "--iter", "300"],
            ["--family", "burning-ship", "--center", "-1.75,-0.03", "--radius", "0.05"],
            ["--family", "tricorn", "--colormap", "gray"],
            ["--family", "multibrot", "--power", "4"],
        ]
        for i, args in enumerate(renders):
            with self.subTest(args=args):
                first = self.file(f"first{i}.png")
                again = self.file(f"again{i}.png")
                run(["--width", "48", "--height", "36", *args, "-o", first], check=True)
                run(["--from", first, "-o", again], check=True)
                with open(first, "rb") as a, open(again, "rb") as b:
                    self.assertEqual(a.read(), b.read())
        # The command line overrides the recorded family.
        run(["--from", self.file("first3.png"), "--power", "6", "--format", "raw", "-o",
             self.file("six.raw")], check=True)
        run(["--width", "48", "--height", "36", "--family", "multibrot", "--power", "6",
             "--format", "raw", "-o", self.file("six-direct.raw")], check=True)
        with open(self.file("six.raw"), "rb") as a, open(self.file("six-direct.raw"), "rb") as b:
            self.assertEqual(a.read(), b.read())


class ReadmePictures(ScratchTestCase):
    def test_each_family_picture_is_what_its_command_writes(self):
        with open(os.path.join(SOURCE_DIR, "README.md")) as f:
            readme = f.read()
        pictures = [p for p in re.findall(r"^\$ mandelbrot (.*) -o (\S+)\n```\n\n!\[[^\]]*\]\((\S+)\)",
                                          readme, re.M)
                    if p[2].startswith("assets/families/")]
        self.assertEqual(sorted(os.path.basename(p) for _, _, p in pictures),
                         ["burning-ship.png", "julia.png", "mandelbrot.png", "multibrot.png",
                          "tricorn.png"])
        for args, name, asset in pictures:
            with self.subTest(asset=asset):
                self.assertEqual(name, os.path.basename(asset))
                subprocess.run([MANDELBROT, *args.split(), "-o", self.file(name)], check=True,
                               timeout=60)
                with open(self.file(name), "rb") as a, \
                        open(os.path.join(SOURCE_DIR, asset), "rb") as b:
                    self.assertEqual(a.read(), b.read())


if __name__ == "__main__":
    unittest.main()

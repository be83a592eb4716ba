"""The command line's words and rules (docs/RELIABILITY.md "Command-line rules"
and "Config files"): CLI11's texts reworded, config files, output names,
case, --hash with --json, warnings, help texts, and `verify`."""

import json
import os
import re
import subprocess
import time
import unittest

from support import MANDELBROT, SOURCE_DIR, ScratchTestCase, run


class CliWords(ScratchTestCase):
    def error_of(self, args, code=2):
        """Runs args expecting one error line and exit `code`; returns the line."""
        result = run(args, cwd=self.path)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, code, f"{args}: {stderr}")
        self.assertEqual(stderr.count("\n"), 1, f"{args}: not one line: {stderr!r}")
        self.assertTrue(stderr.startswith("mandelbrot: error: "), stderr)
        self.assertEqual(result.stdout, b"")
        return stderr.strip()[len("mandelbrot: error: "):]

    def write(self, name, text):
        with open(self.file(name), "w") as f:
            f.write(text)
        return self.file(name)

    # ---- item 24: CLI11's texts in our words ----

    def test_unknown_options_and_subcommands_with_suggestions(self):
        self.assertEqual(self.error_of(["--siz", "64"]),
                         "unknown option '--siz' (did you mean --size?) (see mandelbrot --help)")
        self.assertIn("unknown option '--max-dif' (did you mean --max-diff?)",
                      self.error_of(["compare", "a", "b", "--max-dif", "1"]))
        self.assertIn("unknown subcommand 'rendr' (did you mean render?)",
                      self.error_of(["rendr"]))
        self.assertIn("unknown subcommand 'verfy' (did you mean verify?)",
                      self.error_of(["verfy", "x.png"]))
        self.assertIn("unknown option '--colour'", self.error_of(["--colour", "hot"]))

    def test_option_given_twice_missing_value_and_exclusions(self):
        self.assertIn("--size is given 2 times; give it once",
                      self.error_of(["--size", "64", "--size", "32"]))
        self.assertIn("--size needs a value", self.error_of(["--size"]))
        self.assertIn("--size and --width cannot be given together",
                      self.error_of(["--size", "4", "--width", "4"]))
        self.assertIn("missing the argument B", self.error_of(["compare", "a.png"]))

    def test_not_an_integer_says_so(self):
        for args in (["--size", "1e3"], ["bench", "--size", "1e3"]):
            self.assertIn("--size must be an integer, got '1e3'", self.error_of(args))

    def test_a_missing_config_file_says_why(self):
        self.assertEqual(self.error_of(["--config", "missing.toml"]),
                         "--config: cannot read 'missing.toml': No such file or directory "
                         "(see mandelbrot --help)")

    # ---- items 11, 15, 16, 17: config files ----

    def test_config_file_keys_and_the_command_line_winning(self):
        config = self.write("view.toml", 'size = 50\niter = 300\ncenter = [-0.75, 0.1]\n'
                                         'radius = 0.05\ncolormap = "gray"\n')
        report = json.loads(run(["render", "--config", config, "--iter", "400", "-o",
                                 self.file("c.png"), "--json"], check=True).stdout)
        self.assertEqual((report["width"], report["iterations"], report["colormap"]),
                         (50, 400, "gray"))
        # A region on the command line replaces the file's centre and radius.
        region = json.loads(run(["--config", config, "--region", "-2,1,-1.5,1.5", "-o",
                                 self.file("r.png"), "--json"], check=True).stdout)
        self.assertEqual(region["region"], {"xmin": -2, "xmax": 1, "ymin": -1.5, "ymax": 1.5})
        # --width replaces the file's size.
        wide = json.loads(run(["--config", config, "--width", "30", "-o", self.file("w.png"),
                               "--json"], check=True).stdout)
        self.assertEqual((wide["width"], wide["height"]), (30, 400))

    def test_the_readme_config_example_works(self):
        with open(os.path.join(SOURCE_DIR, "README.md")) as f:
            example = re.search(r"^```toml\n(.*?)^```", f.read(), re.S | re.M).group(1)
        config = self.write("readme.toml", example)
        report = json.loads(run(["--config", config, "--size", "20", "-o", self.file("r.png"),
                                 "--json"], check=True).stdout)
        self.assertEqual((report["width"], report["iterations"], report["colormap"],
                          report["shortcuts"]), (20, 500, "gray", False))

    def test_config_file_errors_name_the_line(self):
        typo = self.write("typo.toml", "size = 50\niterr = 500\n")
        self.assertIn(f"{typo}:2: unknown key 'iterr' (did you mean iter?)",
                      self.error_of(["--config", typo]))
        wrong = self.write("wrong.toml", "size = '64'\n")
        self.assertIn(f"{wrong}:1: 'size' must be an integer, not a string",
                      self.error_of(["--config", wrong]))
        both = self.write("both.toml", "center = '0,0'\nregion = '-1,1,-1,1'\n")
        self.assertIn("'region' and 'center' (line 1) exclude each other",
                      self.error_of(["--config", both]))
        broken = self.write("broken.toml", "size = 50\niter = \n")
        self.assertIn(f"{broken}:2: ", self.error_of(["--config", broken]))

    def test_deep_config_header_is_refused_quickly(self):
        # Item 11: 5,000 levels cost 0.8 GB and 4.5 s inside CLI11's reader.
        deep = self.write("deep.toml", "[" + ".".join(["a"] * 5000) + "]\nx = 1\n")
        start = time.monotonic()
        message = self.error_of(["--config", deep])
        self.assertLess(time.monotonic() - start, 2)
        self.assertIn(f"{deep}:1: nested deeper than 8 levels", message)
        self.assertIn("more than the 65536 bytes",
                      self.error_of(["--config", self.write("big.toml", "# x\n" * 20000)]))

    def test_render_help_shows_the_options_of_the_bare_command(self):
        def options(text):
            return sorted(set(re.findall(r"^\s+(-[-\w, ]+?)(?:\s[A-Z]|\s\s|$)", text, re.M)))
        bare = run(["--help"], check=True).stdout.decode()
        render = run(["render", "--help"], check=True).stdout.decode()
        self.assertIn("--config FILE", render)
        self.assertIn("--size N", render)
        bare_options = [o for o in options(bare) if o not in ("--version",)]
        self.assertEqual(bare_options, options(render))

    # ---- item 19: --hash --json ----

    def test_hash_with_json_prints_one_json_object(self):
        for target in ([ "-o", self.file("h.png")], ["--format", "npy", "-o", "-"]):
            result = run(["--size", "16", "--hash", "--json"] + target, check=True)
            stream = result.stderr if "-" in target else result.stdout
            report = json.loads(stream)
            self.assertTrue(report["hash"].startswith("xxh3-128:"))
        alone = run(["--size", "16", "--hash", "-o", self.file("a.png")], check=True)
        self.assertEqual(alone.stdout.decode().strip(), report["hash"])

    # ---- item 20: output names follow --format ----

    def test_default_output_name_follows_the_format(self):
        run(["--size", "8", "--format", "npy", "-q"], cwd=self.path, check=True)
        self.assertEqual(os.listdir(self.path), ["mandelbrot.npy"])
        with open(self.file("mandelbrot.npy"), "rb") as f:
            self.assertEqual(f.read(6), b"\x93NUMPY")
        self.assertEqual(self.error_of(["-o", "x.png", "--format", "npy"]),
                         "-o 'x.png' names a png file but --format is npy; make them agree")
        self.assertFalse(os.path.exists(self.file("x.png")))

    # ---- item 26: case ----

    def test_names_are_case_insensitive(self):
        upper = run(["--size", "8", "--format", "PNG", "--colormap", "GRAY", "-o", "-"],
                    check=True)
        lower = run(["--size", "8", "--format", "png", "--colormap", "gray", "-o", "-"],
                    check=True)
        self.assertEqual(upper.stdout, lower.stdout)
        run(["--size", "8", "-o", self.file("x.PNG"), "--format", "png"], check=True)

    # ---- item 29: warnings ----

    def test_warnings_for_options_without_effect(self):
        def warnings(args):
            result = run(["--size", "16"] + args, cwd=self.path, check=True)
            return [line for line in result.stderr.decode().splitlines()
                    if line.startswith("mandelbrot: warning: ")]
        self.assertEqual(warnings(["--png-level", "2", "-o", "a.npy"]),
                         ["mandelbrot: warning: --png-level has no effect on npy output"])
        self.assertEqual(warnings(["--colormap", "gray", "-o", "a.raw"]),
                         ["mandelbrot: warning: --colormap has no effect on raw output "
                          "(it holds counts, not colours)"])
        stretched = warnings(["--region", "-2,1,-1,1", "-o", "a.png"])
        self.assertEqual(len(stretched), 1)
        self.assertIn("each pixel covers 1.5 times as much width as height", stretched[0])
        self.assertEqual(warnings(["--png-level", "2", "-o", "b.png", "--colormap", "gray"]), [])
        quiet = run(["--size", "16", "--png-level", "2", "-o", "q.npy", "-q"], cwd=self.path)
        self.assertEqual(quiet.stderr, b"")

    # ---- item 25: help texts ----

    def test_help_texts(self):
        for sub in ("", "render", "add", "dot", "bench", "compare", "info", "verify"):
            with self.subTest(sub=sub):
                text = run(([sub] if sub else []) + ["--help"], check=True).stdout.decode()
                self.assertNotIn("16-bit counts", text)
                self.assertNotIn("INT:INT", text)
                self.assertNotRegex(text, r"in \[\d+ - \d+\]")
                if sub not in ("", "render"):
                    self.assertNotIn("-o out.png", text)  # no render examples elsewhere
        self.assertIn("--config FILE", run(["--help"], check=True).stdout.decode())

    # ---- item 31: verify, and compare naming the parameters ----

    def test_verify(self):
        run(["--size", "32", "--iter", "60", "-o", self.file("g.png"), "-q"], check=True)
        run(["--from", self.file("g.png"), "--iter", "61", "-o", self.file("h.png"), "-q"],
            check=True)
        ok = run(["verify", self.file("g.png"), self.file("h.png")], check=True)
        lines = ok.stdout.decode().splitlines()
        self.assertEqual(len(lines), 2)
        self.assertTrue(all(line.startswith("verified: ") for line in lines), lines)
        # A file whose embedded hash does not match its parameters: the golden's
        # parameters with the other file's hash.
        with open(self.file("g.png"), "rb") as f:
            png = f.read()
        hash_g = re.search(rb'"hash":"(xxh3-128:[0-9a-f]{32})"', png).group(1)
        wrong = png.replace(hash_g, b"xxh3-128:" + b"0" * 32)
        # The tEXt CRC must be right for the file to be read at all: rewrite it.
        import zlib, struct
        start = wrong.index(b"tEXtmandelbrot") - 4
        length = struct.unpack(">I", wrong[start:start + 4])[0]
        body = wrong[start + 4:start + 8 + length]
        wrong = (wrong[:start + 8 + length] + struct.pack(">I", zlib.crc32(body)) +
                 wrong[start + 12 + length:])
        with open(self.file("bad.png"), "wb") as f:
            f.write(wrong)
        bad = run(["verify", self.file("g.png"), self.file("bad.png")])
        self.assertEqual(bad.returncode, 1, bad.stderr)
        self.assertIn("DIFFERENT: " + self.file("bad.png"), bad.stdout.decode())
        run(["--size", "8", "-o", self.file("c.npy"), "-q"], check=True)
        unusable = run(["verify", self.file("c.npy"), self.file("g.png")])
        self.assertEqual(unusable.returncode, 2)
        self.assertIn("has no embedded parameters", unusable.stderr.decode())
        self.assertIn("verified: " + self.file("g.png"), unusable.stdout.decode())
        compare = run(["compare", self.file("g.png"), self.file("h.png")])
        self.assertEqual(compare.returncode, 1)
        self.assertIn("embedded parameters differ: iterations: 60 vs 61",
                      compare.stdout.decode())
        as_json = json.loads(run(["compare", self.file("g.png"), self.file("h.png"),
                                  "--json"]).stdout)
        self.assertEqual(as_json["parameter_differences"], ["iterations: 60 vs 61"])


if __name__ == "__main__":
    unittest.main()

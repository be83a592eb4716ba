"""`mandelbrot zoom` (docs/SEMANTICS.md, "Zoom videos"): the path against an
independent mpmath computation, every frame equal to the single render of its
view, resuming after SIGINT, re-rendering a tampered frame, the PPM stream,
and every bad request."""

import json
import os
import signal
import subprocess
import time
import unittest

import mpmath
import numpy as np

from support import MANDELBROT, ScratchTestCase, parse_netpbm, png_pixels, run

SEAHORSE = "-0.743643887037158704752191506114774,0.131825904205311970493132056385139"


def dry_run(args):
    result = run(["zoom", *args, "--dry-run"], check=True)
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def mp_path(start, end, frames, a0="0", a1="0"):
    """The frames' (centre, radius, angle) by the formulas of docs/SEMANTICS.md,
    in mpmath at 500 digits: no code shared with the program."""
    with mpmath.workdps(500):
        (x0, y0, r0), (x1, y1, r1) = ([mpmath.mpf(v) for v in s.split(",")] for s in (start, end))
        c0, c1 = mpmath.mpc(x0, y0), mpmath.mpc(x1, y1)
        a0, a1 = mpmath.mpf(a0), mpmath.mpf(a1)
        linear = r0 == r1 and (a1 - a0) % 360 == 0
        w0 = r0 * mpmath.expjpi(a0 / 180)
        fixed = None if linear else (c1 - c0) / (w0 - r1 * mpmath.expjpi(a1 / 180))
        out = []
        for k in range(frames):
            t = mpmath.mpf(k) / (frames - 1) if frames > 1 else mpmath.mpf(0)
            r = r0 * (r1 / r0) ** t
            a = a0 + (a1 - a0) * t
            c = c0 + (c1 - c0) * t if linear else c0 + (w0 - r * mpmath.expjpi(a / 180)) * fixed
            out.append((c, r, a))
        return out


class ZoomTest(ScratchTestCase):
    def zoom(self, args, check=True, **kwargs):
        return run(["zoom", *args], check=check, **kwargs)

    def assert_path_matches_mpmath(self, frames, start, end, a0="0", a1="0"):
        expected = mp_path(start, end, len(frames), a0, a1)
        with mpmath.workdps(500):
            for frame, (c, r, a) in zip(frames, expected):
                k = frame["frame"]
                radius = mpmath.mpf(frame["radius"])
                self.assertLessEqual(abs(radius / r - 1), mpmath.mpf("1e-24"), k)
                # Centres to 20 digits below the radius: far below a pixel.
                tolerance = 5 * r * mpmath.mpf("1e-20")
                self.assertLessEqual(abs(mpmath.mpf(frame["center_x"]) - c.real), tolerance, k)
                self.assertLessEqual(abs(mpmath.mpf(frame["center_y"]) - c.imag), tolerance, k)
                if "angle" in frame:
                    self.assertLessEqual(abs(mpmath.mpf(frame["angle"]) - a),
                                         mpmath.mpf("0.51e-20"), k)

    def single_render(self, frame, args, name):
        view = ["--center", f"{frame['center_x']},{frame['center_y']}", "--radius",
                frame["radius"]]
        if "angle" in frame:
            view += ["--angle", frame["angle"]]
        out = self.file(name)
        run([*view, *args, "--iter", str(frame["iterations"]), "-o", out, "-q"], check=True)
        with open(out, "rb") as f:
            return f.read()

    # ---- the path ----

    def test_paths_match_mpmath_shallow_rotating_and_deep(self):
        cases = [
            ("-0.5,0,1.5", "-0.7436,0.1318,1e-4", "0", "90", 9),
            ("-0.5,0,1.5", SEAHORSE + ",1e-25", None, None, 6),
            # Centres beyond doubles: they differ only 60 digits down.
            ("-0.75,0.1,1e-50", "-0.75" + "0" * 49 + "3,0.1" + "0" * 49 + "7,1e-62", None, None,
             5),
            ("0.3,-0.1,1e-300", "0.3" + "0" * 299 + "2,-0.1" + "0" * 299 + "1,1e-320", "10",
             "-20", 5),
            ("0,1,1.5", "1,1,1.5", None, None, 5),  # a pan
            # Almost a pan: the radii differ 40 digits down, so the fixed point is
            # 1e40 away and the centres need more bits than the radii show.
            ("0,0,1", "1,0.5,1.0000000000000000000000000000000000000001", None, None, 5),
        ]
        for start, end, a0, a1, n in cases:
            with self.subTest(start=start[:30], end=end[:30]):
                args = ["--start", start, "--end", end, "--frames", str(n), "-o",
                        self.file("%d.png")]
                if a0 is not None:
                    args += ["--start-angle", a0, "--end-angle", a1]
                frames = dry_run(args)
                self.assertEqual(len(frames), n)
                self.assertEqual([f["frame"] for f in frames], list(range(n)))
                self.assert_path_matches_mpmath(frames, start, end, a0 or "0", a1 or "0")
                # The ends are the views as given.
                self.assertEqual(",".join([frames[0]["center_x"], frames[0]["center_y"],
                                           frames[0]["radius"]]), start)
                self.assertEqual(",".join([frames[-1]["center_x"], frames[-1]["center_y"],
                                           frames[-1]["radius"]]), end)
        self.assertEqual(os.listdir(self.path), [])  # a dry run writes nothing

    def test_frame_count_from_fps_and_duration(self):
        frames = dry_run(["--start", "-0.5,0,1.5", "--end", "0,0,1", "--fps", "24",
                          "--duration", "0.5", "-o", self.file("%d.png")])
        self.assertEqual(len(frames), 12)

    # ---- frames equal single renders ----

    def test_png_frames_equal_single_renders(self):
        args = ["--size", "32", "--start-angle", "0", "--end-angle", "45"]
        path = ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,1e-3", "--frames", "4"]
        out = ["-o", self.file("f%03d.png")]
        self.zoom([*path, *args, "--iter", "300", *out, "-q"], check=True)
        frames = dry_run([*path, *args, "--iter", "300", *out])
        self.assert_path_matches_mpmath(frames, "-0.5,0,1.5", "-0.7436,0.1318,1e-3", "0", "45")
        for frame in frames:
            with open(frame["file"], "rb") as f:
                data = f.read()
            # The view embedded in the PNG is the listed one.
            info = json.loads(run(["info", "--json", frame["file"]], check=True).stdout)
            embedded = info["parameters"]
            self.assertEqual(embedded["view"]["center_x"], frame["center_x"])
            self.assertEqual(embedded["view"]["radius"], frame["radius"])
            self.assertEqual(embedded["scale"], "fixed")  # the zoom's default
            self.assertEqual(data, self.single_render(frame, [*args[:2], "--scale", "fixed"],
                                                      "single.png"), frame["frame"])

    def test_supersampled_frames_equal_single_renders_and_report_pixels(self):
        args = ["--size", "24", "--supersample", "2", "--iter", "300"]
        path = ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,1e-3", "--frames", "3"]
        out = ["-o", self.file("s%d.png")]
        summary = json.loads(self.zoom([*path, *args, *out, "--json"], check=True).stdout)
        self.assertEqual((summary["width"], summary["height"]), (24, 24))
        for frame in dry_run([*path, *args, *out]):
            with open(frame["file"], "rb") as f:
                self.assertEqual(f.read(), self.single_render(frame, [*args[:4], "--scale",
                                                                      "fixed"], "single.png"))

    def test_npy_frames_equal_single_renders_into_the_deep(self):
        # The last frames are beyond doubles: rendered by perturbation, as a
        # single render of their view is.
        path = ["--start", "-0.7436,0.1318,1e-3", "--end", SEAHORSE + ",1e-22", "--frames", "3"]
        args = ["--size", "32", "--iter", "auto"]  # decided once, from the deepest frame
        result = self.zoom([*path, *args, "-o", self.file("%02d.npy"), "--json"], check=True)
        summary = json.loads(result.stdout)
        self.assertEqual((summary["frames"], summary["rendered"], summary["kept"]), (3, 3, 0))
        frames = dry_run([*path, *args, "-o", self.file("%02d.npy")])
        self.assertEqual(summary["iterations"], frames[0]["iterations"])
        deepest = run(["--center", SEAHORSE, "--radius", "1e-22", "--size", "32", "--iter", "auto",
                       "--json", "-q", "-o", self.file("deepest.npy")], check=True)
        self.assertEqual(json.loads(deepest.stdout)["iterations"], summary["iterations"])
        self.assert_path_matches_mpmath(frames, "-0.7436,0.1318,1e-3", SEAHORSE + ",1e-22")
        for frame in frames:
            with open(frame["file"], "rb") as f:
                data = f.read()
            self.assertEqual(data, self.single_render(frame, ["--size", "32"], "single.npy"))
            counts = np.load(frame["file"])
            self.assertEqual(counts.shape, (32, 32))
            self.assertGreater(len(np.unique(counts)), 10)  # a view with detail

    # ---- resuming ----

    def slow_args(self, directory):
        return ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,0.01", "--frames", "8",
                "--size", "48", "--iter", "300000", "--no-shortcuts", "--threads", "1",
                "-o", os.path.join(directory, "%03d.png")]

    def manifest_lines(self, directory):
        try:
            with open(os.path.join(directory, "%03d.png.zoom.jsonl"), "rb") as f:
                return [line for line in f.read().split(b"\n")[:-1]]
        except FileNotFoundError:
            return []

    def test_interrupted_and_resumed_equals_uninterrupted(self):
        whole = self.file("whole")
        parts = self.file("parts")
        os.mkdir(whole)
        os.mkdir(parts)
        self.zoom([*self.slow_args(whole), "-q"], check=True)
        process = subprocess.Popen(
            [MANDELBROT, "zoom", *self.slow_args(parts), "-q"], stderr=subprocess.PIPE,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while len(self.manifest_lines(parts)) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
        self.assertEqual(process.returncode, -signal.SIGINT)
        recorded = len(self.manifest_lines(parts))
        self.assertGreaterEqual(recorded, 2)
        self.assertLess(recorded, 8, "the run ended before the signal: make its frames slower")
        names = sorted(os.listdir(parts))
        # No partial frame and no temporary: only whole frames and the manifest.
        self.assertTrue(all(n.endswith(".png") or n == "%03d.png.zoom.jsonl" for n in names),
                        names)
        for name in names:
            if name.endswith(".png"):
                with open(os.path.join(whole, name), "rb") as a, \
                        open(os.path.join(parts, name), "rb") as b:
                    self.assertEqual(a.read(), b.read(), name)
        times = {n: os.stat(os.path.join(parts, n)).st_mtime_ns for n in names
                 if n.endswith(".png")}
        summary = json.loads(self.zoom([*self.slow_args(parts), "--json"], check=True).stdout)
        self.assertEqual(summary["kept"], recorded)
        self.assertEqual(summary["rendered"], 8 - recorded)
        kept = sorted(times)[:recorded]
        for name in kept:  # kept frames were not written again
            self.assertEqual(os.stat(os.path.join(parts, name)).st_mtime_ns, times[name], name)
        self.assertEqual(sorted(os.listdir(parts)), sorted(os.listdir(whole)))
        for name in os.listdir(whole):
            with open(os.path.join(whole, name), "rb") as a, \
                    open(os.path.join(parts, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_tampered_truncated_and_changed_frames_are_rendered_again(self):
        args = ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,0.01", "--frames", "4",
                "--size", "32", "--iter", "200", "--format", "raw", "-o", self.file("%d.bin")]
        self.zoom(args + ["-q"], check=True)
        original = {}
        for k in range(4):
            with open(self.file(f"{k}.bin"), "rb") as f:
                original[k] = f.read()
        self.assertEqual(json.loads(self.zoom(args + ["--json"]).stdout)["kept"], 4)
        with open(self.file("1.bin"), "r+b") as f:  # one count edited
            f.seek(100)
            f.write(b"\x07")
        with open(self.file("2.bin"), "r+b") as f:  # cut short
            f.truncate(1000)
        os.remove(self.file("3.bin"))
        summary = json.loads(self.zoom(args + ["--json"]).stdout)
        self.assertEqual((summary["kept"], summary["rendered"]), (1, 3))
        for k in range(4):
            with open(self.file(f"{k}.bin"), "rb") as f:
                self.assertEqual(f.read(), original[k], k)
        # Other parameters: every frame again.
        changed = [a if a != "200" else "201" for a in args]
        summary = json.loads(self.zoom(changed + ["--json"]).stdout)
        self.assertEqual((summary["kept"], summary["rendered"]), (0, 4))

    # ---- the PPM stream ----

    def test_ppm_stream_equals_the_frames(self):
        args = ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,1e-3", "--frames", "5",
                "--width", "40", "--height", "24", "--iter", "300"]
        stream = self.zoom([*args, "--format", "ppm", "-o", "-", "-q"], check=True).stdout
        self.zoom([*args, "-o", self.file("%d.ppm"), "-q"], check=True)
        self.zoom([*args, "-o", self.file("%d.png"), "-q"], check=True)
        pos = 0
        for k in range(5):
            magic, width, height, maxval, rest = parse_netpbm(stream[pos:])
            self.assertEqual((magic, width, height, maxval), ("P6", 40, 24, 255))
            pixels = np.frombuffer(rest[:width * height * 3], dtype=np.uint8).reshape(24, 40, 3)
            frame_bytes = len(stream) - pos - len(rest) + width * height * 3
            with open(self.file(f"{k}.ppm"), "rb") as f:
                self.assertEqual(stream[pos:pos + frame_bytes], f.read(), k)
            with open(self.file(f"{k}.png"), "rb") as f:
                np.testing.assert_array_equal(pixels, png_pixels(f.read()))
            pos += frame_bytes
        self.assertEqual(pos, len(stream))

    def test_a_terminal_gets_no_stream_and_a_redrawn_progress_line(self):
        import pty
        master, slave = pty.openpty()
        try:
            result = subprocess.run(
                [MANDELBROT, "zoom", "--start", "-0.5,0,1.5", "--end", "0,0,1", "--frames", "2",
                 "--size", "8", "--format", "ppm", "-o", "-"], stdout=slave,
                stderr=subprocess.PIPE, timeout=60)
            self.assertEqual(result.returncode, 2)
            self.assertEqual(result.stderr.decode(), "mandelbrot: error: refusing to write ppm "
                                                     "data to a terminal; redirect standard output\n")
            result = subprocess.run(
                [MANDELBROT, "zoom", "--start", "-0.5,0,1.5", "--end", "0,0,1", "--frames", "3",
                 "--size", "8", "-o", self.file("%d.png")], stdout=subprocess.PIPE,
                stderr=slave, timeout=60)
            self.assertEqual(result.returncode, 0)
            os.close(slave)
            slave = None
            drawn = b""
            while True:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    break
                if not data:
                    break
                drawn += data
            # One line, redrawn in place for each frame, ended before the summary.
            self.assertEqual(drawn.count(b"\r"), 3 + drawn.count(b"\r\n"), drawn)
            self.assertIn(b"\rmandelbrot: 3/3 frames (frame 2 rendered in ", drawn)
            self.assertIn(b"wrote 3 frames", drawn.split(b"\n")[-2])
        finally:
            os.close(master)
            if slave is not None:
                os.close(slave)

    # ---- progress, summary, help ----

    def test_progress_and_summary(self):
        args = ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,0.01", "--frames", "3",
                "--size", "16", "-o", self.file("%d.pgm")]
        result = self.zoom(args, check=True)
        lines = result.stderr.decode().splitlines()
        self.assertEqual(len(lines), 4, lines)
        self.assertRegex(lines[0], r"^mandelbrot: 1/3 frames \(frame 0 rendered in [0-9.]+ s\), "
                                   r"about \d+ s left$")
        self.assertIn("3/3 frames", lines[2])
        self.assertIn("wrote 3 frames", lines[3])
        again = self.zoom(args, check=True).stderr.decode()
        self.assertIn("(frame 2 kept)", again)
        self.assertEqual(self.zoom(args + ["-q"], check=True).stderr, b"")
        summary = json.loads(self.zoom(args + ["--json"], check=True).stdout)
        self.assertEqual(summary["kept"], 3)
        self.assertEqual(summary["format"], "pgm")
        self.assertEqual(summary["iterations"], 100)

    def test_flickering_colours_are_warned_of_once(self):
        args = ["--start", "-0.5,0,1.5", "--end", "-0.7436,0.1318,0.01", "--frames", "3",
                "--size", "16", "-o", self.file("%d.png"), "--scale", "image"]
        err = self.zoom(args, check=True).stderr.decode()
        self.assertEqual(err.count("flicker"), 1)
        self.assertIn("mandelbrot: warning: --scale image", err)

    def test_help(self):
        text = run(["zoom", "--help"], check=True).stdout.decode()
        for option in ("--start X,Y,R", "--end X,Y,R", "--frames N", "--fps F",
                       "--duration SECONDS", "--start-angle DEG", "--colormap", "--method",
                       "--dry-run", "default fixed"):
            self.assertIn(option, text)
        self.assertNotIn("--center", text)
        self.assertNotIn("--region", text)
        self.assertIn("zoom", run(["--help"], check=True).stdout.decode())

    # ---- bad requests ----

    def test_bad_requests(self):
        os.mkdir(self.file("frames"))
        good = {"--start": "-0.5,0,1.5", "--end": "-0.7436,0.1318,0.01", "--frames": "3",
                "-o": self.file("frames/%03d.png")}
        cases = [
            ({"--frames": "0"}, "--frames must be between 1 and 1000000, got '0'"),
            ({"--frames": "-3"}, "--frames must be between 1 and 1000000, got '-3'"),
            ({"--fps": "25"}, "--frames 3 cannot be combined with --fps or --duration"),
            ({"--frames": None, "--fps": "25"}, "--duration is missing"),
            ({"--frames": None, "--fps": "0", "--duration": "2"}, "--fps must be > 0, got '0'"),
            ({"--frames": None}, "give the number of frames"),
            ({"--end": "-0.50,0.0,1.50"}, "is the --start view"),
            ({"--end": "-0.5,0,0"}, "--end radius must be > 0, got '0'"),
            ({"--start": "-0.5,0,-1"}, "--start radius must be > 0, got '-1'"),
            ({"--start": "-0.5,0"}, "--start must be X,Y,R (three decimals)"),
            ({"--start": None}, "--start X,Y,R is required"),
            ({"-o": self.file("frames/%03d.gif")}, "cannot tell the frame format"),
            ({"--format": "gif"}, "unknown --format 'gif'"),
            ({"--format": "npy"}, "names png files but --format is npy"),
            ({"-o": self.file("frames/out.png")}, "has no frame number conversion"),
            ({"-o": self.file("frames/%d-%03d.png")}, "has two frame number conversions"),
            ({"-o": self.file("frames/%s.png")}, "'%s' is not a frame number conversion"),
            ({"-o": "-", "--format": "png"}, "needs --format ppm, not png"),
            ({"-o": "-"}, "needs --format ppm"),
            ({"-o": self.file("missing/%03d.png")}, "does not exist; create it first"),
            ({"-o": None}, "-o is required"),
            ({"--colormap": "jet"}, "unknown --colormap 'jet'"),
            ({"--start-angle": "x"}, "--start-angle must be a finite decimal"),
        ]
        for change, message in cases:
            with self.subTest(change=change):
                options = {**good, **change}
                args = [a for k, v in options.items() if v is not None for a in (k, v)]
                result = self.zoom(args, check=False)
                self.assertEqual(result.returncode, 2, result.stderr)
                err = result.stderr.decode()
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertTrue(err.startswith("mandelbrot: error: "), err)
                self.assertIn(message, err)
                self.assertEqual(os.listdir(self.file("frames")), [])


if __name__ == "__main__":
    unittest.main()

"""Issue 13: every input survives. Hostile and careless inputs end in one clear
line and exit 2 (or a correct result), within bounded time and memory."""

import json
import os
import struct
import subprocess
import time
import unittest
import zlib

import numpy as np

from support import MANDELBROT, ScratchTestCase, run


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width, height, colour_type, rows, text=None):
    """A PNG with filter-0 rows (each row is bytes), compressed hard."""
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    data = b"".join(b"\x00" + r for r in rows) if isinstance(rows, list) else rows
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    if text is not None:
        out += chunk(b"tEXt", b"mandelbrot\x00" + text)
    return out + chunk(b"IDAT", zlib.compress(data, 9)) + chunk(b"IEND", b"")


def npy_file(shape, data=b"", descr="<i4"):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape)
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + data


def measured(args):
    """Runs the program (small outputs only); returns (returncode, stdout,
    stderr, seconds, rusage) with its own peak memory in rusage.ru_maxrss (KiB)."""
    start = time.monotonic()
    proc = subprocess.Popen([MANDELBROT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    out, err = proc.stdout.read(), proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    return os.waitstatus_to_exitcode(status), out, err, seconds, usage


class Reliability(ScratchTestCase):
    def write(self, name, data):
        with open(self.file(name), "wb") as f:
            f.write(data)
        return self.file(name)

    def assert_usage_error(self, args, expected, stdin=None):
        result = run(args, stdin=stdin)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 2, stderr)
        self.assertEqual(stderr.count("\n"), 1, stderr)
        self.assertIn(expected, stderr)
        return stderr

    # Items 1 and 2: npy shapes beyond int32, or whose product overflows.
    def test_npy_shapes_beyond_the_limits(self):
        for shape in ["(4294967296, 1)", "(1, 4294967296)", "(9999999999, 9999999999)"]:
            with self.subTest(shape=shape):
                f = self.write("big.npy", npy_file(shape, b"\x00" * 16))
                self.assert_usage_error(["info", f], "unsupported size")
                self.assert_usage_error(["compare", f, f, "--diff-image", self.file("d.png")],
                                        "unsupported size")
                self.assertFalse(os.path.exists(self.file("d.png")))

    # Item 4: Latin-1 text and file names that are not UTF-8 still give valid JSON.
    def test_info_json_is_valid_utf8(self):
        f = self.write("latin\xff.png".encode("latin-1").decode("utf-8", "surrogateescape"),
                       png(1, 1, 0, [b"\x00"], text=b'caf\xe9'))
        result = run(["info", f, "--json"], check=True)
        info = json.loads(result.stdout.decode("utf-8"))
        self.assertEqual(info["parameters"], "caf\ufffd")
        self.assertIn("latin\ufffd.png", info["file"])

    # Item 5: parameters nested 60,000 deep are shown as text, not recursed into.
    def test_info_json_deep_nesting(self):
        f = self.write("deep.png", png(1, 1, 0, [b"\x00"], text=b"[" * 60000 + b"]" * 60000))
        for extra in [["--json"], []]:
            result = run(["info", f] + extra, check=True)
            if extra:
                self.assertEqual(json.loads(result.stdout)["parameters"], "[" * 60000 + "]" * 60000)

    # Item 9: an endless source, or a FIFO without a writer, as an input.
    def test_endless_and_empty_sources(self):
        for args in [["info", "/dev/zero"], ["compare", "/dev/zero", "/dev/zero"],
                     ["info", "/dev/zero", "--width", "4", "--height", "4"],
                     ["add", "@/dev/zero", "1"]]:
            with self.subTest(args=args):
                start = time.monotonic()
                result = run(args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertLess(time.monotonic() - start, 10)
        with open("/dev/zero", "rb") as zero:
            self.assert_usage_error(["add", "-", "1"], "standard input", stdin=zero)
        os.mkfifo(self.file("fifo"))
        self.assert_usage_error(["info", self.file("fifo")], "not a file this program reads")
        self.assert_usage_error(["--from", self.file("fifo"), "-o", self.file("x.png")], "--from")

    # Item 10: a decompression bomb. info reads only chunks; compare streams rows.
    def test_decompression_bomb_in_bounded_memory(self):
        side = 8000
        bomb = self.write("bomb.png", png(side, side, 0, b"\x00" * ((side + 1) * side)))
        self.assertLess(os.path.getsize(bomb), 100_000)
        code, out, err, seconds, usage = measured(["info", bomb, "--json"])
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["width"], side)
        self.assertLess(seconds, 5)
        # KiB: 0.94 GB before; about 17 MB now, 100 MB under ASan's shadow memory.
        self.assertLess(usage.ru_maxrss, 300_000)
        code, out, err, seconds, usage = measured(["compare", bomb, bomb, "--json"])
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["pixels"], side * side)
        self.assertLess(usage.ru_maxrss, 300_000)

    # Items 12 and 28: damaged PNGs say what is wrong and where.
    def test_damaged_png_messages(self):
        good = png(16, 16, 2, [b"\x07" * 48] * 16, text=b'{"width": 16}')
        truncated = self.write("t.png", good[:-30])
        self.assert_usage_error(["compare", truncated, truncated], "truncated at byte")
        self.assert_usage_error(["info", truncated], "truncated at byte")
        self.assert_usage_error(["--from", truncated, "-o", self.file("x.png")], "truncated at byte")
        bad = bytearray(good)
        bad[40] ^= 1
        self.assert_usage_error(["info", self.write("c.png", bytes(bad))], "bad CRC in chunk")
        huge_idat = good[:33] + struct.pack(">I", 0x7FFFFFF0) + b"IDAT" + b"\x00" * 16
        self.assert_usage_error(["compare", self.write("h.png", huge_idat), truncated],
                                "not a readable PNG")

    # Item 30: standard input, and the common dtypes of counts.
    def test_stdin_and_npy_dtypes(self):
        counts = np.arange(12, dtype=np.int32).reshape(3, 4)
        ref = self.file("ref.npy")
        np.save(ref, counts)
        for dtype in ["<i8", "<u2", "|u1", "<f4", "<f8", ">i4"]:
            with self.subTest(dtype=dtype):
                other = self.file("other.npy")
                np.save(other, counts.astype(dtype))
                with open(other, "rb") as f:
                    result = run(["compare", ref, "-"], stdin=f)
                self.assertEqual(result.returncode, 0, result.stderr)
        with open(ref, "rb") as f:
            info = json.loads(run(["info", "-", "--json"], stdin=f, check=True).stdout)
        self.assertEqual((info["width"], info["height"], info["max_count"]), (4, 3, 11))
        np.save(self.file("half.npy"), counts + 0.5)
        self.assert_usage_error(["compare", ref, self.file("half.npy")], "is not a count")
        self.assert_usage_error(["compare", "-", "-"], "standard input")


class Outputs(ScratchTestCase):
    # Item 21: messages say what is true.
    def test_unwritable_directory_is_not_missing(self):
        result = run(["--size", "8", "-o", "/proc/x.png"])
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 1, stderr)
        self.assertNotIn("does not exist", stderr)
        self.assertIn("cannot create a file in '/proc'", stderr)

    # Item 22: links are followed and stay links; modes are kept; read-only
    # files are refused (as nobody when run as root, who may write anything).
    def test_links_modes_and_read_only_files(self):
        target = self.file("target.png")
        run(["--size", "8", "-o", target, "-q"], check=True)
        os.chmod(target, 0o640)
        os.symlink("target.png", self.file("link.png"))
        run(["--size", "9", "-o", self.file("link.png"), "-q"], check=True)
        self.assertTrue(os.path.islink(self.file("link.png")))
        self.assertEqual(os.stat(target).st_mode & 0o777, 0o640)
        info = json.loads(run(["info", target, "--json"], check=True).stdout)
        self.assertEqual(info["width"], 9)
        os.chmod(self.path, 0o777)
        readonly = self.file("ro.png")
        run(["--size", "8", "-o", readonly, "-q"], check=True)
        os.chmod(readonly, 0o444)
        before = open(readonly, "rb").read()
        drop = (lambda: os.setuid(65534)) if os.getuid() == 0 else None
        result = run(["--size", "9", "-o", readonly, "-q"], preexec_fn=drop)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("it is read-only (mode 0444)", result.stderr.decode())
        self.assertEqual(open(readonly, "rb").read(), before)


if __name__ == "__main__":
    unittest.main()

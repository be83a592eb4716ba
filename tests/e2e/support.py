"""Helpers for the end-to-end tests: run the built program, and an independent
NumPy implementation of the counting contract (docs/SEMANTICS.md)."""

import os
import subprocess
import tempfile
import unittest

import numpy as np

MANDELBROT = os.environ["MANDELBROT"]
SOURCE_DIR = os.environ["MANDELBROT_SOURCE_DIR"]


class ScratchTestCase(unittest.TestCase):
    """A test case with a fresh scratch directory, self.path, for every test."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = self.dir.name

    def tearDown(self):
        self.dir.cleanup()

    def file(self, name):
        return os.path.join(self.path, name)


def load_script(name):
    """The Python program scripts/NAME (a file without .py) as a module, so that
    a test can call its functions."""
    import importlib.machinery
    import importlib.util
    module_name = name.replace("-", "_")
    path = os.path.join(SOURCE_DIR, "scripts", name)
    loader = importlib.machinery.SourceFileLoader(module_name, path)
    spec = importlib.util.spec_from_loader(module_name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def run(args, cwd=None, check=False, **kwargs):
    """Runs the program with args; returns the CompletedProcess (bytes output)."""
    result = subprocess.run([MANDELBROT, *args], cwd=cwd, capture_output=True, timeout=120,
                            **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"mandelbrot {' '.join(args)} exited {result.returncode}: "
                             f"{result.stderr.decode()}")
    return result


def reference_counts(width, height, iterations, region=(-2.0, 1.0, -1.5, 1.5), bailout=10.0,
                     rows_upward=False, family="mandelbrot", power=2, julia=(0.0, 0.0)):
    """The (height, width) int32 counts, computed with NumPy exactly as
    docs/SEMANTICS.md reads: no fused multiply-add, every step in IEEE double.
    rows_upward samples row i at ymin + i/H*(ymax-ymin), as the classic C recipe does.
    family is one of mandelbrot, julia (constant julia), burning-ship, tricorn,
    multibrot (power 2 is computed as mandelbrot, as the contract says)."""
    xmin, xmax, ymin, ymax = region
    x = xmin + np.arange(width, dtype=np.float64) / width * (xmax - xmin)
    if rows_upward:
        y = ymin + np.arange(height, dtype=np.float64) / height * (ymax - ymin)
    else:
        y = ymax - np.arange(height, dtype=np.float64) / height * (ymax - ymin)
    sr, si = np.meshgrid(x, y)
    if family == "julia":
        zr, zi = sr.copy(), si.copy()
        cr, ci = np.full_like(sr, julia[0]), np.full_like(sr, julia[1])
    else:
        zr, zi = np.zeros_like(sr), np.zeros_like(sr)
        cr, ci = sr, si
    count = np.zeros(sr.shape, dtype=np.int32)
    active = np.ones(sr.shape, dtype=bool)
    b2 = bailout * bailout
    with np.errstate(all="ignore"):
        for n in range(iterations):
            x2 = zr * zr
            y2 = zi * zi
            active &= x2 + y2 <= b2
            if not active.any():
                break
            count[active] = n
            if family == "multibrot" and power > 2:
                wr, wi = zr, zi
                for _ in range(power - 1):
                    wr, wi = wr * zr - wi * zi, wr * zi + wi * zr
                new_zr, new_zi = wr + cr, wi + ci
            else:
                new_zr = x2 - y2 + cr
                if family == "burning-ship":
                    new_zi = np.abs(2 * zr * zi) + ci
                elif family == "tricorn":
                    new_zi = ci - 2 * zr * zi
                else:
                    new_zi = 2 * zr * zi + ci
            zr = np.where(active, new_zr, zr)
            zi = np.where(active, new_zi, zi)
    return count


def reference_channels(width, height, iterations, region, bailout, family="mandelbrot", power=2,
                       julia=(0.0, 0.0)):
    """(counts, smooth, distance) as docs/SEMANTICS.md ("Channels") writes them:
    z and dz/dc (dz/dz_0 for julia) iterated until the first n with
    |z_n|^2 > bailout^2 (the escape index e); smooth = (e + 1) -
    log(0.5 log|z_e|^2) / log(d); distance = |z_e| log|z_e| / |dz_e| / pixel."""
    xmin, xmax, ymin, ymax = region
    x = xmin + np.arange(width, dtype=np.float64) / width * (xmax - xmin)
    y = ymax - np.arange(height, dtype=np.float64) / height * (ymax - ymin)
    sr, si = np.meshgrid(x, y)
    if family == "julia":
        zr, zi = sr.copy(), si.copy()
        cr, ci = np.full_like(sr, julia[0]), np.full_like(sr, julia[1])
        dzr, dzi, add = np.ones_like(sr), np.zeros_like(sr), 0.0
    else:
        zr, zi = np.zeros_like(sr), np.zeros_like(sr)
        cr, ci = sr, si
        dzr, dzi, add = np.zeros_like(sr), np.zeros_like(sr), 1.0
    d = power if family == "multibrot" else 2
    count = np.zeros(sr.shape, dtype=np.int32)
    escape = np.full(sr.shape, -1)
    m2 = np.zeros_like(sr)
    edr, edi = np.zeros_like(sr), np.zeros_like(sr)
    b2 = bailout * bailout
    with np.errstate(all="ignore"):
        for n in range(iterations):
            x2, y2 = zr * zr, zi * zi
            live = escape < 0
            out = live & ~(x2 + y2 <= b2)
            escape[out] = n
            m2[out] = (x2 + y2)[out]
            edr[out], edi[out] = dzr[out], dzi[out]
            live &= ~out
            if not live.any():
                break
            count[live] = n
            wr, wi = zr, zi
            for _ in range(d - 2):
                wr, wi = wr * zr - wi * zi, wr * zi + wi * zr
            tr, ti = wr * dzr - wi * dzi, wr * dzi + wi * dzr
            dzr, dzi = d * tr + add, d * ti
            if d == 2:
                nzr, nzi = x2 - y2 + cr, (zr + zr) * zi + ci
            else:
                pr, pi = x2 - y2, zr * zi + zi * zr
                for _ in range(d - 2):
                    pr, pi = pr * zr - pi * zi, pr * zi + pi * zr
                nzr, nzi = pr + cr, pi + ci
            zr, zi = nzr, nzi
        escaped = escape >= 0
        smooth = np.where(escaped, (escape + 1) - np.log(0.5 * np.log(m2)) / np.log(d), np.nan)
        pixel = (xmax - xmin) / width
        distance = np.sqrt(m2) * (0.5 * np.log(m2)) / np.sqrt(edr * edr + edi * edi) / pixel
        distance = np.where(escaped, distance, np.nan)
    return count, smooth, distance


def png_size(data):
    """(width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def parse_netpbm(data):
    """(magic, width, height, maxval or None, pixel bytes) of a P4/P5/P6 file."""
    fields = []
    pos = 0
    wanted = 3 if data[:2] == b"P4" else 4
    while len(fields) < wanted:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    pos += 1  # the single white-space character before the pixels
    magic = fields[0].decode()
    maxval = int(fields[3]) if wanted == 4 else None
    return magic, int(fields[1]), int(fields[2]), maxval, data[pos:]


def png_pixels(data):
    """The (height, width, 3) uint8 pixels of an 8-bit RGB PNG, decoded with zlib
    and the five PNG filters, checking every chunk's CRC on the way."""
    import struct
    import zlib

    width, height = png_size(data)
    pos = 8
    idat = b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r} chunk"
        if kind == b"IHDR":
            assert body[8:10] == b"\x08\x02", "expected 8-bit RGB"
        if kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3
    assert len(raw) == height * (stride + 1)
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=y * (stride + 1) + 1)
        line = line.astype(np.int32)
        row = np.zeros(stride, dtype=np.int32)
        for x in range(stride):
            a = row[x - 3] if x >= 3 else 0
            b = prev[x]
            c = prev[x - 3] if x >= 3 else 0
            if kind == 0:
                predictor = 0
            elif kind == 1:
                predictor = a
            elif kind == 2:
                predictor = b
            elif kind == 3:
                predictor = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
            row[x] = (line[x] + predictor) & 0xFF
        out[y] = row
        prev = row
    return out.reshape(height, width, 3)

#!/usr/bin/python3
"""Writes the seed corpus and the reproducers of issue 13 into fuzz/corpus/<harness>/.
Each harness adds its format's magic itself (png: the signature, npy: the
magic, netpbm: the "P"), so the files here start after it.
    fuzz/make_corpus.py PATH/TO/mandelbrot"""

import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_body(width, height, colour_type, data, text=None, interlace=0, depth=8):
    out = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, interlace))
    if text is not None:
        out += chunk(b"tEXt", b"mandelbrot\x00" + text)
    return out + chunk(b"IDAT", zlib.compress(data, 9)) + chunk(b"IEND", b"")


def npy_body(shape, data=b"", descr="<i4", fortran="False"):
    header = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x01\x00" + struct.pack("<H", len(header)) + header.encode() + data


def write(harness, name, data):
    folder = os.path.join(HERE, "corpus", harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("latin-1"))


def main():
    program = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ["png", "npy", "pgm", "ppm", "pbm", "raw"]:
            path = os.path.join(tmp, "seed." + fmt)
            subprocess.run([program, "--size", "12", "--iter", "300", "-o", path, "-q"], check=True)
            with open(path, "rb") as f:
                data = f.read()
            if fmt == "png":
                write("png", "seed.png", data[8:])
                params = json.loads(subprocess.run([program, "info", path, "--json"], check=True,
                                                   capture_output=True).stdout)["parameters"]
                write("params", "seed.json", json.dumps(params))
            elif fmt == "npy":
                write("npy", "seed.npy", data[6:])
            elif fmt == "raw":
                write("raw", "seed.raw", bytes([11, 11]) + data)
            else:
                write("netpbm", "seed." + fmt, data[1:])

    # png: kinds, and the reproducers of issue 13 (items 4, 5, 10, 12, 28).
    write("png", "grey.png", png_body(3, 2, 0, b"\x00\x01\x02\x03\x00\x04\x05\x06"))
    write("png", "palette-no-plte.png", png_body(2, 1, 3, b"\x00\x00\x01")[:-12] + b"")
    write("png", "interlaced.png", png_body(2, 2, 2, b"\x00" + b"\x07" * 3 + b"\x00" + b"\x09" * 3 +
                                            b"\x00" + b"\x05" * 6, interlace=1))
    write("png", "grey16.png", png_body(1, 1, 0, b"\x00\x12\x34", depth=16))
    good = png_body(16, 16, 2, (b"\x00" + b"\x07" * 48) * 16, text=b'{"width": 16}')
    write("png", "truncated.png", good[:-30])
    bad_crc = bytearray(good)
    bad_crc[32] ^= 1
    write("png", "bad-crc.png", bytes(bad_crc))
    ihdr = good[:25]
    write("png", "idat-2gib.png", ihdr + struct.pack(">I", 0x7FFFFFFF) + b"IDAT" + b"\x00" * 16)
    write("png", "idat-empty.png", ihdr + chunk(b"IDAT", b"") + chunk(b"IEND", b""))
    write("png", "latin1-text.png", png_body(1, 1, 0, b"\x00\x00", text=b"caf\xe9"))
    write("png", "deep-text.png", png_body(1, 1, 0, b"\x00\x00", text=b"[" * 60000 + b"]" * 60000))
    write("png", "bomb-8000.png", png_body(8000, 8000, 0, b"\x00" * (8001 * 8000)))
    write("png", "huge-header.png", png_body(0x7FFFFFFF, 1, 0, b""))
    # Found by the png fuzzer: a 21-byte interlaced header made open() allocate
    # and zero 1 GB before reading any data.
    write("png", "slow-interlaced-header.png", bytes.fromhex("0000000d494844520001006300001504020000000" + "1"))

    # npy: shapes beyond int32 and overflowing products (items 1, 2), dtypes (30).
    for i, shape in enumerate(["(4294967296, 1)", "(1, 4294967296)", "(9999999999, 9999999999)",
                               "(0, 4)", "(4,)", "(2, 2, 2)", "()"]):
        write("npy", f"shape-{i}.npy", npy_body(shape, b"\x00" * 16))
    for descr in ["<i8", "<u2", "|u1", "<f4", "<f8", ">i4", "<c16", "|b1", "<U3"]:
        size = {"<i8": 8, "<f8": 8, "<c16": 16, "<U3": 12, "|u1": 1, "|b1": 1, "<u2": 2}.get(descr, 4)
        write("npy", "dtype-" + descr.replace("<", "le").replace(">", "be").replace("|", "na"),
              npy_body("(2, 2)", b"\x01" * (4 * size), descr))
    write("npy", "shape-2^32-no-data.npy", npy_body("(4294967296, 1)"))
    write("npy", "shape-1x2^32-no-data.npy", npy_body("(1, 4294967296)"))
    write("npy", "fortran.npy", npy_body("(2, 2)", b"\x00" * 16, fortran="True"))
    write("npy", "truncated.npy", npy_body("(2, 2)", b"\x00" * 10))
    write("npy", "v2-header.npy", b"\x02\x00" + struct.pack("<I", 0xFFFFFFF0) + b"{")
    write("npy", "nan.npy", npy_body("(1, 1)", struct.pack("<d", float("nan")), "<f8"))

    # netpbm
    write("netpbm", "p5-16bit", "5\n2 1\n65535\n\x01\x02\x03\x04")
    write("netpbm", "p4", "4\n9 2\n\xff\x80\x00\x00")
    write("netpbm", "comment", "6 # a comment\n1 1\n255\n\x01\x02\x03")
    write("netpbm", "long-comment", "5\n#" + "x" * 70000 + "\n1 1\n255\n\x00")
    write("netpbm", "huge", "5\n999999999 999999999\n255\n")
    write("netpbm", "maxval-0", "5\n1 1\n0\n\x00")

    # raw
    write("raw", "short.raw", bytes([3, 3]) + b"\x00" * 7)
    write("raw", "long.raw", bytes([0, 0]) + b"\x00" * 9)

    # params: --from JSON and info's view of it (items 4, 5, 6).
    write("params", "width-1e300.json", '{"width": 1e300, "height": 1, "iterations": 1}')
    write("params", "width-beyond-int64.json",
          '{"width": 99999999999999999999, "height": 1, "iterations": 1}')
    write("params", "deep.json", "[" * 60000 + "]" * 60000)
    write("params", "latin1.json", '{"colormap": "caf\xe9"}')
    write("params", "info-output.json", '{"parameters": {"width": 2, "height": 2, "iterations": 2,'
          ' "view": {"center": "0,0", "radius": "1"}}}')

    # numbers: float overflow to infinity and NaN (item 8), integer edges.
    for i, text in enumerate(["1e308;1e308", "1e200,1e200;1e200,-1e200", "9223372036854775807;1",
                              " 1 , 2 ;1,2", "-0x1p3;1", "nan;1", "1,,2;1,2,3", "1e-400;1"]):
        write("numbers", f"case-{i}", text)

    # toml: --config files (items 11, 15, 16): a real one, every value type,
    # typos and wrong types, and the 5,000-level dotted header of item 11.
    write("toml", "view.toml", 'size = 50\niter = 300\ncenter = "-0.75,0.1"\nradius = 0.05\n'
          'colormap = "gray"\n')
    write("toml", "types.toml", 'center = [-0.75, 1e-3]\nradius = 0.000_25\njson = true\n'
          'quiet = false\noutput = \'x.npy\'\nformat = """npy"""\nt = 1979-05-27T07:32:00Z\n')
    write("toml", "typo.toml", "iterr = 500\n[render]\nsize = 'x'\n")
    write("toml", "excludes.toml", "center = '0,0'\nregion = '-1,1,-1,1'\nsize = 1\nwidth = 2\n")
    write("toml", "deep-header.toml", "[" + ".".join(["a"] * 5000) + "]\nx = 1\n")
    write("toml", "deep-array.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n")
    write("toml", "deep-inline.toml", "a = " + "{b = " * 2000 + "1" + "}" * 2000 + "\n")
    write("toml", "strings.toml", 'a = "\\"[[[" # ]\nb = \'\'\'\n[[[.\n\'\'\'\nc = "unterminated\n')

    # kfr: the six Kalles Fraktaler benchmark locations (tests/data/kfr), CRLF
    # and a byte order mark, and broken ones: no Zoom, a zero, huge and
    # many-digit Zoom, a duplicate key, a line without ':', a stretched view.
    data = os.path.join(HERE, "..", "tests", "data", "kfr")
    for name in sorted(os.listdir(data)):
        if name.endswith(".kfr"):
            with open(os.path.join(data, name), "rb") as f:
                write("kfr", name, f.read())
    location = "Re: -0.75\nIm: 0.1\nZoom: 4\nIterations: 200\n"
    write("kfr", "crlf-bom.kfr", "\xef\xbb\xbf" + location.replace("\n", "\r\n"))
    write("kfr", "families.kfr", location + "Power: 3\nFractalType: 1\nRotate: 30\n")
    write("kfr", "no-zoom.kfr", "Re: 1\nIm: 2\n")
    write("kfr", "zero-zoom.kfr", "Re: 1\nIm: 2\nZoom: -0.0e7\n")
    write("kfr", "huge-zoom.kfr", "Re: 1\nIm: 2\nZoom: 9.99e999999999\n")
    write("kfr", "long-zoom.kfr", "Re: 1\nIm: 2\nZoom: 7." + "3" * 999 + "e-5\n")
    write("kfr", "duplicate.kfr", location + "Re: 2\n")
    write("kfr", "no-colon.kfr", "Re: 1\nIm 2\nZoom: 4\n")
    write("kfr", "stretched.kfr", location + "Ratio: 381.176471\n")

    # palette: the two Kalles Fraktaler palettes (tests/data/kfp), stops with
    # comments, CRLF and a byte order mark, a sharp edge, and broken ones:
    # positions out of order and out of range, a bad colour, no stops, a
    # partial triple, a value over 255, an empty list, 1025 key colours.
    data = os.path.join(HERE, "..", "tests", "data", "kfp")
    for name in sorted(os.listdir(data)):
        if name.endswith(".kfp"):
            with open(os.path.join(data, name), "rb") as f:
                write("palette", name, f.read())
    write("palette", "stops.txt", "# dusk\n0 #000020\n0.5 #FF8000  # orange\n1 #ffffe0\n")
    write("palette", "crlf-bom.txt", "\xef\xbb\xbf0 #000000\r\n\r\n1 #ffffff\r\n")
    write("palette", "edge.txt", "0 #000000\n0.5 #ff0000\n0.5 #00ff00\n1 #000000\n")
    write("palette", "one.txt", "0.3 #123456\n")
    write("palette", "order.txt", "0 #000000\n0.7 #ffffff\n0.2 #ffffff\n")
    write("palette", "range.txt", "-0.5 #000000\n1e308 #ffffff\n")
    write("palette", "colour.txt", "0 #00000g\n")
    write("palette", "comments.txt", "# nothing\n\n  # here\n")
    write("palette", "partial.kfp", "Re: 0\nColors: 1,2,3,4,\n")
    write("palette", "big-value.kfp", "Colors: 0,0,256,\n")
    write("palette", "empty.kfp", "Colors: \n")
    write("palette", "many.kfp", "Colors: " + "7," * (3 * 1025) + "\n")

    # capi: the default parameters, and out-of-range ones.
    default = struct.pack("@iiidddddi", 400, 400, 100, -2, 1, -1.5, 1.5, 10, 0)
    write("capi", "default", struct.pack("@iiidddddi", 16, 16, 50, -2, 1, -1.5, 1.5, 10, 1))
    write("capi", "nan-region", struct.pack("@iiidddddi", 4, 4, 5, float("nan"), 1, -1, 1, 10, 1))
    write("capi", "negative", struct.pack("@iiidddddi", -1, 4, 5, -2, 1, -1, 1, 10, 1))
    write("capi", "big", default)


if __name__ == "__main__":
    main()

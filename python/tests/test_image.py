"""image() and png(): the command line's PNG, its bytes and its pixels."""

import json

import numpy as np
import pytest

import mandelbrot
from conftest import cli
from support import png_pixels

# (render() keywords, the same render's command-line arguments): small images,
# as the test's PNG decoder is plain Python.
VIEWS = [
    (dict(size=48), ["--size", "48"]),
    (dict(width=64, height=40, iter=400, center=(-0.7436, 0.1318), radius=0.002),
     ["--width", "64", "--height", "40", "--iter", "400", "--center", "-0.7436,0.1318",
      "--radius", "0.002"]),
    (dict(size=40, julia=(-0.4, 0.6), colormap="gray"),
     ["--size", "40", "--julia", "-0.4,0.6", "--colormap", "gray"]),
    (dict(size=40, iter=300, colormap="twilight"),
     ["--size", "40", "--iter", "300", "--colormap", "twilight"]),
    (dict(size=40, iter=300, center=(-0.75, 0.1), radius=0.1, scale="fixed"),
     ["--size", "40", "--iter", "300", "--center", "-0.75,0.1", "--radius", "0.1", "--scale",
      "fixed"]),
    # Decimal strings: the PNG's parameters carry them as given.
    (dict(size=32, iter=1500, radius="1e-12",
          center=("-0.74364388703715870475219150611477", "0.13182590420531197049313205638514")),
     ["--size", "32", "--iter", "1500", "--radius", "1e-12", "--center",
      "-0.74364388703715870475219150611477,0.13182590420531197049313205638514"]),
]


@pytest.mark.parametrize("keywords,args", VIEWS, ids=[" ".join(a) for _, a in VIEWS])
def test_png_bytes_and_image_pixels_are_the_cli_png(keywords, args, tmp_path):
    out = tmp_path / "out.png"
    cli(*args, "-o", out)
    data = out.read_bytes()
    counts = mandelbrot.render(**keywords)
    assert mandelbrot.png(counts) == data
    rgb = mandelbrot.image(counts)
    assert rgb.dtype == np.uint8 and rgb.shape == counts.shape + (3,)
    np.testing.assert_array_equal(rgb, png_pixels(data))
    # Options instead of counts: rendered, then coloured.
    np.testing.assert_array_equal(mandelbrot.image(**keywords), rgb)
    np.testing.assert_array_equal(mandelbrot.image(keywords), rgb)


def test_jupyter_shows_a_render_as_its_png(tmp_path):
    out = tmp_path / "out.png"
    cli("--size", "32", "--iter", "50", "-o", out)
    counts = mandelbrot.render(size=32, iter=50)
    assert counts._repr_png_() == out.read_bytes()
    assert counts[:10]._repr_png_() is not None  # a slice shows as its own picture
    assert counts.reshape(-1)._repr_png_() is None


def test_colormap_overrides_the_render_and_plain_arrays_need_iter(tmp_path):
    out = tmp_path / "gray.png"
    cli("--size", "24", "--iter", "60", "--colormap", "gray", "-o", out)
    counts = mandelbrot.render(size=24, iter=60)
    expected = png_pixels(out.read_bytes())
    np.testing.assert_array_equal(mandelbrot.image(counts, colormap="gray"), expected)
    plain = np.array(counts)  # a plain ndarray: no options
    assert type(plain) is np.ndarray
    np.testing.assert_array_equal(mandelbrot.image(plain, "gray", iter=60), expected)
    np.testing.assert_array_equal(mandelbrot.image(plain.astype(np.int64), "gray", iter=60),
                                  expected)
    with pytest.raises(TypeError, match="iter="):
        mandelbrot.image(plain)


def test_large_image_equals_the_cli_png_by_the_cli_compare(tmp_path):
    # The CLI decodes its own PNG and compares it with image()'s pixels, written
    # as a PPM (the same kind: RGB pixels).
    out = tmp_path / "out.png"
    cli("--size", "1024", "--iter", "200", "-o", out)
    rgb = mandelbrot.image(size=1024, iter=200)
    mine = tmp_path / "mine.ppm"
    mine.write_bytes(b"P6\n1024 1024\n255\n" + rgb.tobytes())
    figures = json.loads(cli("compare", out, mine, "--json").stdout)
    assert figures["match"] and figures["differing_at_all"] == 0, figures
    assert figures["kind"] == "image" and figures["pixels"] == 1024 * 1024

"""render(): the command line's counts (its raw output) for the same options."""

import numpy as np
import pytest

import mandelbrot
from conftest import cli_raw

# (render() keywords, the same render's command-line arguments)
VIEWS = [
    (dict(), []),
    (dict(size=200, iter=300), ["--size", "200", "--iter", "300"]),
    (dict(size=96, center=(-0.743643887037151, 0.13182590420533), radius=1e-6, iter=1000),
     ["--size", "96", "--center", "-0.743643887037151,0.13182590420533", "--radius", "1e-06",
      "--iter", "1000"]),
    # Decimal strings keep every digit given.
    (dict(width=120, height=80, center=("-0.7436438870371587047521915061147740", "0.1318259042053"),
          radius="0.00000000123456789", iter=2000),
     ["--width", "120", "--height", "80", "--center",
      "-0.7436438870371587047521915061147740,0.1318259042053", "--radius",
      "0.00000000123456789", "--iter", "2000"]),
    (dict(width=150, height=60, region=(-2.5, 1, -1, 1), bailout=2),
     ["--width", "150", "--height", "60", "--region", "-2.5,1,-1,1", "--bailout", "2"]),
    (dict(size=64, angle=30, radius=0.5, center=(-0.75, 0.1)),
     ["--size", "64", "--angle", "30", "--radius", "0.5", "--center", "-0.75,0.1"]),
    (dict(size=100, julia=(-0.8, 0.156), iter=200),
     ["--size", "100", "--julia", "-0.8,0.156", "--iter", "200"]),
    (dict(size=100, julia=complex(0.285, 0.01), family="julia"),
     ["--size", "100", "--julia", "0.285,0.01", "--family", "julia"]),
    (dict(size=90, family="burning-ship", center=(-0.5, -0.5), radius=1.2),
     ["--size", "90", "--family", "burning-ship", "--center", "-0.5,-0.5", "--radius", "1.2"]),
    (dict(size=90, family="tricorn"), ["--size", "90", "--family", "tricorn"]),
    (dict(size=90, family="multibrot", power=5, center="0,0", radius="1.3"),
     ["--size", "90", "--family", "multibrot", "--power", "5", "--center", "0,0", "--radius",
      "1.3"]),
    (dict(size=50, threads=1), ["--size", "50", "--threads", "1"]),
]


@pytest.mark.parametrize("keywords,args", VIEWS, ids=[" ".join(a) or "defaults" for _, a in VIEWS])
def test_counts_equal_the_cli_raw_output(keywords, args):
    counts = mandelbrot.render(**keywords)
    assert isinstance(counts, np.ndarray) and isinstance(counts, mandelbrot.Counts)
    assert counts.dtype == np.int32 and counts.flags.c_contiguous
    np.testing.assert_array_equal(counts, cli_raw(args, counts.shape))


def test_shape_is_height_by_width():
    assert mandelbrot.render(width=30, height=20).shape == (20, 30)
    assert mandelbrot.render(size=17).shape == (17, 17)


def test_numbers_and_their_text_give_the_same_counts():
    a = mandelbrot.render(size=64, center=(-0.5, 0.1), radius=0.75, bailout=4.5)
    b = mandelbrot.render(size="64", center="-0.5,0.1", radius="0.75", bailout="4.5")
    np.testing.assert_array_equal(a, b)
    assert a.options == b.options


def test_a_float_is_passed_as_its_shortest_decimal():
    counts = mandelbrot.render(size=8, center=(0.05, -0.1), radius=0.1)
    assert counts.options["center"] == "0.05,-0.1"
    assert counts.command_line()[:2] == ["--size", "8"]


def test_the_defaults_are_the_classic_recipe():
    col = np.empty((400, 400), dtype=np.int32)
    mandelbrot.library.mandelbrot(400, 100, col)
    np.testing.assert_array_equal(mandelbrot.render(), col)
    assert (col.min(), col.max(), col[200, 100]) == (2, 99, 99)


def test_every_thread_count_gives_the_same_counts():
    one = mandelbrot.render(size=120, iter=500, threads=1)
    for threads in (2, 3, 0):
        np.testing.assert_array_equal(mandelbrot.render(size=120, iter=500, threads=threads), one)


def test_help_explains_every_parameter():
    import inspect
    doc = mandelbrot.render.__doc__
    for name in inspect.signature(mandelbrot.render).parameters:
        assert f"\n    {name}" in doc or f", {name}:" in doc, name
    for function in (mandelbrot.image, mandelbrot.png, mandelbrot.content_hash,
                     mandelbrot.compare, mandelbrot.add, mandelbrot.dot):
        assert function.__doc__ and function.__annotations__, function.__name__
        for name in inspect.signature(function).parameters:
            assert name in function.__doc__, (function.__name__, name)

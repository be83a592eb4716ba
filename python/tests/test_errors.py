"""Bad arguments of every kind: ValueError with the command line's message for a
value it refuses, TypeError for a value of the wrong type, and error codes (never
a crash) from the C functions themselves."""

import ctypes

import numpy as np
import pytest

import mandelbrot
from conftest import LIBRARY, cli_error

# (render() keywords, the same command-line arguments): every one refused.
BAD_VALUES = [
    (dict(size=0), ["--size", "0"]),
    (dict(size=-5), ["--size", "-5"]),
    (dict(size="abc"), ["--size", "abc"]),
    (dict(width=2**40), ["--width", str(2**40)]),
    (dict(height="1e3"), ["--height", "1e3"]),
    (dict(iter=0), ["--iter", "0"]),
    (dict(iter=2**31), ["--iter", str(2**31)]),
    (dict(radius=0), ["--radius", "0"]),
    (dict(radius="-1"), ["--radius", "-1"]),
    (dict(radius=float("inf")), ["--radius", "inf"]),
    (dict(radius="1e-10001"), ["--radius", "1e-10001"]),  # deeper than deep zoom reaches
    (dict(center=(float("nan"), 0)), ["--center", "nan,0"]),
    (dict(center="1"), ["--center", "1"]),
    (dict(center=("1e999999", "0")), ["--center", "1e999999,0"]),
    (dict(region=(1, 0, 0, 1)), ["--region", "1,0,0,1"]),
    (dict(region="1,2,3"), ["--region", "1,2,3"]),
    (dict(angle="x"), ["--angle", "x"]),
    (dict(bailout=0), ["--bailout", "0"]),
    (dict(bailout="x"), ["--bailout", "x"]),
    (dict(family="foo"), ["--family", "foo"]),
    (dict(family="multibrot", power=9), ["--family", "multibrot", "--power", "9"]),
    (dict(power=3), ["--power", "3"]),
    (dict(family="tricorn", julia=(0, 0)), ["--family", "tricorn", "--julia", "0,0"]),
    (dict(family="julia"), ["--family", "julia"]),
    (dict(threads=-1), ["--threads", "-1"]),
    (dict(threads=100000), ["--threads", "100000"]),
    (dict(colormap="foo"), ["--colormap", "foo"]),
    (dict(scale="log"), ["--scale", "log"]),
]


@pytest.mark.parametrize("keywords,args", BAD_VALUES, ids=[" ".join(a) for _, a in BAD_VALUES])
def test_bad_values_raise_the_cli_message(keywords, args):
    expected = cli_error(*args, "-o", "unused.png")
    with pytest.raises(ValueError) as error:
        mandelbrot.render(**keywords)
    assert str(error.value) == expected
    with pytest.raises(ValueError) as error:
        mandelbrot.image(**keywords)
    assert str(error.value) == expected


@pytest.mark.parametrize("keywords", [
    dict(size=1.5), dict(size=True), dict(iter=[100]), dict(center=(1, 2, 3)), dict(center=1),
    dict(region=(1, 2)), dict(family=3), dict(colormap=1), dict(radius=object()),
    dict(julia=[1j, 2]), dict(threads=2.0), dict(bailout=b"10"), dict(scale=1),
])
def test_values_of_the_wrong_type_raise_type_error(keywords):
    with pytest.raises(TypeError):
        mandelbrot.render(**keywords)


def test_unknown_options_and_nul_characters():
    with pytest.raises(TypeError):
        mandelbrot.render(sizes=10)
    with pytest.raises(TypeError, match="'sizes'"):
        mandelbrot.image(sizes=10)
    with pytest.raises(ValueError, match="NUL"):
        mandelbrot.render(radius="1\x002")


def test_arrays_of_the_wrong_dtype_or_layout():
    counts = mandelbrot.render(size=20, iter=50)
    with pytest.raises(TypeError, match="integers"):
        mandelbrot.image(counts.astype(np.float64), iter=50)
    with pytest.raises(TypeError, match="integers"):
        mandelbrot.content_hash(np.array(["a", "b"]))
    with pytest.raises(ValueError, match="out of range for int32"):
        mandelbrot.content_hash(np.array([2**40]))
    with pytest.raises(ValueError, match="2-D"):
        mandelbrot.image(counts.reshape(-1), iter=50)
    # Converted: another integer dtype, a transposed or strided view.
    transposed = np.ascontiguousarray(counts.T).T
    assert not transposed.flags.c_contiguous
    np.testing.assert_array_equal(mandelbrot.image(transposed, iter=50),
                                  mandelbrot.image(counts))
    assert mandelbrot.content_hash(counts[::2, ::2]) == mandelbrot.content_hash(
        np.ascontiguousarray(counts[::2, ::2]))


class Message:
    def __init__(self):
        self.buffer = ctypes.create_string_buffer(200)

    @property
    def text(self):
        return self.buffer.value.decode()


def raw_library():
    """The library with every pointer declared as void *, so that the test can
    pass what the package never would: null pointers and wrong sizes."""
    lib = ctypes.CDLL(LIBRARY)
    p, n = ctypes.c_void_p, ctypes.c_size_t
    lib.mandelbrot_default_options.restype = mandelbrot._library.Options
    lib.mandelbrot_render_options.argtypes = [p, p, n, p, n]
    lib.mandelbrot_check_options.argtypes = [p, p, p, p, p, n]
    lib.mandelbrot_colour_options.argtypes = [p, p, n, p, n, p, n]
    lib.mandelbrot_png_options.argtypes = [p, p, n, p, p, p, n]
    lib.mandelbrot_content_hash.argtypes = [p, n, p, n]
    lib.mandelbrot_compare.argtypes = [p, p, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, p,
                                       p, p, n, p, n]
    lib.mandelbrot_add_int32.argtypes = [p, n, p, n, p, n, p, n]
    lib.mandelbrot_dot_float32.argtypes = [p, n, p, n, p, p, n]
    return lib


def test_the_c_functions_check_every_argument():
    lib = raw_library()
    m = Message()
    o = lib.mandelbrot_default_options()
    o.size = b"10"
    ref = ctypes.addressof(o)
    out = np.zeros(100, np.int32)
    rgb = np.zeros(300, np.uint8)
    assert lib.mandelbrot_render_options(None, out.ctypes.data, 100, m.buffer, 200) == -1
    assert m.text == "a required pointer is null"
    assert lib.mandelbrot_render_options(ref, None, 100, m.buffer, 200) == -1
    assert lib.mandelbrot_render_options(ref, out.ctypes.data, 99, m.buffer, 200) == -2
    assert m.text == "out holds 99 values, but a 10x10 render needs 100"
    assert not out.any()  # untouched on error
    assert lib.mandelbrot_render_options(ref, out.ctypes.data, 100, None, 0) == 0
    assert out.any()
    # A message buffer too small is truncated, never overrun.
    tiny = ctypes.create_string_buffer(b"\xff" * 8)
    assert lib.mandelbrot_render_options(ref, out.ctypes.data, 99, tiny, 5) == -2
    assert tiny.raw == b"out \0\xff\xff\xff\0"
    o.struct_size = 7
    assert lib.mandelbrot_check_options(ref, None, None, None, m.buffer, 200) == -7
    o.struct_size = ctypes.sizeof(o)
    assert lib.mandelbrot_colour_options(ref, out.ctypes.data, 100, rgb.ctypes.data, 299,
                                         m.buffer, 200) == -2
    assert lib.mandelbrot_colour_options(ref, None, 100, rgb.ctypes.data, 300, m.buffer,
                                         200) == -1
    assert lib.mandelbrot_png_options(ref, out.ctypes.data, 100, None, None, m.buffer, 200) == -1
    text = ctypes.create_string_buffer(42)
    assert lib.mandelbrot_content_hash(out.ctypes.data, 100, text, 41) == -2
    assert lib.mandelbrot_content_hash(None, 100, text, 42) == -1
    assert lib.mandelbrot_content_hash(None, 0, text, 42) == 0  # no counts: the empty hash
    json_text = ctypes.create_string_buffer(400)
    for width, height, channels, code in ((0, 10, 1, -2), (10, 10, 2, -2), (2**21, 1, 1, -2)):
        assert lib.mandelbrot_compare(out.ctypes.data, out.ctypes.data, width, height, channels,
                                      None, None, json_text, 400, m.buffer, 200) == code
    assert lib.mandelbrot_compare(out.ctypes.data, out.ctypes.data, 10, 10, 1, None, None,
                                  json_text, 10, m.buffer, 200) == -2
    assert lib.mandelbrot_compare(out.ctypes.data, None, 10, 10, 1, None, None, json_text, 400,
                                  m.buffer, 200) == -1
    assert lib.mandelbrot_add_int32(None, 3, None, 3, None, 3, m.buffer, 200) == -1
    assert lib.mandelbrot_add_int32(out.ctypes.data, 3, out.ctypes.data, 3, out.ctypes.data, 2,
                                    m.buffer, 200) == -11
    assert lib.mandelbrot_dot_float32(None, 0, None, 0, None, m.buffer, 200) == -1
    assert lib.mandelbrot_strerror(-11) and lib.mandelbrot_strerror(-12)

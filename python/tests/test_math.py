"""add() and dot(): int32 and float32 arithmetic in C, overflow reported with
the command line's message."""

import numpy as np
import pytest

import mandelbrot
from conftest import cli, cli_error


def test_scalars():
    assert mandelbrot.add(3, 4) == 7 and type(mandelbrot.add(3, 4)) is int
    assert mandelbrot.add(3.0, 4.0) == 7.0 and type(mandelbrot.add(3.0, 4)) is float
    assert mandelbrot.add(0.1, 0.2) == float(np.float32(0.1) + np.float32(0.2))
    assert mandelbrot.dot(3, 4) == 12


def test_sequences_and_arrays():
    assert mandelbrot.add([1, 2, -5], [-1, 3, 3]).tolist() == [0, 5, -2]
    total = mandelbrot.add(np.array([1.5, 2.0, -3.25], np.float32), [0.5, -2.0, 1.0])
    assert total.dtype == np.float32 and total.tolist() == [2.0, 0.0, -2.25]
    matrix = mandelbrot.add(np.arange(6).reshape(2, 3), np.ones((2, 3), np.int64))
    assert matrix.dtype == np.int32 and matrix.shape == (2, 3)
    assert matrix.tolist() == [[1, 2, 3], [4, 5, 6]]
    assert mandelbrot.dot([1, 2, 3], [4, 5, 6]) == 32
    assert mandelbrot.dot(np.float32([1, 2, 3]), np.float32([4, 5, 6])) == 32.0
    # Non-contiguous arrays are read in order.
    x = np.arange(10, dtype=np.int32)[::2]
    assert mandelbrot.add(x, x).tolist() == [0, 4, 8, 12, 16]


def test_float32_dot_accumulates_in_index_order_like_the_cli():
    rng = np.random.default_rng(3)
    x = rng.standard_normal(50).astype(np.float32)
    y = rng.standard_normal(50).astype(np.float32)
    expected = np.float32(0)
    for u, v in zip(x, y):
        expected = np.float32(expected + np.float32(u * v))
    assert mandelbrot.dot(x, y) == float(expected)
    a, b = ",".join(repr(float(v)) for v in x), ",".join(repr(float(v)) for v in y)
    printed = cli("dot", a, b, "--type", "float32").stdout.decode().strip()
    assert np.float32(printed) == expected


@pytest.mark.parametrize("call,args", [
    (lambda: mandelbrot.add(2147483647, 1), ["add", "2147483647", "1", "--type", "int32"]),
    (lambda: mandelbrot.add([1, -2147483648], [2, -1]),
     ["add", "1,-2147483648", "2,-1", "--type", "int32"]),
    (lambda: mandelbrot.add(3e38, 3e38), ["add", "3e38", "3e38", "--type", "float32"]),
    (lambda: mandelbrot.dot([65536, 2], [65536, 1]),
     ["dot", "65536,2", "65536,1", "--type", "int32"]),
    (lambda: mandelbrot.dot([1e30, 1e30], [1e10, 1.0]),
     ["dot", "1e30,1e30", "1e10,1", "--type", "float32"]),
    (lambda: mandelbrot.add([1, 2, 3], [1, 2]), ["add", "1,2,3", "1,2", "--type", "int32"]),
    (lambda: mandelbrot.dot([1, 2], [1]), ["dot", "1,2", "1", "--type", "int32"]),
    (lambda: mandelbrot.add([1, 3000000000], [1, 2]),
     ["add", "1,3000000000", "1,2", "--type", "int32"]),
    (lambda: mandelbrot.add(1e39, 1.0), ["add", "1e+39", "1", "--type", "float32"]),
])
def test_overflow_and_bad_operands_raise_the_cli_message(call, args):
    with pytest.raises(ValueError) as error:
        call()
    assert str(error.value) == cli_error(*args)


def test_operands_of_the_wrong_type_are_refused():
    for a in ("3", None, [1, "x"], {"a": 1}):
        with pytest.raises(TypeError):
            mandelbrot.add(a, 1)
    with pytest.raises(ValueError, match="same shape"):
        mandelbrot.add(np.zeros((2, 3), int), np.zeros((3, 2), int))

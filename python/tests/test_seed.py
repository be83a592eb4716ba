"""The seed sessions' calls, as they were typed, still work on the raw library
(a fresh ctypes.CDLL, without the package's declarations)."""

import ctypes

import numpy as np
import numpy.ctypeslib as npct

from conftest import LIBRARY, cli_raw


def test_seed_sessions():
    lib = ctypes.CDLL(LIBRARY)
    assert lib.add_int(3, 4) == 7

    lib.add_float.restype = ctypes.c_float
    lib.add_float.argtypes = [ctypes.c_float, ctypes.c_float]
    assert lib.add_float(3.0, 4.0) == 7.0

    a, b, c = ctypes.c_int(3), ctypes.c_int(4), ctypes.c_int(0)
    assert lib.add_int_ref(ctypes.byref(a), ctypes.byref(b), ctypes.byref(c)) == 0
    assert c.value == 7
    x, y, z = ctypes.c_float(1.5), ctypes.c_float(2.25), ctypes.c_float()
    assert lib.add_float_ref(ctypes.byref(x), ctypes.byref(y), ctypes.byref(z)) == 0
    assert z.value == 3.75

    ia, ib, ic = (ctypes.c_int * 3)(1, 2, -5), (ctypes.c_int * 3)(-1, 3, 3), (ctypes.c_int * 3)()
    assert lib.add_int_array(ia, ib, ic, 3) == 0 and list(ic) == [0, 5, -2]

    fa = np.array([1.5, 2.0, -3.25], np.float32)
    fb = np.array([0.5, -2.0, 1.0], np.float32)
    fc = np.zeros(3, np.float32)
    p = ctypes.POINTER(ctypes.c_float)
    assert lib.add_float_array(fa.ctypes.data_as(p), fb.ctypes.data_as(p),
                               fc.ctypes.data_as(p), 3) == 0
    assert fc.tolist() == [2.0, 0.0, -2.25]

    lib.dot_product.restype = ctypes.c_float
    lib.dot_product.argtypes = [npct.ndpointer(np.float32), npct.ndpointer(np.float32),
                                ctypes.c_int]
    assert lib.dot_product(np.float32([1, 2, 3]), np.float32([4, 5, 6]), 3) == 32.0

    lib.mandelbrot.restype = None
    lib.mandelbrot.argtypes = [ctypes.c_int, ctypes.c_int,
                               npct.ndpointer(ctypes.c_int, flags="C_CONTIGUOUS")]
    col = np.empty((400, 400), dtype=np.int32)
    lib.mandelbrot(400, 100, col)
    np.testing.assert_array_equal(col, cli_raw(["--size", "400", "--iter", "100"], (400, 400)))

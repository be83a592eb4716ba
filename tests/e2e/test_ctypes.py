"""The classic ctypes sessions, replayed against the built libmandelbrot.so."""

import ctypes
import os
import unittest

import numpy as np
import numpy.ctypeslib as npct

from support import run

LIBRARY = os.environ["MANDELBROT_LIBRARY"]


class Ctypes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lib = ctypes.CDLL(LIBRARY)

    def test_add_int(self):
        self.assertEqual(self.lib.add_int(3, 4), 7)

    def test_add_float_with_restype_and_argtypes(self):
        add_float = self.lib.add_float
        add_float.restype = ctypes.c_float
        add_float.argtypes = [ctypes.c_float, ctypes.c_float]
        self.assertEqual(add_float(3.0, 4.0), 7.0)

    def test_by_reference_adds(self):
        a, b, c = ctypes.c_int(3), ctypes.c_int(4), ctypes.c_int(0)
        self.assertEqual(self.lib.add_int_ref(ctypes.byref(a), ctypes.byref(b), ctypes.byref(c)), 0)
        self.assertEqual(c.value, 7)
        x, y, z = ctypes.c_float(1.5), ctypes.c_float(2.25), ctypes.c_float(0)
        self.assertEqual(self.lib.add_float_ref(ctypes.byref(x), ctypes.byref(y), ctypes.byref(z)),
                         0)
        self.assertEqual(z.value, 3.75)

    def test_ctypes_int_arrays(self):
        a = (ctypes.c_int * 3)(1, 2, -5)
        b = (ctypes.c_int * 3)(-1, 3, 3)
        c = (ctypes.c_int * 3)()
        self.assertEqual(self.lib.add_int_array(a, b, c, 3), 0)
        self.assertEqual(tuple(c), (0, 5, -2))

    def test_numpy_arrays_through_data_as(self):
        a = np.array([1.5, 2.0, -3.25], dtype=np.float32)
        b = np.array([0.5, -2.0, 1.0], dtype=np.float32)
        c = np.zeros(3, dtype=np.float32)
        p = ctypes.POINTER(ctypes.c_float)
        self.assertEqual(self.lib.add_float_array(a.ctypes.data_as(p), b.ctypes.data_as(p),
                                                  c.ctypes.data_as(p), 3), 0)
        np.testing.assert_array_equal(c, a + b)
        ai = np.array([1, 2, -5], dtype=np.int32)
        bi = np.array([-1, 3, 3], dtype=np.int32)
        ci = np.zeros(3, dtype=np.int32)
        q = ctypes.POINTER(ctypes.c_int)
        self.lib.add_int_array(ai.ctypes.data_as(q), bi.ctypes.data_as(q), ci.ctypes.data_as(q), 3)
        np.testing.assert_array_equal(ci, [0, 5, -2])

    def test_dot_product(self):
        dot = self.lib.dot_product
        dot.restype = ctypes.c_float
        dot.argtypes = [npct.ndpointer(np.float32), npct.ndpointer(np.float32), ctypes.c_int]
        a = np.array([1, 2, 3], dtype=np.float32)
        b = np.array([4, 5, 6], dtype=np.float32)
        self.assertEqual(dot(a, b, 3), 32.0)
        rng = np.random.default_rng(7)
        x = rng.standard_normal(1000).astype(np.float32)
        y = rng.standard_normal(1000).astype(np.float32)
        expected = np.float32(0)
        for u, v in zip(x, y):  # float accumulation from 0 in index order
            expected = np.float32(expected + np.float32(u * v))
        self.assertEqual(np.float32(dot(x, y, 1000)), expected)

    def test_mandelbrot_equals_the_cli_raw_output(self):
        mandelbrot = self.lib.mandelbrot
        mandelbrot.restype = None
        mandelbrot.argtypes = [ctypes.c_int, ctypes.c_int,
                               npct.ndpointer(ctypes.c_int, flags="C_CONTIGUOUS")]
        size, iterations = 400, 100
        col = np.empty((size, size), dtype=np.int32)
        mandelbrot(size, iterations, col)
        raw = run(["--size", str(size), "--iter", str(iterations), "--format", "raw", "-o", "-"],
                  check=True).stdout
        self.assertEqual(col.tobytes(), raw)

    def test_general_entry_point_and_error_codes(self):
        class Params(ctypes.Structure):
            _fields_ = [("width", ctypes.c_int32), ("height", ctypes.c_int32),
                        ("iterations", ctypes.c_int32), ("xmin", ctypes.c_double),
                        ("xmax", ctypes.c_double), ("ymin", ctypes.c_double),
                        ("ymax", ctypes.c_double), ("bailout", ctypes.c_double),
                        ("threads", ctypes.c_int32)]

        self.lib.mandelbrot_default_params.restype = Params
        self.lib.mandelbrot_strerror.restype = ctypes.c_char_p
        # A pointer must be declared as one: an undeclared int argument is a C int.
        self.lib.mandelbrot_render.argtypes = [ctypes.POINTER(Params), ctypes.c_void_p]
        p = self.lib.mandelbrot_default_params()
        p.width, p.height, p.iterations = 64, 48, 200
        p.xmin, p.xmax, p.ymin, p.ymax = -0.8, -0.7, 0.05, 0.15
        out = np.empty((48, 64), dtype=np.int32)
        self.assertEqual(self.lib.mandelbrot_render(ctypes.byref(p), out.ctypes.data), 0)
        raw = run(["--width", "64", "--height", "48", "--iter", "200", "--region",
                   "-0.8,-0.7,0.05,0.15", "--format", "raw", "-o", "-"], check=True).stdout
        self.assertEqual(out.tobytes(), raw)
        p.xmin = float("nan")
        code = self.lib.mandelbrot_render(ctypes.byref(p), out.ctypes.data)
        self.assertEqual(code, -4)
        self.assertIn(b"region", self.lib.mandelbrot_strerror(code))
        self.assertEqual(self.lib.mandelbrot_render(None, out.ctypes.data), -1)

    def test_family_entry_point_and_error_codes(self):
        class View(ctypes.Structure):
            _fields_ = [("width", ctypes.c_int32), ("height", ctypes.c_int32),
                        ("iterations", ctypes.c_int32), ("xmin", ctypes.c_double),
                        ("xmax", ctypes.c_double), ("ymin", ctypes.c_double),
                        ("ymax", ctypes.c_double), ("bailout", ctypes.c_double),
                        ("threads", ctypes.c_int32)]

        class FamilyParams(ctypes.Structure):
            _fields_ = [("struct_size", ctypes.c_uint32), ("view", View),
                        ("family", ctypes.c_int32), ("power", ctypes.c_int32),
                        ("julia_re", ctypes.c_double), ("julia_im", ctypes.c_double)]

        lib = self.lib
        lib.mandelbrot_default_family_params.restype = FamilyParams
        lib.mandelbrot_render_family.argtypes = [ctypes.POINTER(FamilyParams), ctypes.c_void_p]
        lib.mandelbrot_strerror.restype = ctypes.c_char_p
        p = lib.mandelbrot_default_family_params()
        self.assertEqual(p.struct_size, ctypes.sizeof(FamilyParams))
        p.view.width, p.view.height, p.view.iterations = 64, 48, 300
        p.view.xmin, p.view.xmax, p.view.ymin, p.view.ymax = -2.0, 2.0, -1.5, 1.5
        out = np.empty((48, 64), dtype=np.int32)
        for family, power, julia, args in [
                (1, 2, (-0.8, 0.156), ["--julia", "-0.8,0.156"]),
                (2, 2, (0, 0), ["--family", "burning-ship"]),
                (3, 2, (0, 0), ["--family", "tricorn"]),
                (4, 6, (0, 0), ["--family", "multibrot", "--power", "6"])]:
            with self.subTest(args=args):
                p.family, p.power = family, power
                p.julia_re, p.julia_im = julia
                self.assertEqual(lib.mandelbrot_render_family(ctypes.byref(p), out.ctypes.data),
                                 0)
                raw = run(["--width", "64", "--height", "48", "--iter", "300", "--region",
                           "-2,2,-1.5,1.5", *args, "--format", "raw", "-o", "-"],
                          check=True).stdout
                self.assertEqual(out.tobytes(), raw)
        p.family, p.power = 4, 9
        code = lib.mandelbrot_render_family(ctypes.byref(p), out.ctypes.data)
        self.assertEqual(code, -9)
        self.assertIn(b"power", lib.mandelbrot_strerror(code))
        p.power, p.struct_size = 3, 8
        self.assertEqual(lib.mandelbrot_render_family(ctypes.byref(p), out.ctypes.data), -7)


if __name__ == "__main__":
    unittest.main()

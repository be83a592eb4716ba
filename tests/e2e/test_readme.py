"""Runs the README's examples as written: every ```console block (commands after
"$ ", expected output below them, stderr included) and every ```python block
(its "# prints: " comments, in order, are the expected output). The built
program is first on PATH, the built library on LD_LIBRARY_PATH, and the Python
package (python/) on PYTHONPATH."""

import os
import re
import subprocess
import sys
import tempfile
import unittest

from support import MANDELBROT, SOURCE_DIR

LIBRARY = os.environ["MANDELBROT_LIBRARY"]


def blocks(language):
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        readme = f.read()
    return re.findall(r"^```" + language + r"\n(.*?)^```", readme, re.S | re.M)


def environment():
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(MANDELBROT) + os.pathsep + env["PATH"]
    env["LD_LIBRARY_PATH"] = os.path.dirname(LIBRARY)
    # The package from the source tree; it loads the built library (MANDELBROT_LIBRARY).
    env["PYTHONPATH"] = os.path.join(SOURCE_DIR, "python")
    return env


class Readme(unittest.TestCase):
    def setUp(self):
        # One directory for the whole run: later commands use earlier ones' files.
        # Paths into the source tree (tests/data/...) work as from its root.
        self.dir = tempfile.TemporaryDirectory()
        os.symlink(os.path.join(SOURCE_DIR, "tests"), os.path.join(self.dir.name, "tests"))

    def tearDown(self):
        self.dir.cleanup()

    def test_console_examples(self):
        examples = blocks("console")
        self.assertGreater(len(examples), 0)
        count = 0
        for block in examples:
            for command, expected in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.M):
                with self.subTest(command=command):
                    # stderr into stdout, in the order written, as a terminal shows them
                    result = subprocess.run(["sh", "-c", command], stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT, env=environment(),
                                            cwd=self.dir.name, timeout=60)
                    self.assertEqual(result.stdout.decode(), expected)
                    count += 1
        self.assertGreaterEqual(count, 5)

    def test_python_examples(self):
        examples = blocks("python")
        self.assertGreaterEqual(len(examples), 2)
        for code in examples:
            expected = "".join(line.split("# prints: ", 1)[1] + "\n"
                               for line in code.splitlines() if "# prints: " in line)
            self.assertTrue(expected, f"a python block without '# prints:':\n{code}")
            with self.subTest(code=code.splitlines()[0]):
                result = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                        env=environment(), cwd=self.dir.name, timeout=60)
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                self.assertEqual(result.stdout.decode(), expected)


if __name__ == "__main__":
    unittest.main()

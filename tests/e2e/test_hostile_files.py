"""Every file of the fuzz corpus (fuzz/corpus: seeds and the reproducers of
issue 13) through the built program as a user would pass it, each run within a
time limit and a memory limit (1 GiB of address space; under the sanitizers,
whose shadow memory needs terabytes of address space, the time limit only):
exit 0, 1 or 2, never a signal, and errors in one line."""

import os
import resource
import subprocess
import tempfile
import unittest

from support import MANDELBROT, SOURCE_DIR

CORPUS = os.path.join(SOURCE_DIR, "fuzz", "corpus")
# What each harness puts before the corpus bytes (see fuzz/*_fuzzer.cc).
MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "npy": b"\x93NUMPY", "netpbm": b"P", "params": b"",
         "kfr": b"", "palette": b""}
EXTENSION = {"png": ".png", "npy": ".npy", "netpbm": ".pgm", "params": ".json", "kfr": ".kfr",
             "palette": ".txt"}
# Kalles Fraktaler locations are deep with up to a million iterations: --from
# reads them with few iterations, whether or not deep views render.
FROM_OPTIONS = {"kfr": ["--iter", "50"]}
SANITIZED = os.environ.get("MANDELBROT_SANITIZED") == "1"
MEMORY_LIMIT = 1 << 30
TIME_LIMIT = 30


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


class HostileFiles(unittest.TestCase):
    def run_limited(self, args, cwd):
        return subprocess.run([MANDELBROT, *args], cwd=cwd, capture_output=True,
                              timeout=TIME_LIMIT, preexec_fn=None if SANITIZED else limit_memory)

    def test_corpus_through_the_program(self):
        runs = 0
        with tempfile.TemporaryDirectory() as tmp:
            for harness, magic in MAGIC.items():
                folder = os.path.join(CORPUS, harness)
                names = sorted(os.listdir(folder))
                self.assertTrue(names, folder)
                for name in names:
                    with open(os.path.join(folder, name), "rb") as f:
                        data = magic + f.read()
                    path = os.path.join(tmp, "input" + EXTENSION[harness])
                    with open(path, "wb") as f:
                        f.write(data)
                    commands = [["--from", path, "-o", "out.png", "--size", "8", "-q"] +
                                FROM_OPTIONS.get(harness, [])]
                    if harness == "palette":  # a palette is read by --palette, not --from
                        commands = [["--palette", path, "-o", "out.png", "--size", "8", "-q"]]
                    if harness not in ("params", "kfr", "palette"):
                        commands += [["info", path], ["info", path, "--json"],
                                     ["compare", path, path, "--diff-image", "diff.png"]]
                    for args in commands:
                        with self.subTest(file=f"{harness}/{name}", args=args[0]):
                            result = self.run_limited(args, tmp)
                            stderr = result.stderr.decode(errors="replace")
                            self.assertIn(result.returncode, (0, 1, 2), stderr)
                            if result.returncode != 0:
                                self.assertEqual(stderr.count("\n"), 1, stderr)
                                self.assertTrue(stderr.startswith("mandelbrot: "), stderr)
                            runs += 1
        self.assertGreater(runs, 100)


if __name__ == "__main__":
    unittest.main()

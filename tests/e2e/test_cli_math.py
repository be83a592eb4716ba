"""The add and dot subcommands, as used from the shell."""

import json
import os
import tempfile
import unittest

from support import run


def text(result):
    return result.stdout.decode().rstrip("\n")


class CliMath(unittest.TestCase):
    def test_readme_examples(self):
        self.assertEqual(text(run(["add", "3", "4"], check=True)), "7")
        self.assertEqual(text(run(["add", "1,2,-5", "-1,3,3"], check=True)), "0,5,-2")
        self.assertEqual(text(run(["add", "0.1", "0.2"], check=True)), "0.30000000000000004")
        self.assertEqual(text(run(["dot", "1,2,3", "4,5,6"], check=True)), "32")

    def test_results_read_back_exactly(self):
        out = text(run(["add", "0.1,1e-310,123456.789", "0.7,0,1e-7"], check=True))
        values = [float(v) for v in out.split(",")]
        self.assertEqual(values, [0.1 + 0.7, 1e-310, 123456.789 + 1e-7])

    def test_json_and_type(self):
        self.assertEqual(json.loads(run(["add", "1,2", "3,4", "--json"], check=True).stdout),
                         {"result": [4, 6], "type": "int64"})
        self.assertEqual(json.loads(run(["dot", "1.5,2", "2,2", "--json"], check=True).stdout),
                         {"result": 7.0, "type": "float64"})
        self.assertEqual(text(run(["add", "0.1", "0.2", "--type", "float32"], check=True)), "0.3")

    def test_operands_from_stdin_and_files(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("1 2\n3\n")
        try:
            result = run(["dot", "-", f"@{f.name}"], input=b"4,5,6\n", check=True)
            self.assertEqual(text(result), "32")
        finally:
            os.unlink(f.name)

    def test_bad_operands(self):
        cases = [
            (["add", "1,x", "1,2"], "element 2 of A must be a number, got 'x'"),
            (["add", "1,2,3", "1,2"], "A has 3 elements and B has 2"),
            (["dot", "", "1"], "A is empty"),
            (["add", "1"], "missing the argument B"),
            (["add", "-", "-"], "only one operand can be read from standard input"),
            (["add", "@/no/such/file", "1"], "cannot read A from '/no/such/file'"),
            (["add", "9223372036854775807", "1"], "integer overflow at element 1"),
            (["add", "2147483648", "1", "--type", "int32"], "out of range for int32"),
            (["add", "1e39", "1", "--type", "float32"], "out of range for float32"),
            (["add", "1", "2", "--type", "int8"], "unknown --type 'int8'"),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                result = run(args, input=b"")
                stderr = result.stderr.decode()
                self.assertEqual(result.returncode, 2, stderr)
                self.assertEqual(stderr.count("\n"), 1, stderr)
                self.assertIn(expected, stderr)
                self.assertEqual(result.stdout, b"")


if __name__ == "__main__":
    unittest.main()

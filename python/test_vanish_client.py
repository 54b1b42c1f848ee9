"""Tests of vanish_client against the built CLI of this checkout (run by `npm test` through
test/python/client.test.ts; alone: `python3 -m unittest discover -s python`)."""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warnings  # noqa: E402

from vanish_client import Result, Vanish, VanishError, VanishWarning, default_vanish  # noqa: E402

BIN = default_vanish()


def cli(*args):
    """The JSON of the same CLI command."""
    out = subprocess.run(["node", BIN, *args, "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.v = Vanish()

    @classmethod
    def tearDownClass(cls):
        cls.v.close()

    def test_reach_equals_the_cli_json(self):
        r = self.v.reach(experiment="belle2", masses=[0.07, "66MeV"], config={"lumi": 10})
        self.assertIsInstance(r, Result)
        self.assertEqual(r, cli("reach", "--masses", "0.07,66MeV", "--lumi", "10"))

    def test_reach_on_a_grid_with_edges_equals_the_cli(self):
        r = self.v.reach(mass_min="60MeV", mass_max="90MeV", points=5)
        self.assertEqual(r, cli("reach", "--mass-min", "60MeV", "--mass-max", "90MeV", "--points", "5"))

    def test_yield_flux_background_equal_the_cli(self):
        self.assertEqual(getattr(self.v, "yield")(0.0667), cli("yield", "--mass", "0.0667"))
        self.assertEqual(self.v.yield_("70MeV", config={"alphaD": 0.01}), cli("yield", "--mass", "70MeV", "--alpha-d", "0.01"))
        self.assertEqual(self.v.flux(experiment="na64-2019"), cli("flux", "--experiment", "na64-2019"))
        self.assertEqual(self.v.background(), cli("background"))

    def test_columns_are_numpy_arrays_where_numpy_is_present(self):
        r = self.v.reach(masses=[0.01, 0.07, 2.0], experiment="belle2")
        eps = r.column("epsilon90")
        try:
            import numpy as np
        except ImportError:
            self.assertIsInstance(eps, list)
            return
        self.assertIsInstance(eps, np.ndarray)
        self.assertEqual(eps.shape, (3,))
        self.assertTrue(np.isinf(eps[2]) or eps[2] > 0)  # beyond the kinematic end a process may have no reach
        self.assertTrue(np.all(np.diff(r.column("massGeV")) > 0))

    def test_a_bad_request_raises_one_line_and_the_server_keeps_serving(self):
        with self.assertRaises(VanishError) as e:
            self.v.reach(config={"lumi": -1}, masses=[0.07])
        self.assertIn("lumi", str(e.exception))
        self.assertNotIn("\n", str(e.exception))
        with self.assertRaises(VanishError) as e:
            self.v.request("scan")
        self.assertIn("allowed are reach, yield, flux, background", str(e.exception))
        with self.assertRaises(VanishError):
            self.v.reach(experiment="lep", masses=[0.07])
        self.assertEqual(self.v.flux()["particle"], "e+")

    def test_a_bare_mass_beyond_the_reach_warns_as_the_cli_does(self):
        # 66.7 is read as GeV, beyond belle2's reach (its largest lepton energy): the CLI warns on stderr, so does the client
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            y = self.v.yield_(mass=66.7)
        self.assertEqual(y, cli("yield", "--mass", "66.7"))
        self.assertEqual(len(caught), 1)
        self.assertTrue(issubclass(caught[0].category, VanishWarning))
        self.assertIn("did you mean 66.7MeV?", str(caught[0].message))
        # a mass with its unit, or a reachable one, does not
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self.v.yield_(mass="66.7MeV")
            self.v.reach(masses=[0.07, 1])
        self.assertEqual(caught, [])

    def test_nan_or_infinity_is_named_and_never_sent(self):
        for kwargs, where in [({"masses": [0.07, float("nan")]}, "masses[1]"), ({"masses": [0.07], "config": {"lumi": float("inf")}}, "config.lumi")]:
            with self.assertRaises(VanishError) as e:
                self.v.reach(**kwargs)
            self.assertIn(f"{where} = ", str(e.exception))
            self.assertIn("finite", str(e.exception))
            self.assertNotIn("out of step", str(e.exception))
        self.assertEqual(self.v.flux()["particle"], "e+")  # still in step

    def test_flags_are_booleans_and_a_closed_session_says_so(self):
        r = self.v.reach(masses=[0.07])
        valid = r.column("valid")
        self.assertEqual([bool(x) for x in valid], [True])
        self.assertTrue(all(isinstance(x, bool) or str(getattr(x, "dtype", "")) == "bool" for x in valid))
        w = Vanish()
        w.close()
        with self.assertRaises(VanishError) as e:
            w.flux()
        self.assertIn("closed", str(e.exception))

    def test_malformed_lines_get_a_json_error_and_the_server_keeps_serving(self):
        lines = ["not json", "[1, 2]", '{"id": 9, "command": "flux", "bogus": 1}', '{"id": 10, "command": "flux"}']
        out = subprocess.run(["node", BIN, "serve", "--stdio"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
        answers = [json.loads(l) for l in out.stdout.splitlines()]
        self.assertEqual(len(answers), 4)
        self.assertEqual(answers[0]["id"], None)
        self.assertIn("not JSON", answers[0]["error"])
        self.assertIn("error", answers[1])
        self.assertEqual(answers[2]["id"], 9)
        self.assertIn("unknown request key bogus", answers[2]["error"])
        self.assertEqual(answers[3], {"id": 10, "result": cli("flux")})

    def test_another_vanish_can_be_given(self):
        with Vanish(vanish=BIN, experiment="na64-2019") as w:
            self.assertEqual(w.flux()["particle"], "e-")
        with self.assertRaises(VanishError):
            Vanish(vanish="/nonexistent/vanish.js")

    def test_the_notebook_is_valid_nbformat_4_and_uses_the_client(self):
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "example.ipynb")
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        self.assertEqual(nb["nbformat"], 4)
        self.assertIn("metadata", nb)
        code = []
        for cell in nb["cells"]:
            self.assertIn(cell["cell_type"], ("code", "markdown"))
            self.assertIsInstance(cell["source"], (list, str))
            if cell["cell_type"] == "code":
                self.assertEqual(cell["outputs"], [])
                self.assertIn("execution_count", cell)
                code.append("".join(cell["source"]))
        self.assertIn("from vanish_client import Vanish", "\n".join(code))

    def test_the_notebook_runs(self):
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "example.ipynb")
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        cwd = os.getcwd()
        os.chdir(os.path.dirname(path))
        namespace = {"__name__": "notebook"}
        try:
            import contextlib, io
            with contextlib.redirect_stdout(io.StringIO()) as out:
                for cell in nb["cells"]:
                    if cell["cell_type"] == "code":
                        exec(compile("".join(cell["source"]), "example.ipynb", "exec"), namespace)
        finally:
            os.chdir(cwd)
            if "v" in namespace:
                namespace["v"].close()
        self.assertIn("refused: config field lumi = -1", out.getvalue())
        self.assertLess(namespace["curves"][50]["best"]["epsilon90"], namespace["curves"][1]["best"]["epsilon90"])


if __name__ == "__main__":
    unittest.main()

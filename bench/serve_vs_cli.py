"""Benchmark (not a test): 1000 requests through `vanish serve` from Python against CLI calls.

Runs N_SERVE `yield` requests (one mass each, masses spread over 10 MeV – 1 GeV) through
vanish_client, then times N_CLI separate `vanish yield --mass M --format json` processes and
extrapolates them to N_SERVE calls (spawning 1000 processes would take minutes; the per-call
cost is steady, so the extrapolation says the same). Prints medians and the ratio.
Usage: python3 bench/serve_vs_cli.py [N_SERVE [N_CLI]]
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
from vanish_client import Vanish, default_vanish  # noqa: E402

n_serve = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
n_cli = int(sys.argv[2]) if len(sys.argv) > 2 else 20
masses = [0.01 * (100 ** (k / (n_serve - 1))) for k in range(n_serve)]

t0 = time.perf_counter()
with Vanish() as v:
    t_started = time.perf_counter()
    per = []
    for m in masses:
        t = time.perf_counter()
        v.yield_(mass=m)
        per.append(time.perf_counter() - t)
t_serve = time.perf_counter() - t0

cli = []
for m in masses[:: max(1, n_serve // n_cli)][:n_cli]:
    t = time.perf_counter()
    out = subprocess.run(["node", default_vanish(), "yield", "--mass", repr(m), "--format", "json"], capture_output=True, text=True, check=True)
    json.loads(out.stdout)
    cli.append(time.perf_counter() - t)
cli_total = statistics.mean(cli) * n_serve

print(f"serve: {n_serve} yield requests from Python, total {t_serve:.2f} s including start-up {t_started - t0:.2f} s; median {1e3 * statistics.median(per):.2f} ms per request")
print(f"CLI:   {len(cli)} `vanish yield` processes, median {1e3 * statistics.median(cli):.0f} ms each; {n_serve} calls extrapolated: {cli_total:.1f} s")
print(f"serve takes {t_serve / cli_total:.3f} of the time of {n_serve} CLI calls ({cli_total / t_serve:.0f}x faster)")

"""
vanish_client: use vanish from Python through ``vanish serve --stdio``.

One long-lived vanish process answers JSON requests line by line, so the
start-up (Node, the track-length tables) is paid once rather than per call.
Dependency-free (standard library only); where numpy is importable,
:meth:`Result.column` gives numpy arrays.

    from vanish_client import Vanish
    with Vanish() as v:                       # starts the vanish of the checkout this file lives in
        r = v.reach(experiment="belle2", masses=[0.07, "66MeV"], config={"lumi": 10})
        print(r["best"], r.column("epsilon90"))

Each result is exactly the JSON of the same CLI command (``vanish reach
--format json`` etc.) as a dict; a mistake in a request raises
:class:`VanishError` with vanish's one-line message, and the server keeps serving.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import warnings
from collections import deque
from typing import Any, Iterable, Optional, Sequence, Union

try:  # numpy is optional
    import numpy as _np
except ImportError:  # pragma: no cover - depends on the machine
    _np = None

__all__ = ["Vanish", "VanishError", "VanishWarning", "Result", "default_vanish"]

Mass = Union[float, int, str]


class VanishError(RuntimeError):
    """A request vanish refused (its one-line message), or the vanish process failed."""


class VanishWarning(UserWarning):
    """What vanish would print on stderr about a request (e.g. a bare mass above 20, read as GeV, beyond the experiment's reach)."""


class Result(dict):
    """A vanish answer: the CLI's JSON object as a dict, plus column access to ``points``."""

    def column(self, name: str):
        """The values of ``name`` over ``points`` (``massGeV``, ``epsilon90``, …): a numpy array
        where numpy is present (``None``, JSON's no-reach, becomes ``inf`` for ε and ``nan`` otherwise),
        else a list."""
        points = self.get("points")
        if not isinstance(points, list):
            raise KeyError(f"this result has no points (keys: {', '.join(self)})")
        values = [p.get(name) for p in points]
        if _np is None:
            return values
        if values and all(isinstance(x, bool) for x in values):  # flags (``valid``) stay booleans
            return _np.array(values, dtype=bool)
        missing = float("inf") if name.startswith("epsilon") else float("nan")
        return _np.array([missing if x is None else x for x in values], dtype=float)

    def columns(self) -> dict:
        """Every column of ``points`` (see :meth:`column`)."""
        points = self.get("points") or []
        return {k: self.column(k) for k in (points[0].keys() if points else [])}


def _first_nonfinite(value: Any, where: str = "") -> Optional[tuple]:
    """The path (``masses[0]``, ``config.lumi``) and value of the first NaN or infinity in a request, or None."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return where or "value", value
    if isinstance(value, dict):
        for k, v in value.items():
            found = _first_nonfinite(v, f"{where}.{k}" if where else str(k))
            if found is not None:
                return found
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _first_nonfinite(v, f"{where}[{i}]")
            if found is not None:
                return found
    return None


def default_vanish() -> str:
    """``bin/vanish.js`` of the checkout this module lives in (``python/`` next to ``bin/``)."""
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(here), "bin", "vanish.js")


class Vanish:
    """A ``vanish serve --stdio`` process.

    :param vanish: the vanish to run: a ``vanish.js`` file (run with ``node``) or an executable
        such as ``vanish`` on the PATH or ``node_modules/.bin/vanish``; default: this checkout's.
    :param node: the Node.js executable for a ``.js`` file.
    :param experiment: the default experiment of requests that name none (vanish's default: belle2).
    """

    def __init__(self, vanish: Optional[str] = None, node: str = "node", experiment: Optional[str] = None):
        path = vanish or default_vanish()
        if path.endswith(".js"):
            if not os.path.exists(path):
                raise VanishError(f"{path} does not exist: give the path of a vanish checkout's bin/vanish.js or a vanish executable")
            node_path = shutil.which(node) or node
            cmd = [node_path, path, "serve", "--stdio"]
        else:
            exe = shutil.which(path) or path
            cmd = [exe, "serve", "--stdio"]
        self.experiment = experiment
        self._stderr: deque = deque(maxlen=20)
        self._next_id = 0
        self._lock = threading.Lock()
        try:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as e:
            raise VanishError(f"cannot start {' '.join(cmd)}: {e}") from e
        self._reader = threading.Thread(target=self._drain_stderr, daemon=True)
        self._reader.start()

    def _drain_stderr(self) -> None:
        for line in self._proc.stderr:  # type: ignore[union-attr]
            self._stderr.append(line.rstrip("\n"))

    # ── lifetime ──
    def close(self) -> None:
        """Ends the server (EOF on its stdin) and waits for it."""
        proc = getattr(self, "_proc", None)
        if proc is None:
            return
        self._closed = True
        if proc.poll() is None:
            try:
                proc.stdin.close()  # type: ignore[union-attr]
                proc.wait(timeout=10)
            except Exception:
                proc.kill()
                proc.wait()
        self._reader.join(timeout=5)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            try:
                if stream is not None and not stream.closed:
                    stream.close()
            except Exception:
                pass

    def __enter__(self) -> "Vanish":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:
            pass

    # ── requests ──
    def request(self, command: str, **fields: Any) -> Result:
        """Sends ``{"id", "command", **fields}`` (fields whose value is None are left out) and returns the result."""
        with self._lock:
            if getattr(self, "_closed", False):
                raise VanishError("this Vanish session is closed: start a new one (with Vanish() as v: …)")
            if self._proc.poll() is not None:
                raise VanishError(f"the vanish server has exited ({self._proc.returncode}): {' | '.join(self._stderr) or 'no message'}")
            self._next_id += 1
            rid = self._next_id
            req = {"id": rid, "command": command}
            req.update({k: v for k, v in fields.items() if v is not None})
            if "experiment" not in req and self.experiment is not None:
                req["experiment"] = self.experiment
            text = json.dumps(req, default=_jsonable)
            bad = _first_nonfinite(json.loads(text))
            if bad is not None:  # JSON has no NaN or infinity: say which value, rather than send what the server cannot read
                where, value = bad
                raise VanishError(f"{where} = {value} is not allowed: vanish takes finite numbers (JSON has no NaN or infinity)")
            try:
                self._proc.stdin.write(text + "\n")  # type: ignore[union-attr]
                self._proc.stdin.flush()  # type: ignore[union-attr]
                line = self._proc.stdout.readline()  # type: ignore[union-attr]
            except (BrokenPipeError, OSError) as e:
                raise VanishError(f"the vanish server stopped: {' | '.join(self._stderr) or e}") from e
            if not line:
                self._proc.wait(timeout=10)
                raise VanishError(f"the vanish server has exited ({self._proc.returncode}): {' | '.join(self._stderr) or 'no message'}")
            answer = json.loads(line)
            if answer.get("id") != rid:
                raise VanishError(f"answer for request {answer.get('id')!r} instead of {rid}: the server is out of step")
            if "error" in answer:
                raise VanishError(answer["error"])
            for w in answer.get("warnings", []):
                # what the CLI prints on stderr, e.g. a bare mass above 20 (GeV) the experiment cannot reach
                warnings.warn(f"vanish: {w}", VanishWarning, stacklevel=3)
            return Result(answer["result"])

    def reach(
        self,
        experiment: Optional[str] = None,
        config: Optional[dict] = None,
        masses: Optional[Iterable[Mass]] = None,
        mass_min: Optional[Mass] = None,
        mass_max: Optional[Mass] = None,
        points: Optional[int] = None,
    ) -> Result:
        """``vanish reach --format json``: the masses given (GeV or strings with a unit, no edges added),
        or a log grid from ``mass_min`` to ``mass_max`` with ``points`` masses and the kinematic edges."""
        return self.request(
            "reach",
            experiment=experiment,
            config=config,
            masses=None if masses is None else [_mass(m) for m in masses],
            massMin=None if mass_min is None else _mass(mass_min),
            massMax=None if mass_max is None else _mass(mass_max),
            points=None if points is None else int(points),
        )

    def yield_(self, mass: Mass, experiment: Optional[str] = None, config: Optional[dict] = None) -> Result:
        """``vanish yield --mass M --format json``: signal events at ε = 1 (also reachable as ``getattr(v, "yield")``)."""
        return self.request("yield", experiment=experiment, config=config, mass=_mass(mass))

    def flux(self, experiment: Optional[str] = None, config: Optional[dict] = None) -> Result:
        """``vanish flux --format json``."""
        return self.request("flux", experiment=experiment, config=config)

    def background(self, experiment: Optional[str] = None, config: Optional[dict] = None) -> Result:
        """``vanish background --format json``."""
        return self.request("background", experiment=experiment, config=config)


setattr(Vanish, "yield", Vanish.yield_)


def _mass(m: Mass) -> Union[float, str]:
    if isinstance(m, str):
        return m
    return float(m)


def _jsonable(x: Any) -> Any:
    """numpy scalars and arrays in requests."""
    if hasattr(x, "tolist"):
        return x.tolist()
    if hasattr(x, "item"):
        return x.item()
    raise TypeError(f"{type(x).__name__} cannot be sent to vanish")

#!/usr/bin/python3.11
"""Generates src/target/comptonProfileData.ts: atomic Compton profiles J(p_z).

Source: F. Biggs, L. B. Mendelsohn, J. B. Mann, "Hartree-Fock Compton profiles
for the elements", At. Data Nucl. Data Tables 16 (1975) 201-309, as tabulated in
xraylib (T. Schoonjans et al., Spectrochim. Acta B 66 (2011) 776; Debian package
python3-xraylib, ComptonProfile and ComptonProfile_Partial). Run with the Debian
Python: /usr/bin/python3.11 scripts/compton-profiles.py (apt-get install python3-xraylib).

What is written, per element (p_z in atomic units, 1 a.u. = alpha m_e c):
 - ln J(p) on a uniform grid in q = asinh(p / P_SCALE), 0 <= p <= 100 a.u. (the end of
   the BMM tables), J per atom (all electrons, J(-p) = J(p));
 - a hydrogenic tail A / (p0^2 + p^2)^3 fitted to the last two table points
   (80 and 100 a.u.) for p > 100 a.u., where only the K shell is left;
 - for every shell: its occupancy (xraylib ElectronConfig) and the |p_z| below which
   50, 90 and 99 % of its (per-electron) partial profile lie.
The script checks the interpolation the library uses against xraylib at every
interval midpoint and prints the worst relative error.
"""
import math
import sys
import xraylib as xrl

P_SCALE = 0.5
P_MAX = 100.0
Q_MAX = math.asinh(P_MAX / P_SCALE)
N = 320
H = Q_MAX / N
ELEMENTS = {"H": 1, "C": 6, "O": 8, "Si": 14, "Ge": 32, "Y": 39, "I": 53, "Cs": 55, "Lu": 71, "W": 74, "Pb": 82, "Bi": 83}
SHELLS = [n for n in dir(xrl) if n.endswith("_SHELL")]
SHELL_NAME = {getattr(xrl, n): n[: -len("_SHELL")] for n in SHELLS}


def p_of(q):
    return P_SCALE * math.sinh(q)


def simpson(f, a, b, n=4000):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += (4 if i % 2 else 2) * f(a + i * h)
    return s * h / 3


def hermite(y, h, t):
    """The library's UniformHermite (src/numeric/hermite.ts) at t (in grid units)."""
    n = len(y)

    def d(i):
        if 2 <= i <= n - 3:
            return (y[i - 2] - 8 * y[i - 1] + 8 * y[i + 1] - y[i + 2]) / (12 * h)
        if i == 0:
            return (-25 * y[0] + 48 * y[1] - 36 * y[2] + 16 * y[3] - 3 * y[4]) / (12 * h)
        if i == 1:
            return (-3 * y[0] - 10 * y[1] + 18 * y[2] - 6 * y[3] + y[4]) / (12 * h)
        k = n - 1
        if i == k:
            return (25 * y[k] - 48 * y[k - 1] + 36 * y[k - 2] - 16 * y[k - 3] + 3 * y[k - 4]) / (12 * h)
        return (3 * y[k] + 10 * y[k - 1] - 18 * y[k - 2] + 6 * y[k - 3] - y[k - 4]) / (12 * h)

    i = min(max(int(math.floor(t)), 0), n - 2)
    s = t - i
    s2, s3 = s * s, s * s * s
    return (2 * s3 - 3 * s2 + 1) * y[i] + (s3 - 2 * s2 + s) * h * d(i) + (-2 * s3 + 3 * s2) * y[i + 1] + (s3 - s2) * h * d(i + 1)


def quantiles(f, total, fractions):
    """|p| below which each fraction of a symmetric profile f lies (f per side, total both sides)."""
    out = []
    grid = [p_of(Q_MAX * k / 4000) for k in range(4001)]
    acc = 0.0
    cum = [0.0]
    for a, b in zip(grid, grid[1:]):
        m = 0.5 * (a + b)
        acc += (b - a) * (f(a) + 4 * f(m) + f(b)) / 6
        cum.append(2 * acc)
    for fr in fractions:
        target = fr * total
        k = next((i for i, c in enumerate(cum) if c >= target), len(cum) - 1)
        if k == 0:
            out.append(0.0)
            continue
        a, b = grid[k - 1], grid[k]
        ca, cb = cum[k - 1], cum[k]
        out.append(a + (b - a) * (target - ca) / (cb - ca) if cb > ca else b)
    return out


def element(symbol, Z):
    J = lambda p: xrl.ComptonProfile(Z, p)
    ln_j = [math.log(J(min(p_of(k * H), P_MAX))) for k in range(N + 1)]
    worst = 0.0
    for k in range(N):
        p = min(p_of((k + 0.5) * H), P_MAX)
        exact = J(p)
        approx = math.exp(hermite(ln_j, H, k + 0.5))
        worst = max(worst, abs(approx / exact - 1))
    # hydrogenic tail through J(80) and J(100): J = A / (p0^2 + p^2)^3
    j80, j100 = J(80.0), J(P_MAX)
    r = (j80 / j100) ** (1 / 3)  # (p0^2 + 100^2) / (p0^2 + 80^2)
    p0sq = (P_MAX**2 - r * 80.0**2) / (r - 1)
    A = j100 * (p0sq + P_MAX**2) ** 3
    inside = 2 * simpson(J, 0, P_MAX, 20000)
    # tail integral from 100 to infinity of A/(p0^2+p^2)^3, closed form
    p0sq = max(p0sq, 1e-6)  # light atoms: already the pure p^-6 asymptote
    A = j100 * (p0sq + P_MAX**2) ** 3
    p0 = math.sqrt(p0sq)
    x = P_MAX / p0
    prim = lambda x: x / (4 * (1 + x * x) ** 2) + 3 * x / (8 * (1 + x * x)) + 3 / 8 * math.atan(x)
    tail = 2 * A / p0**5 * ((3 / 8) * (math.pi / 2) - prim(x))
    shells = []
    for s in sorted(SHELL_NAME):
        try:
            xrl.ComptonProfile_Partial(Z, s, 0.0)
        except Exception:
            continue
        f = lambda p, s=s: xrl.ComptonProfile_Partial(Z, s, min(p, P_MAX))
        n_el = 2 * simpson(f, 0, P_MAX, 8000)
        if n_el < 1e-6:
            continue
        q50, q90, q99 = quantiles(f, n_el, [0.5, 0.9, 0.99])
        try:
            edge = xrl.EdgeEnergy(Z, s)
        except Exception:
            edge = 0.0
        occupancy = xrl.ElectronConfig(Z, s)
        shells.append((SHELL_NAME[s], occupancy, q50, q90, q99, edge))
    return ln_j, worst, (p0, A), inside, tail, shells


def fmt(v, digits=7):
    return f"{v:.{digits}g}"


def main(out_path):
    lines = []
    lines.append("/**")
    lines.append(" * Atomic Compton profiles J(p_z), GENERATED by scripts/compton-profiles.py: do not edit.")
    lines.append(" *")
    lines.append(" * Source: F. Biggs, L. B. Mendelsohn, J. B. Mann, \"Hartree-Fock Compton profiles for the")
    lines.append(" * elements\", At. Data Nucl. Data Tables 16 (1975) 201, through xraylib 4.0.0")
    lines.append(" * (T. Schoonjans et al., Spectrochim. Acta B 66 (2011) 776; Debian python3-xraylib).")
    lines.append(" * Units: p_z in atomic units (α m_e c), J per atom per a.u.; grid q = asinh(p_z / pScale),")
    lines.append(" * ln J at q = k·h, k = 0…n (p_z ≤ 100 a.u.); beyond, the hydrogenic tail A/(p0² + p²)³.")
    lines.append(" * Shells: electrons, |p_z| quantiles (50/90/99 %) in a.u., absorption edge in keV.")
    lines.append(" */")
    lines.append("export interface ShellProfileSummary { shell: string; electrons: number; p50: number; p90: number; p99: number; edgeKeV: number }")
    lines.append("export interface ElementProfileData { Z: number; lnJ: readonly number[]; tailP0: number; tailA: number; shells: readonly ShellProfileSummary[] }")
    lines.append(f"export const PROFILE_GRID = {{ pScale: {P_SCALE}, pMax: {P_MAX}, h: {H!r}, n: {N} }} as const;")
    lines.append("export const COMPTON_PROFILES: Record<string, ElementProfileData> = {")
    for sym, Z in ELEMENTS.items():
        ln_j, worst, (p0, A), inside, tail, shells = element(sym, Z)
        print(f"{sym:3s} Z={Z:3d}  interpolation worst rel err {worst:.2e}  ∫J(|p|<100) = {inside:.5f}  tail = {tail:.5f}  total = {inside + tail:.5f}  tail p0 = {p0:.2f} a.u.", file=sys.stderr)
        sh = ", ".join(
            f"{{ shell: '{n}', electrons: {fmt(e, 5)}, p50: {fmt(a, 4)}, p90: {fmt(b, 4)}, p99: {fmt(c, 4)}, edgeKeV: {fmt(k, 5)} }}"
            for n, e, a, b, c, k in shells
        )
        lines.append(f"  {sym}: {{")
        lines.append(f"    Z: {Z},")
        lines.append(f"    tailP0: {fmt(p0, 8)},")
        lines.append(f"    tailA: {fmt(A, 8)},")
        lines.append(f"    lnJ: [{', '.join(fmt(v, 7) for v in ln_j)}],")
        lines.append(f"    shells: [{sh}],")
        lines.append("  },")
    lines.append("};")
    with open(out_path, "w") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/target/comptonProfileData.ts")

#!/usr/bin/env python3
"""An independent, vectorised NumPy/SciPy implementation of the seed paper's
reach curve (Liang, Liu & Yang, "A new channel to search for dark matter at
Belle II"; /work/shared/seeds/000_7fd8a76a67b393a0.txt), written from the
paper's equations, not from vanish's TypeScript: the benchmark that
bench/startup.ts times `vanish reach` against (issue 12).

The model is the paper's exactly: Bhabha positrons in the barrel (Eqs. 3-4),
the track-length distribution of App. A (Eqs. A1-A3, two generations),
resonant annihilation on atomic electrons (Eqs. 9-11) and on-shell
A'-strahlung in the Weizsaecker-Williams form with the elastic form factor
(Eqs. 12-14), at alpha_D = 1e-3, m_A' = 3 m_chi, 50 ab^-1, E_A' > 0.95 E,
and the limit N_s / sqrt(N_b) = sqrt(2.71) with the paper's N_b = 94.

Vectorised: the track-length integrals are tabulated once (they depend on
v = E'/E only), and so is the annihilation kernel (mass-independent); every
mass's yields are then evaluated on fixed Gauss-Legendre grids at once
(arrays of masses x nodes).
The Breit-Wigner of Eq. 9 is integrated in u = arctan((s - m^2)/(m Gamma)),
in which it is flat; the track length's v -> 1 singularity (a positron that
has lost nothing) in zeta = -1/ln(1 - v), where it is smooth and its tail is
kept; A'-strahlung's x -> 1 peak (m^2 (1 - x) against m_e^2) in a log variable.
Checked against vanish's belle2-paper at seven masses from 1 MeV to 0.93 GeV:
annihilation within 5e-4, A'-strahlung within 3e-3; the positrons in the
barrel are 5.998e11 (the paper: about 6e11); the limit uses the paper's
N_b = 94 (vanish computes 91.5), so epsilon90 is 0.6 % above vanish's.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.special import gammaln, roots_legendre

T0 = time.perf_counter()

# ---- constants (PDG) and inputs of the paper ----
ALPHA = 1 / 137.035999
ME = 0.51099895e-3  # GeV
GEV2_CM2 = 0.3893794e-27  # (hbar c)^2 in GeV^2 cm^2
NA = 6.02214076e23
LUMI_CM2 = 50 * 1e42  # 50 ab^-1 in cm^-2
ALPHA_D = 1e-3
MASS_RATIO = 3.0
CUT = 0.95  # E_A' > 0.95 E (at most 5 % deposited)
NB = 94.0
DCHI2 = 2.71
# CsI (the ECL): density, molar mass; X0 = 1.86 cm as the paper uses
RHO, MOLAR = 4.51, 132.905 + 126.904
N_MOL = RHO * NA / MOLAR  # CsI units (= I nuclei = Cs nuclei) per cm^3
N_E = N_MOL * (55 + 53)  # electrons per cm^3
X0 = 1.86
NUCLEI = [(53, 127), (55, 133)]  # I, Cs: Z, A (Eq. 14)
B1, B2 = 4 / 3, 7 / 9  # App. A

# ---- Bhabha positrons in the barrel (Eqs. 3-4) ----
E_E, E_P = 7.0, 4.0
S = 4 * E_E * E_P
ESTAR = np.sqrt(S) / 2
BETA = (E_E - E_P) / (E_E + E_P)  # 3/11
GINV = np.sqrt(1 - BETA**2)


def e_lab(theta_deg):
    return ESTAR * GINV / (1 - BETA * np.cos(np.radians(theta_deg)))


E_MIN, E_MAX = e_lab(128.7), e_lab(32.2)


def dsigma_de(e):
    """Eq. 4: dsigma_B/dE in GeV^-3."""
    c = (GINV * e / ESTAR - 1) / BETA
    return np.pi * ALPHA**2 / (2 * S) * (3 + c**2) ** 2 / (1 + c) ** 2 * GINV / (BETA * ESTAR)


def gl(n, a, b):
    """Gauss-Legendre nodes and weights on [a, b] (arrays broadcast)."""
    x, w = roots_legendre(n)
    a = np.asarray(a, float)[..., None]
    b = np.asarray(b, float)[..., None]
    return a + (b - a) * (x + 1) / 2, (b - a) * w / 2


# ---- track length (App. A) ----
# T_e(E', E, L X0) = X0 tau_L(u) / E with u = 1 - E'/E; tau_L is the depth integral of (A2) + (A3) times E.
# tau has an integrable 1/(b1 u ln^2 u) singularity at u -> 0 (a positron that has lost nothing), whose tail
# below any u0 still holds 1/(b1 |ln u0|): it is integrated in zeta = -1/ln u, where
# G(zeta) = tau(u) du/dzeta = tau(u) u / zeta^2 is smooth and tends to 1/b1.
def tau_table(depth, zeta):
    u = np.exp(-1 / zeta)  # (nz,), never 0 on the grid
    edges = np.array([0, 1e-4, 1e-3, 1e-2, 0.03, 0.1, 0.3, 1, 2, 4, 8, 12, 16, 24, 32])
    edges = np.unique(np.concatenate([edges[edges < depth], [depth]]))
    ts, wts = [], []
    for a, b in zip(edges[:-1], edges[1:]):
        t, wt = gl(12, a, b)
        ts.append(t)
        wts.append(wt)
    t = np.concatenate(ts)[None, :]  # (1, nt)
    wt = np.concatenate(wts)[None, :]
    ell = -np.log1p(-u)[:, None]  # ln(1/v), accurate for tiny u
    bt = B1 * t
    # first generation (A2)
    i1 = np.exp((bt - 1) * np.log(ell) - gammaln(bt))
    # second generation (A3): x = 1 - u (1 - s), s from 0 to 1 crowded at both ends, in u so that tiny u keeps its digits
    y, wy = roots_legendre(48)
    y = (y + 1) / 2
    wy = wy / 2
    sx = (1 - np.cos(np.pi * y)) / 2
    dsx = np.pi * np.sin(np.pi * y) / 2
    u3 = u[:, None, None]
    s3 = sx[None, None, :]
    x3 = 1 - u3 * (1 - s3)
    lx = np.log(u3 * (1 - s3))  # ln(1 - x)
    lvx = np.log(u3 * s3 / x3)  # ln(1 - v/x)
    bt3 = bt[:, :, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        den1 = B2 + B1 * lx
        term_a = (np.exp(bt3 * lx) - np.exp(bt3 * lvx)) / (B1 * (np.log(x3) + lx - np.log(u3 * s3)))  # b1 ln((x - x^2)/(x - v))
        term_b = (np.exp(-B2 * t[:, :, None]) - np.exp(bt3 * lvx)) / (B2 + B1 * lvx)
        f = np.nan_to_num(u3 * (wy * dsx)[None, None, :] / x3**2 / den1 * (term_a + term_b), nan=0.0, posinf=0.0, neginf=0.0)
    i2 = 2 * np.sum(f, axis=2)  # (nz, nt)
    tau = np.sum((i1 + i2) * wt, axis=1)
    return tau * u / zeta**2  # G(zeta)


ZETA_MAX = -1 / np.log(0.12)  # u up to 0.12 (v down to 0.88)
ZETA_NODES = np.linspace(1 / 600, ZETA_MAX, 400)  # u = e^{-600} and up (e^{-1/zeta} underflows below 1/745)
ZETA = np.concatenate([[0.0], ZETA_NODES])  # G(0) = 1/b1: the first generation's limit (the second vanishes there)
G16 = np.concatenate([[1 / B1], tau_table(16.0, ZETA_NODES)])
G1 = np.concatenate([[1 / B1], tau_table(1.0, ZETA_NODES)])


def g_of(table, zeta):
    return np.interp(zeta, ZETA, table)


def zeta_of(u):
    u = np.asarray(u, float)
    with np.errstate(divide="ignore"):
        return np.where(u > 0, -1 / np.log(np.clip(u, 1e-300, 0.999)), 0.0)


# ---- the yields at epsilon = 1 for all masses at once ----
def annihilation_kernel(e_a):
    """K(E_A') = L int dE dsigma_B/dE X0 tau_16(u) / E over the window (Eq. 11 without n_e sigma): per GeV."""
    e_p = e_a - ME
    e_hi = np.minimum(E_MAX, e_a / CUT)
    e_lo = np.maximum(E_MIN, e_p)
    ok = e_hi > e_lo
    u_lo = np.where(e_p >= E_MIN, 0.0, 1 - e_p / E_MIN)
    u_hi = np.where(ok, 1 - e_p / np.where(ok, e_hi, 1.0), 0.0)
    z, wz = gl(64, zeta_of(u_lo), zeta_of(np.maximum(u_hi, u_lo)))  # (k, 64)
    u = np.exp(-1 / np.maximum(z, 1e-300))
    e = e_p[:, None] / (1 - u)
    # dE/E = du/(1 - u) and du tau(u) = dzeta G(zeta)
    k = np.sum(wz * g_of(G16, z) / (1 - u) * dsigma_de(e), axis=1) * LUMI_CM2 * GEV2_CM2 * X0
    return np.where(ok, k, 0.0)


EA_GRID = np.linspace(CUT * E_MIN * 0.9999, E_MAX + ME * 1.0001, 4000)
K_GRID = annihilation_kernel(EA_GRID)


def annihilation(m):
    """Eq. 11 for masses m (n,): events at epsilon = 1, N = n_e int dE_A' sigma_ann(E_A') K(E_A')."""
    m = m[:, None]
    mchi = m / MASS_RATIO
    gamma = m * ALPHA_D / 3 * (1 + 2 * mchi**2 / m**2) * np.sqrt(1 - 4 * mchi**2 / m**2)  # Eq. 10
    s_lo = np.maximum(2 * ME * EA_GRID[0], 4 * mchi**2 * (1 + 1e-12))
    s_hi = np.maximum(2 * ME * EA_GRID[-1], s_lo)
    u, wu = gl(2000, np.arctan((s_lo - m**2) / (m * gamma))[:, 0], np.arctan((s_hi - m**2) / (m * gamma))[:, 0])
    # in u = atan((s - m^2)/(m Gamma)), ds = m Gamma sec^2 u du cancels the Breit-Wigner's denominator
    s = m**2 + m * gamma * np.tan(u)
    sigma_du = 4 * np.pi * ALPHA * ALPHA_D / 3 * (s + 2 * mchi**2) * np.sqrt(np.clip(1 - 4 * mchi**2 / s, 0, None)) / (m * gamma)
    k = np.interp(s / (2 * ME), EA_GRID, K_GRID)
    return N_E * GEV2_CM2 * np.sum(wu * sigma_du * k, axis=1) / (2 * ME)  # dE_A' = ds / 2 m_e


def phi_table(m, e_prime):
    """Eq. 14 summed over I and Cs, for masses m (n,) and energies E' (k,): (n, k)."""
    m = m[:, None, None]
    tmin = (m**2 / (2 * e_prime[None, :, None])) ** 2
    tmax = m**2 + ME**2
    lt, wl = gl(64, np.log(tmin[..., 0]), np.log(np.broadcast_to(tmax[..., 0], tmin[..., 0].shape)))
    t = np.exp(lt)
    out = 0
    for z, a_mass in NUCLEI:
        a = 111 / ME * z ** (-1 / 3)
        d = 0.164 * a_mass ** (-2 / 3)
        ff = z * a**2 * t / ((1 + a**2 * t) * (1 + t / d))
        out = out + np.sum(wl * t * (t - tmin) / t**2 * ff**2, axis=2)  # dt = t dln t
    return out


def bremsstrahlung(m):
    """Eq. 12 for masses m (n,): events at epsilon = 1."""
    ek = np.geomspace(CUT * E_MIN * 0.999, E_MAX * 1.001, 24)
    phi = phi_table(m, ek)  # (n, 24)
    n = m.shape[0]
    mm = m[:, None, None, None]
    e, we = gl(24, E_MIN, E_MAX)  # (24,)
    e = np.broadcast_to(e, (n, 24))
    we = np.broadcast_to(we, (n, 24))
    ea_lo = np.maximum(CUT * e, m[:, None])
    ea_hi = e - ME
    ea, wa = gl(24, ea_lo, np.maximum(ea_hi, ea_lo))  # (n, 24, 24)
    e4 = e[..., None, None]
    ea4 = ea[..., None]
    e_mid = (ea4 + e4) / 2

    def integrand(ep, tau_dep):
        """n_N T_e dsigma/dE_A' (Eq. 13) at E', with tau_dep = X0 tau(u) dE'/E already in the weights."""
        x = ea4 / ep
        shape = x * (1 - x + x**2 / 3) / (mm**2 * (1 - x) + ME**2 * x**2)
        ph = np.stack([np.interp(np.log(ep[i]), np.log(ek), phi[i]) for i in range(n)])
        return N_MOL * tau_dep * GEV2_CM2 * ph * 4 * ALPHA**3 / ep * shape

    # upper half of E' (to E, v -> 1) in zeta = -1/ln(1 - E'/E): dE' X0 tau / E = X0 dzeta G(zeta)
    z, wz = gl(16, 0.0 * ea4[..., 0], zeta_of(1 - e_mid[..., 0] / e4[..., 0]))
    u = np.exp(-1 / np.maximum(z, 1e-300))
    upper = np.sum(integrand(e4 * (1 - u), wz * X0 * g_of(G1, z)), axis=3)
    # lower half (from E_A', x -> 1, where m^2 (1 - x) meets m_e^2 x^2) in ln(E' - E_A' + E_A' m_e^2/m^2)
    floor = ea4 * ME**2 / mm**2
    q, wq = gl(24, np.log(floor[..., 0]), np.log((e_mid - ea4 + floor)[..., 0]))
    ep = ea4 + np.exp(q) - floor
    uu = 1 - ep / e4
    lower = np.sum(integrand(ep, wq * np.exp(q) * X0 * g_of(G1, zeta_of(uu)) / (uu * zeta_of(uu) ** -2) / e4), axis=3)
    middle = np.sum(wa * (upper + lower), axis=2)
    return LUMI_CM2 * GEV2_CM2 * np.sum(we * dsigma_de(e) * middle, axis=1)


def reach(masses):
    n_ann = annihilation(masses)
    n_bre = bremsstrahlung(masses)
    need = np.sqrt(DCHI2 * NB)  # N_s = sqrt(2.71 N_b)
    eps = np.sqrt(need / (n_ann + n_bre))
    return n_ann, n_bre, eps


if __name__ == "__main__":
    masses = np.geomspace(1e-3, 1.0, 200)
    t1 = time.perf_counter()
    n_ann, n_bre, eps = reach(masses)
    t2 = time.perf_counter()
    e, w = gl(400, E_MIN, E_MAX)
    positrons = LUMI_CM2 * GEV2_CM2 * float(np.sum(w * dsigma_de(e)))
    best = int(np.argmin(eps))
    if "--json" in sys.argv:
        print(json.dumps({
            "seconds": t2 - T0, "curveSeconds": t2 - t1, "positrons": positrons,
            "best": {"massGeV": float(masses[best]), "epsilon90": float(eps[best])},
            "numpy": np.__version__, "scipy": scipy.__version__,
        }))
    else:
        print(f"# positrons in the barrel {positrons:.4g} (paper: about 6e11); E from {E_MIN:.3f} to {E_MAX:.3f} GeV")
        print("mass_GeV,annihilation_events_eps1,bremsstrahlung_events_eps1,epsilon90")
        for m, a, b, x in zip(masses, n_ann, n_bre, eps):
            print(f"{m:.6g},{a:.6g},{b:.6g},{x:.6g}")
        print(f"# best {eps[best]:.4g} at {masses[best]*1000:.2f} MeV; {t2 - T0:.2f} s with the tables, {t2 - t1:.2f} s for the curve", file=sys.stderr)

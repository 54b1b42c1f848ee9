/**
 * Exact tree-level (ETL) A′-strahlung against independent numbers: the total
 * cross-sections for electrons on lead that NA64's DMG4 ships as its reference
 * (Bondì et al., CPC 269 (2021) 108129; Gninenko et al., PLB 782 (2018) 406),
 * read from test/fixtures/dmg4-etl-pb.json with their citation; and the closed
 * forms the calculation rests on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amplitudeNumerator, azimuthalIntegral, elasticG2, etlTotalCrossSection } from '../../src/processes/etl.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { pb } from '../../src/constants.js';

interface Reference {
  epsilon: number;
  energiesGeV: number[];
  massesMeV: number[];
  crossSectionPb: number[][];
}
const dmg4 = JSON.parse(readFileSync(new URL('../fixtures/dmg4-etl-pb.json', import.meta.url), 'utf8')) as Reference;
const Pb = { Z: 82, A: 207, atomicWeight: 207.2 };

describe('ETL total cross-section, e− on Pb, against DMG4', () => {
  // every energy of the table, masses across 1 MeV – 1.5 GeV (A′ energies ≥ max(10 MeV, 2m) as in DMG4's test)
  const points: Array<[number, number]> = [
    [100, 1],
    [60, 4],
    [40, 20],
    [100, 100],
    [120, 200],
    [160, 500],
    [20, 1000],
    [80, 1000],
    [60, 1500],
  ];
  for (const [E, mMeV] of points) {
    it(`E = ${E} GeV, m = ${mMeV} MeV: within 5 %`, () => {
      const ref = dmg4.crossSectionPb[dmg4.energiesGeV.indexOf(E)][dmg4.massesMeV.indexOf(mMeV)];
      const m = mMeV / 1000;
      const r = etlTotalCrossSection(Pb, E, m, Math.max(0.01, 2 * m), { relTol: 1e-3 });
      const sigma = (r.value * dmg4.epsilon ** 2) / pb;
      expect(Math.abs(sigma / ref - 1)).toBeLessThan(0.05);
    }, 60_000);
  }
});

describe('ETL building blocks', () => {
  it('the azimuthal integral of a cosine series over (A + B cos φ)² matches quadrature', () => {
    const n = [0.3, -1.2, 2.5, 0.7, -0.4];
    for (const [A, B] of [
      [1, 0.2],
      [1, -0.999],
      [3, 2.9999],
    ]) {
      const direct = integrate(
        (phi) => n.reduce((s, c, k) => s + c * Math.cos(k * phi), 0) / (A + B * Math.cos(phi)) ** 2,
        0,
        2 * Math.PI,
        { relTol: 1e-12, points: [Math.PI], maxIntervals: 10000 },
      ).value;
      expect(azimuthalIntegral(n, A, B) / direct).toBeCloseTo(1, 8);
    }
  });
  it('the elastic form factor is Z² between the atomic and nuclear scales and vanishes at both ends', () => {
    const g = elasticG2({ Z: 82, A: 207 });
    expect(g(1e-6) / 82 ** 2).toBeCloseTo(1, 2);
    expect(g(1e-16) / 82 ** 2).toBeLessThan(1e-3);
    expect(g(10) / 82 ** 2).toBeLessThan(1e-5);
  });
  it('is zero, not an error, where kinematics closes the channel', () => {
    expect(etlTotalCrossSection(Pb, 1, 2).value).toBe(0);
    expect(etlTotalCrossSection(Pb, 10, 0.1, 10).value).toBe(0);
  });
});

// ── the traced matrix element against explicit Dirac matrices ──
type C4 = { re: number[]; im: number[] }; // 4×4 complex, row-major
const zero = (): C4 => ({ re: new Array(16).fill(0), im: new Array(16).fill(0) });
const eye = (): C4 => {
  const z = zero();
  for (let i = 0; i < 4; i++) z.re[5 * i] = 1;
  return z;
};
const mul = (a: C4, b: C4): C4 => {
  const r = zero();
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      for (let k = 0; k < 4; k++) {
        r.re[4 * i + j] += a.re[4 * i + k] * b.re[4 * k + j] - a.im[4 * i + k] * b.im[4 * k + j];
        r.im[4 * i + j] += a.re[4 * i + k] * b.im[4 * k + j] + a.im[4 * i + k] * b.re[4 * k + j];
      }
  return r;
};
const add = (...xs: Array<[number, C4]>): C4 => {
  const r = zero();
  for (const [c, x] of xs) for (let i = 0; i < 16; i++) (r.re[i] += c * x.re[i]), (r.im[i] += c * x.im[i]);
  return r;
};
const trace = (a: C4) => a.re[0] + a.re[5] + a.re[10] + a.re[15];
// Dirac representation: γ⁰ = diag(1, 1, −1, −1), γⁱ = [[0, σⁱ], [−σⁱ, 0]]
const gamma: C4[] = [zero(), zero(), zero(), zero()];
gamma[0].re = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1];
const sigma = [
  { re: [0, 1, 1, 0], im: [0, 0, 0, 0] },
  { re: [0, 0, 0, 0], im: [0, -1, 1, 0] },
  { re: [1, 0, 0, -1], im: [0, 0, 0, 0] },
];
for (let i = 0; i < 3; i++)
  for (let r = 0; r < 2; r++)
    for (let c = 0; c < 2; c++) {
      gamma[i + 1].re[4 * r + (c + 2)] = sigma[i].re[2 * r + c];
      gamma[i + 1].im[4 * r + (c + 2)] = sigma[i].im[2 * r + c];
      gamma[i + 1].re[4 * (r + 2) + c] = -sigma[i].re[2 * r + c];
      gamma[i + 1].im[4 * (r + 2) + c] = -sigma[i].im[2 * r + c];
    }
const metric = [1, -1, -1, -1];
const slash = (p: number[]) => add(...p.map((x, mu) => [metric[mu] * x, gamma[mu]] as [number, C4]));
const dot = (a: number[], b: number[]) => a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];
const onShell = (mass: number, v: number[]) => [Math.sqrt(mass * mass + v[0] ** 2 + v[1] ** 2 + v[2] ** 2), ...v];

/** −Σ_ν g_νν Tr[(p̸_out + s m)Γ^ν(p̸_in + s m)Γ̄^ν] for the chain Γ^ν = γ^ν A a̸/d₁ + a̸ B γ^ν/d₂. */
function explicitTrace(pOut: number[], pIn: number[], s: number, m: number, A: C4, d1: number, B: C4, d2: number, a: number[]): number {
  const one = eye();
  const aS = slash(a);
  let X = 0;
  for (let nu = 0; nu < 4; nu++) {
    const g = gamma[nu];
    const G = add([1 / d1, mul(mul(g, A), aS)], [1 / d2, mul(mul(aS, B), g)]);
    const Gbar = add([1 / d1, mul(mul(aS, A), g)], [1 / d2, mul(mul(g, B), aS)]);
    X -= metric[nu] * trace(mul(mul(mul(add([1, slash(pOut)], [s * m, one]), G), add([1, slash(pIn)], [s * m, one])), Gbar));
  }
  return X;
}

describe('the ETL matrix element', () => {
  it('equals the explicit Dirac trace, for electrons and for positrons (charge conjugation)', () => {
    const me = 0.3;
    const m = 0.7;
    const cases = [
      [[0.1, -0.2, 2.0], [0.3, 0.1, 0.9], [-0.2, 0.05, 1.1], [0.4, -0.3, 0.2]],
      [[0.0, 0.0, 5.0], [0.05, 0.0, 1.5], [-0.04, 0.02, 3.4], [1.1, 0.7, -0.5]],
    ];
    for (const [pv, ppv, kv, rv] of cases) {
      const p = onShell(me, pv);
      const pp = onShell(me, ppv);
      const k = onShell(m, kv);
      const q = pp.map((x, i) => x + k[i] - p[i]);
      // a polarisation with a·q = 0, as P = P_i + P_f is
      const r = [0.9, ...rv.slice(0, 3)];
      const a = r.map((x, i) => x - (dot(r, q) / dot(q, q)) * q[i]);
      const s = dot(pp.map((x, i) => x + k[i]), pp.map((x, i) => x + k[i])) - me * me;
      const u = dot(p.map((x, i) => x - k[i]), p.map((x, i) => x - k[i])) - me * me;
      const t2 = dot(p.map((x, i) => x - pp[i]), p.map((x, i) => x - pp[i]));
      const one = eye();
      // electron: ū(p′)[ε̸ S(p′ + k) a̸ + a̸ S(p − k) ε̸]u(p)
      const Se = add([1, slash(pp.map((x, i) => x + k[i]))], [me, one]);
      const Ue = add([1, slash(p.map((x, i) => x - k[i]))], [me, one]);
      const electron = explicitTrace(pp, p, 1, me, Se, s, Ue, u, a);
      // positron: v̄(p)[ε̸ S(−(p − k)) a̸ + a̸ S(−(p′ + k)) ε̸]v(p′), spin sums p̸ − m
      const Up = add([-1, slash(p.map((x, i) => x - k[i]))], [me, one]);
      const Sp = add([-1, slash(pp.map((x, i) => x + k[i]))], [me, one]);
      const positron = explicitTrace(p, pp, -1, me, Up, u, Sp, s, a);
      const closed = amplitudeNumerator(m, s, u, t2, dot(a, p), dot(a, pp), dot(a, a), me) / (s * s * u * u);
      expect(electron / closed).toBeCloseTo(1, 9);
      expect(positron / closed).toBeCloseTo(1, 9);
    }
  });
});

/**
 * Adaptive G10/K21 quadrature against closed forms. Every converged case also
 * checks that the reported `error` bounds the true error |value − exact|.
 */
import { describe, expect, it } from 'vitest';
import { QuadratureError, integrate, type QuadratureOptions } from '../../src/numeric/gaussKronrod.js';

type Fn = (x: number) => number;

/** Integrates, checks the value against `exact` within `relTol`, and that `error` is an honest bound. */
function check(f: Fn, a: number, b: number, exact: number, options: QuadratureOptions = {}, relTol = 1e-8) {
  const r = integrate(f, a, b, options);
  expect(r.converged).toBe(true);
  expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(relTol * Math.abs(exact));
  expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.error);
  return r;
}

describe('integrate: closed forms', () => {
  it('is exact to rounding for x^n, n ≤ 19, in one 21-point panel (K21 and G10 both exact)', () => {
    // ∫_{−1}^{2} x^n dx = (2^{n+1} − (−1)^{n+1}) / (n + 1)
    for (let n = 0; n <= 19; n++) {
      const exact = (2 ** (n + 1) - (-1) ** (n + 1)) / (n + 1);
      const r = check((x) => x ** n, -1, 2, exact, {}, 1e-14);
      expect(r.evaluations).toBe(21);
    }
  });

  it('integrates x^n for 20 ≤ n ≤ 41 (beyond G10) to the tolerance', () => {
    for (let n = 20; n <= 41; n++) {
      const exact = (2 ** (n + 1) - (-1) ** (n + 1)) / (n + 1);
      check((x) => x ** n, -1, 2, exact, {}, 1e-12);
    }
  });

  it('∫_{−3}^{5} e^x dx = e^5 − e^{−3}', () => {
    check(Math.exp, -3, 5, Math.exp(5) - Math.exp(-3), {}, 1e-14);
  });

  it('∫_0^{201} sin x dx = 1 − cos 201 over 32 periods', () => {
    // The result (≈ 1.9e−3) is small against ∫|sin| ≈ 128, so ask for an absolute tolerance.
    const exact = 1 - Math.cos(201);
    const r = integrate(Math.sin, 0, 201, { absTol: 1e-10 });
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(Math.max(r.error, 1e-15));
    expect(Math.abs(r.value - exact)).toBeLessThan(1e-10);
  });

  it('∫_{1e−4}^{1} sin(1/x) dx = sin 1 − Ci(1) + Ci(1e4) − 1e−4·sin(1e4), ~1600 oscillations', () => {
    // t = 1/x: ∫_1^T sin t / t² dt = [−sin t / t + Ci(t)]_1^T, T = 1e4.
    // Ci(1) = 0.3374039229009681 (Abramowitz & Stegun Table 5.1).
    // Ci(T) = sin T / T − cos T / T² + O(T⁻³) for large T (A&S 5.2.34–35), so
    // Ci(T) − sin T / T = −cos T / T² to 2e−12.
    const T = 1e4;
    const exact = Math.sin(1) - 0.3374039229009681 - Math.cos(T) / T ** 2;
    check((x) => Math.sin(1 / x), 1 / T, 1, exact, {}, 1e-8);
  });
});

describe('integrate: endpoint singularities (bisection toward the endpoint)', () => {
  it('∫_0^1 x^{−1/2} dx = 2', () => {
    check((x) => 1 / Math.sqrt(x), 0, 1, 2);
  });

  it('∫_0^1 ln x dx = −1', () => {
    check(Math.log, 0, 1, -1);
  });

  it('∫_0^1 x^{−0.9} dx = 10, a strong singularity, with a looser tolerance', () => {
    check((x) => x ** -0.9, 0, 1, 10, { relTol: 1e-6 }, 1e-6);
  });
});

describe('integrate: limits and breakpoints', () => {
  it('reversed limits give exactly the negative', () => {
    const f: Fn = (x) => Math.exp(-x) * Math.cos(3 * x);
    // ∫_0^2 e^{−x} cos 3x dx = Re[(1 − e^{−(1−3i)·2}) / (1 − 3i)]
    //   = [1 − e^{−2}(cos 6 − 3 sin 6)] / 10
    const exact = (1 - Math.exp(-2) * (Math.cos(6) - 3 * Math.sin(6))) / 10;
    const fwd = check(f, 0, 2, exact);
    const back = check(f, 2, 0, -exact);
    expect(back.value).toBe(-fwd.value);
  });

  it('a = b gives 0', () => {
    expect(integrate(Math.exp, 1.5, 1.5).value).toBe(0);
  });

  const c = 1 / 3; // not a dyadic number: no bisection point hits it by chance

  it('a kink |x − c| at a breakpoint is exact in two panels', () => {
    // ∫_0^1 |x − c| dx = c²/2 + (1 − c)²/2
    const exact = (c * c + (1 - c) ** 2) / 2;
    const r = check((x) => Math.abs(x - c), 0, 1, exact, { points: [c] }, 1e-15);
    expect(r.evaluations).toBe(42);
    // without the breakpoint it still converges, but needs many more panels
    const rNo = check((x) => Math.abs(x - c), 0, 1, exact);
    expect(rNo.evaluations).toBeGreaterThan(5 * r.evaluations);
  });

  it('a jump at a breakpoint is exact in two panels', () => {
    // ∫_0^1 (x < c ? 1 : 3) dx = c + 3(1 − c)
    const f: Fn = (x) => (x < c ? 1 : 3);
    const exact = c + 3 * (1 - c);
    const r = check(f, 0, 1, exact, { points: [c] }, 1e-15);
    expect(r.evaluations).toBe(42);
    check(f, 0, 1, exact);
  });

  it('ignores breakpoints outside (a, b), duplicates and the ends themselves', () => {
    const exact = (c * c + (1 - c) ** 2) / 2;
    const r = check((x) => Math.abs(x - c), 0, 1, exact, { points: [-1, 0, c, c, 1, 7] }, 1e-15);
    expect(r.intervals).toBe(2);
  });

  it('narrow Lorentzians, half-width γ down to 1e−8 of the range, with the peak as a breakpoint', () => {
    // f = (γ/π) / ((x − c)² + γ²);  ∫_a^b f dx = [atan((b − c)/γ) − atan((a − c)/γ)] / π
    const a = -1;
    const b = 2;
    const peak = 0.3;
    for (const ratio of [1e-2, 1e-4, 1e-6, 1e-8]) {
      const g = ratio * (b - a);
      const exact = (Math.atan((b - peak) / g) - Math.atan((a - peak) / g)) / Math.PI;
      check((x) => g / Math.PI / ((x - peak) ** 2 + g * g), a, b, exact, { points: [peak] });
    }
  });
});

describe('integrate: honest failure', () => {
  // ∫_{1e−5}^{1} sin(1/x) dx has ~16 000 oscillations: more than 2000 panels can resolve.
  // Closed form as above with T = 1e5: sin 1 − Ci(1) − cos T / T².
  const T = 1e5;
  const exact = Math.sin(1) - 0.3374039229009681 - Math.cos(T) / T ** 2;
  const f: Fn = (x) => Math.sin(1 / x);

  it('throws QuadratureError carrying the best estimate when maxIntervals is not enough', () => {
    let caught: unknown;
    try {
      integrate(f, 1 / T, 1);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(QuadratureError);
    const r = (caught as QuadratureError).result!;
    expect(r.converged).toBe(false);
    expect(r.intervals).toBe(2000);
    expect((caught as Error).message).toMatch(/did not reach relTol=1e-8/);
    // the estimate it carries is still honest
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeGreaterThan(1e-8 * Math.abs(r.value));
  });

  it('returns converged: false with allowUnconverged', () => {
    const r = integrate(f, 1 / T, 1, { allowUnconverged: true, maxIntervals: 50 });
    expect(r.converged).toBe(false);
    expect(r.intervals).toBe(50);
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.error);
  });

  it('a NaN integrand throws, naming the abscissa', () => {
    expect(() => integrate((x) => (x > 0.5 ? NaN : 1), 0, 1)).toThrow(QuadratureError);
    try {
      integrate((x) => (x > 0.5 ? NaN : 1), 0, 1);
    } catch (e) {
      const m = /integrand is NaN at x = ([-\d.e+]+)/.exec((e as Error).message);
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThan(0.5);
      expect(Number(m![1])).toBeLessThan(1);
    }
  });

  it('an infinite integrand value throws', () => {
    expect(() => integrate((x) => (x === 0.5 ? Infinity : 1), 0, 1)).toThrow(/Infinity at x = 0.5/);
  });

  it('bad tolerances and infinite limits throw', () => {
    expect(() => integrate(Math.exp, 0, 1, { relTol: -1e-8 })).toThrow(QuadratureError);
    expect(() => integrate(Math.exp, 0, 1, { relTol: NaN })).toThrow(QuadratureError);
    expect(() => integrate(Math.exp, 0, 1, { absTol: -1 })).toThrow(QuadratureError);
    expect(() => integrate(Math.exp, 0, 1, { relTol: 0, absTol: 0 })).toThrow(/not both zero/);
    expect(() => integrate(Math.exp, 0, Infinity)).toThrow(/finite/);
    expect(() => integrate(Math.exp, NaN, 1)).toThrow(/finite/);
  });
});

describe('integrals that cancel to zero', () => {
  it('converge once the error is down to round-off', () => {
    const odd = integrate((x) => x * x * x - x, -1, 1);
    expect(odd.converged).toBe(true);
    expect(Math.abs(odd.value)).toBeLessThanOrEqual(odd.error);
    const sine = integrate(Math.sin, 0, 2 * Math.PI);
    expect(sine.converged).toBe(true);
    expect(Math.abs(sine.value)).toBeLessThan(1e-13);
  });
});

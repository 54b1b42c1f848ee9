/**
 * Variable changes for endpoint singularities that adaptive bisection cannot
 * resolve, on top of {@link integrate}.
 *
 * Why: bisection toward u = 0 shrinks the error of the first panel [0, h] as
 * fast as ∫_0^h |f| du shrinks. For power laws u^p (p > −1) that is h^{p+1}:
 * fine. For f ~ 1/(u ln²u) it is 1/ln(1/h): a tolerance of 1e−8 would need
 * h ~ exp(−1e8), far below the smallest double, so the plain integrator either
 * stops at a cut-off and silently misses the tail or fails at u ≈ 1e−315
 * where f overflows.
 */
import { QuadratureError, integrate, type QuadratureOptions, type QuadratureResult } from './gaussKronrod.js';

/**
 * u·f(u) written as a function of u and of ln u. `lnU` is always exact;
 * `u = exp(lnU)` underflows to 0 once lnU < −745, so write the singular factor
 * through `lnU` (e.g. 1/(u ln²u) becomes `(u, lnU) => 1 / (lnU * lnU)`).
 */
export type LogDensity = (u: number, lnU: number) => number;

/**
 * ∫_0^{uMax} f(u) du for f with an integrable singularity at u = 0 as strong
 * as 1/(u ln²u), by the substitution u = exp(−1/w).
 *
 * Method: w = 1/ln(1/u) ∈ (0, 1/ln(1/uMax)], du = u/w² dw = u ln²u dw, so
 *   ∫_0^{uMax} f du = ∫_0^{wMax} [u f(u)] ln²u dw,
 * which is smooth at w = 0 for f = g(u)/(u ln²u) with g smooth (it is g(e^{−1/w}),
 * flat at w = 0), and for f = u^p, p > −1 (it vanishes faster than any power
 * of w). The w-integral is done by adaptive G10/K21 ({@link integrate}); the
 * options, result and error estimate are its own. `points` are given in u and
 * mapped to w.
 *
 * The integrand is passed as u·f(u) (see {@link LogDensity}) so that it stays
 * finite where u underflows; u f(u) → 0 as u → 0 for every f this is meant for.
 * For a singularity at the upper end b of [a, b], integrate in u = b − x and
 * compute b − x as u inside f, never as a difference of nearby doubles.
 *
 * @param uf    u·f(u) as a function of (u, ln u)
 * @param uMax  upper limit, 0 < uMax < 1
 * @example
 * // ∫_0^{0.05} du / (u ln²u) = 1 / ln 20
 * integrateLogSingularAt0((u, lnU) => 1 / (lnU * lnU), 0.05).value // ≈ 0.33380820069533...
 */
export function integrateLogSingularAt0(
  uf: LogDensity,
  uMax: number,
  options: QuadratureOptions = {},
): QuadratureResult {
  if (!(uMax > 0 && uMax < 1)) throw new RangeError(`uMax must lie in (0, 1), got ${uMax}`);
  const wMax = -1 / Math.log(uMax);
  const h = (w: number): number => {
    const lnU = -1 / w;
    const u = Math.exp(lnU);
    const v = uf(u, lnU) * lnU * lnU;
    if (!Number.isFinite(v)) throw new QuadratureError(`integrand u·f(u)·ln²u is ${v} at u = ${u} (ln u = ${lnU})`);
    return v;
  };
  const points = options.points?.filter((p) => p > 0 && p < uMax).map((p) => -1 / Math.log(p));
  return integrate(h, 0, wMax, { ...options, points });
}

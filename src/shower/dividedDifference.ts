/**
 * Divided differences of the exponential and of its depth integral, the
 * building blocks of the Tsai–Whitis formulas (Eq. 5 and Eq. A3).
 *
 * With f_t(y) = e^{t y}, Eq. (A3)'s bracket divided by b2 + b1 ln(1 − x) is
 * exactly the second divided difference f_t[A, B, C] at the nodes
 * A = b1 ln(1 − x), B = b1 ln(1 − v/x), C = −b2; its integral over depth
 * 0 … T is G[A, B, C] with G(y) = ∫₀^T e^{t y} dt = (e^{yT} − 1)/y.
 * Written this way the removable singularities of (A3) (at A = C, A = B and
 * B = C) need no special casing: close nodes are handled by Taylor series
 * around the nodes' mean, G[x₀…x_n] = Σ_k G^{(k)}(μ)/k! h_{k−n}(x − μ), with
 * G^{(k)}(μ) = ∫₀^T t^k e^{μ t} dt and h the complete homogeneous symmetric
 * polynomials (Hermite–Genocchi). All nodes here are ≤ 0, or −∞ where a
 * logarithm's argument vanishes.
 */

/** Tsai–Whitis constants b1 = 4/3 and b2 = 7/9 (Eq. 5, App. A). */
export const B1 = 4 / 3;
export const B2 = 7 / 9;

/** Below this node spread (times the depth) the Taylor form is used. */
const SPREAD = 0.05;

/**
 * J_k(μ) = ∫₀^T t^k e^{μt} dt for μ ≤ 0: T^{k+1} ∫₀¹ s^k e^{−zs} ds with z = −μT,
 * by its power series for z < 2 and by the incomplete-gamma closed form
 * k!/z^{k+1} (1 − e^{−z} Σ_{i≤k} z^i/i!) above.
 */
export function momentExp(k: number, mu: number, T: number): number {
  const z = -mu * T;
  let j: number;
  if (z < 2) {
    let term = 1; // (−z)^n / n!
    j = 1 / (k + 1);
    for (let n = 1; n < 60; n++) {
      term *= -z / n;
      const add = term / (n + k + 1);
      j += add;
      if (Math.abs(add) < 1e-17 * Math.abs(j)) break;
    }
  } else {
    let partial = 1;
    let zi = 1;
    let fact = 1;
    for (let i = 1; i <= k; i++) {
      zi *= z / i;
      partial += zi;
      fact *= i;
    }
    j = (fact / Math.pow(z, k + 1)) * (1 - Math.exp(-z) * partial);
  }
  return Math.pow(T, k + 1) * j;
}

/** G(y) = ∫₀^T e^{ty} dt = (e^{yT} − 1)/y; G(−∞) = 0. */
export function depthIntegral(y: number, T: number): number {
  if (y === -Infinity) return 0;
  const z = y * T;
  if (Math.abs(z) < 1e-12) return T * (1 + z / 2);
  return Math.expm1(z) / y;
}

/** G[p, q], first divided difference of the depth integral. */
export function depthIntegral1(p: number, q: number, T: number): number {
  if (p === -Infinity || q === -Infinity) return 0;
  const d = p - q;
  if (Math.abs(d) * T > SPREAD) return (depthIntegral(p, T) - depthIntegral(q, T)) / d;
  const mu = 0.5 * (p + q);
  const h2 = 0.25 * d * d;
  return (
    momentExp(1, mu, T) +
    (momentExp(3, mu, T) * h2) / 6 +
    (momentExp(5, mu, T) * h2 * h2) / 120 +
    (momentExp(7, mu, T) * h2 * h2 * h2) / 5040
  );
}

/** G[a, b, c], second divided difference of the depth integral (symmetric in its nodes). */
export function depthIntegral2(a: number, b: number, c: number, T: number): number {
  let lo = a;
  let mid = b;
  let hi = c;
  if (lo > mid) [lo, mid] = [mid, lo];
  if (mid > hi) [mid, hi] = [hi, mid];
  if (lo > mid) [lo, mid] = [mid, lo];
  if (lo === -Infinity) return 0;
  if ((hi - lo) * T > SPREAD) return (depthIntegral1(mid, hi, T) - depthIntegral1(lo, mid, T)) / (hi - lo);
  const mu = (lo + mid + hi) / 3;
  const d1 = lo - mu;
  const d2 = mid - mu;
  const d3 = hi - mu;
  const p2 = d1 * d1 + d2 * d2 + d3 * d3;
  const p3 = d1 * d1 * d1 + d2 * d2 * d2 + d3 * d3 * d3;
  const p4 = d1 ** 4 + d2 ** 4 + d3 ** 4;
  // h₀ = 1, h₁ = 0, h₂ = p₂/2, h₃ = p₃/3, h₄ = p₂²/8 + p₄/4 (Newton's identities with p₁ = 0)
  return (
    momentExp(2, mu, T) / 2 +
    (momentExp(4, mu, T) * (p2 / 2)) / 24 +
    (momentExp(5, mu, T) * (p3 / 3)) / 120 +
    (momentExp(6, mu, T) * (p2 * p2 / 8 + p4 / 4)) / 720
  );
}

/** f_t[p, q] = (e^{tp} − e^{tq})/(p − q), the first divided difference of e^{t·}. */
export function expDividedDifference1(p: number, q: number, t: number): number {
  if (p === -Infinity) return q === -Infinity ? 0 : -Math.exp(t * q) / (p - q);
  if (q === -Infinity) return Math.exp(t * p) / (p - q);
  const d = p - q;
  const z = t * d;
  // e^{tq} (e^{t d} − 1)/d, with (e^{z} − 1)/z → 1 for small z
  if (Math.abs(z) < 1e-12) return t * Math.exp(t * q) * (1 + z / 2);
  return (Math.exp(t * q) * Math.expm1(z)) / d;
}

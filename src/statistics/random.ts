/**
 * Reproducible random numbers for sampling input uncertainties: a seeded
 * xoshiro128** generator (Blackman & Vigna 2018) that gives the same
 * sequence in Node and in the browser, with normal (Box–Muller), gamma
 * (Marsaglia & Tsang, ACM TOMS 26 (2000) 363) and log-normal variates.
 * Pure and browser-safe.
 */

export interface Random {
  /** A uniform number in (0, 1). */
  uniform(): number;
  /** A standard normal number. */
  normal(): number;
  /** A gamma variate of shape k > 0 and scale 1 (mean k, variance k). */
  gamma(shape: number): number;
}

/** splitmix32, to spread a small seed over the 128-bit state. */
function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for a whole-number seed; equal seeds give equal sequences. */
export function seededRandom(seed: number): Random {
  const init = splitmix32(seed);
  const s = [init(), init(), init(), init()];
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  // 53 random bits, shifted off 0: (0, 1)
  const uniform = () => ((next() >>> 5) * 67108864 + (next() >>> 6) + 0.5) / 9007199254740992;
  let spare: number | undefined;
  const normal = () => {
    if (spare !== undefined) {
      const v = spare;
      spare = undefined;
      return v;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const phi = 2 * Math.PI * uniform();
    spare = r * Math.sin(phi);
    return r * Math.cos(phi);
  };
  const gamma = (k: number): number => {
    if (!(k > 0)) throw new RangeError(`gamma shape must be > 0, got ${k}`);
    if (k < 1) return gamma(k + 1) * uniform() ** (1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return { uniform, normal, gamma };
}

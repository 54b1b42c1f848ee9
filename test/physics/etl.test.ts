/**
 * Exact tree-level (ETL) A′-strahlung against independent numbers: the total
 * cross-sections for electrons on lead that NA64's DMG4 ships as its reference
 * (Bondì et al., CPC 269 (2021) 108129; Gninenko et al., PLB 782 (2018) 406),
 * read from test/fixtures/dmg4-etl-pb.json with their citation; and the closed
 * forms the calculation rests on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { azimuthalIntegral, elasticG2, etlTotalCrossSection } from '../../src/processes/etl.js';
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

/**
 * The Doppler-smeared source (yields/dopplerSpectrum.ts) is the lepton source folded with the
 * target electrons' momentum profile: it reads neither the selection's cut nor the calorimeter's
 * depth, so configurations that differ only there share one (yields/context.ts NOT_IN_DOPPLER).
 * Checked here by building it afresh for each changed field: the same numbers, bit for bit; and a
 * field it does read (the material, the beam energy) gives another source and another key.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS, withOverrides, yieldContext, type AnyExperimentConfig } from '../../src/index.js';
import { NOT_IN_DOPPLER, REFERENCE_NORMALISATION, clearTableCache, tableKey } from '../../src/yields/context.js';
import { setStoredTablesLookup } from '../../src/yields/storedTables.js';
import type { DopplerSource } from '../../src/yields/dopplerSpectrum.js';

afterAll(() => clearTableCache());

/** The source's numbers: its range, breakpoints, total, and dÑ/dE with its bound at 60 energies across the range. */
function numbers(d: DopplerSource): number[] {
  const xs = Array.from({ length: 60 }, (_, i) => d.energyMin * (d.energyMax / d.energyMin) ** ((i + 0.5) / 60));
  return [d.energyMin, d.energyMax, d.total, ...d.points, ...xs.map((E) => d.dNdE(E)), ...xs.map((E) => d.errorAt(E))];
}

/** Built afresh: no kept tables, no stored files. */
function fresh(config: AnyExperimentConfig): number[] {
  clearTableCache();
  setStoredTablesLookup(undefined);
  return numbers(yieldContext(config).dopplerSource());
}

/** At the reference normalisation, where a context's source is the kept one itself (elsewhere a scaled view of it). */
const atReference = (c: AnyExperimentConfig): AnyExperimentConfig =>
  c.kind === 'fixedTarget' ? withOverrides(c, { particlesOnTarget: REFERENCE_NORMALISATION.particlesOnTarget }) : withOverrides(c, { lumi: REFERENCE_NORMALISATION.lumi });

const changed: Record<string, (c: AnyExperimentConfig) => unknown> = {
  energyCut: (c) => (c.energyCut < 0.5 ? c.energyCut * 1.7 : c.energyCut * 0.6),
  calorimeterDepth: (c) => c.calorimeterDepth * 1.5,
};

describe('the Doppler-smeared source reads neither the cut nor the depth', () => {
  it('NOT_IN_DOPPLER is what these checks cover', () => {
    expect([...NOT_IN_DOPPLER].sort()).toEqual(Object.keys(changed).sort());
  });

  for (const name of ['belle2', 'na64-2019', 'na64-eplus-2022']) {
    it(`${name}: the same source, bit for bit, with each of them changed; shared in one process`, () => {
      const base = { ...EXPERIMENTS[name].config, electronMotion: 'comptonProfile' } as AnyExperimentConfig;
      const want = fresh(base);
      for (const [field, value] of Object.entries(changed)) {
        const other = withOverrides(base, { [field]: value(base) });
        expect(tableKey(other), field).not.toBe(tableKey(base));
        expect(fresh(other), `${name} with ${field} changed`).toEqual(want);
        // kept: the second configuration reuses the first's source
        clearTableCache();
        expect(yieldContext(atReference(other)).dopplerSource(), field).toBe(yieldContext(atReference(base)).dopplerSource());
      }
    }, 60_000);
  }

  it('a field it reads gives another source: the material, the beam energy', () => {
    const base = EXPERIMENTS.belle2.config;
    clearTableCache();
    const d = yieldContext(base).dopplerSource();
    expect(yieldContext(withOverrides(base, { material: 'BGO' })).dopplerSource()).not.toBe(d);
    expect(fresh(withOverrides(base, { positronBeamEnergy: 4.5 }))).not.toEqual(fresh(base));
  }, 60_000);
});

/**
 * The name of the experiment a configuration describes, for figure legends:
 * the built-in experiment whose machine it is (the same beams for a collider;
 * the same beam particle, energy and target for a fixed target) — "Belle II",
 * "BaBar", "BESIII", "NA64" — whatever else was changed (luminosity, cuts,
 * statistics); otherwise a plain description of the machine.
 */
import { EXPERIMENTS } from './presets.js';
import type { AnyExperimentConfig } from './schema.js';

/** The experiment part of a preset's title: "Belle II, disappearing …" → "Belle II". */
const shortTitle = (title: string) => title.split(',')[0].trim();

function sameMachine(a: AnyExperimentConfig, b: AnyExperimentConfig): boolean {
  if (a.kind === 'fixedTarget' || b.kind === 'fixedTarget') {
    return (
      a.kind === 'fixedTarget' &&
      b.kind === 'fixedTarget' &&
      a.beamParticle === b.beamParticle &&
      a.beamEnergy === b.beamEnergy &&
      a.material === b.material
    );
  }
  return a.electronBeamEnergy === b.electronBeamEnergy && a.positronBeamEnergy === b.positronBeamEnergy && a.material === b.material;
}

/** "Belle II", "NA64", …, or e.g. "7 GeV e⁻ × 4 GeV e⁺ on CsI" / "100 GeV e⁻ on Pb" for a machine vanish has no preset of. */
export function experimentName(c: AnyExperimentConfig): string {
  for (const p of Object.values(EXPERIMENTS)) if (sameMachine(p.config, c)) return shortTitle(p.title);
  if (c.kind === 'fixedTarget') return `${c.beamEnergy} GeV ${c.beamParticle === 'e-' ? 'e⁻' : 'e⁺'} on ${c.material}`;
  return `${c.electronBeamEnergy} GeV e⁻ × ${c.positronBeamEnergy} GeV e⁺ on ${c.material}`;
}

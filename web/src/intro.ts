/**
 * The page's one-line introduction of the chosen experiment: what its
 * channel is, in words, so the header never names an experiment that is not
 * shown. Text only.
 */
import { EXPERIMENTS } from '../../src/config/presets.js';

/** The introduction of a built-in experiment (by name). */
export function experimentIntro(experiment: string): string {
  const e = EXPERIMENTS[experiment];
  if (!e) return '';
  if (e.config.kind === 'fixedTarget') {
    return `${e.title}: missing energy. Each beam particle showers in the active target; an A′ → χχ̄, radiated by the shower's leptons or made by its positrons annihilating on atomic electrons, carries energy away unseen.`;
  }
  // The collider's name is the title up to its first comma ("Belle II, disappearing positron track, 50 ab⁻¹").
  const name = e.title.split(',')[0];
  return `${name} “disappearing positron track”: a Bhabha positron hits the calorimeter and vanishes into A′ → χχ̄ (Liang, Liu & Yang).`;
}

/**
 * The background breakdown as labelled rows, shared by the CLI's table
 * (`vanish background`) and the web page's steps: one wording, one order.
 * Pure and browser-safe.
 */
import type { BackgroundSummary, FixedTargetBackground } from '../results.js';
import { isFixedTargetBackground } from './json.js';
import { short } from './number.js';

/** One row: a label (sentence case, with the paper's equation) and its value as text. */
export type Row = readonly [label: string, value: string];

/** A collider's photon and neutron backgrounds (Sec. IV, Eqs. 6–7); a fixed target's given background and its Poisson limit. */
export function backgroundRows(b: BackgroundSummary | FixedTargetBackground): Row[] {
  if (isFixedTargetBackground(b)) {
    return [
      ['Expected background events', short(b.total)],
      ['Observed events', String(b.observedEvents)],
      ['Confidence level (CLs)', short(b.confidenceLevel)],
      ['Signal events excluded N_up', short(b.upperLimitEvents)],
    ];
  }
  return [
    ['Photon escape probability (Eq. 6)', short(b.photon.escapeProbability)],
    ['KLM photon veto inefficiency', short(b.photon.vetoInefficiency)],
    ['Photon events', short(b.photon.events)],
    [`Neutron penetration probability (${b.neutron.penetrationFromConfig ? 'from config' : 'Eq. 7'})`, short(b.neutron.penetrationProbability)],
    ['Events with one neutron', short(b.neutron.singleNeutronEvents)],
    ['Events with ≥ 2 neutrons', short(b.neutron.multiNeutronEvents)],
    ['Neutron events', short(b.neutron.events)],
    ['Total background N_b', short(b.total)],
  ];
}

/** A label as it starts a line of a plain-text table: `Photon events` → `photon events` (not `KLM …`). */
export const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

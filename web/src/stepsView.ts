/**
 * The steps behind the curve: the positron energy spectrum in the barrel
 * (Eq. 4 × luminosity) or, for a beam, its one energy; the differential track
 * length (App. A); the background breakdown (Sec. IV) or a fixed target's
 * given background and Poisson limit; the yields at the chosen mass
 * (Eqs. 11–12). Presentation of the library's numbers only.
 */
import { channelSetsNoLimit, massMeV, sci, short } from '../../src/format/number.js';

/** A channel's ε90 for the yields table: `≥ 1 (no limit from this channel alone)` where it is 1 or more. */
const channelCell = (eps: number) => (channelSetsNoLimit(eps) ? '≥ 1 (no limit from this channel alone)' : sci(eps));
import { backgroundRows } from '../../src/format/rows.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';
import { miniPlot } from '../../src/plot/miniPlot.js';
import type { Steps } from './protocol.js';

function table(caption: string, rows: readonly (readonly [string, string])[], testid: string): HTMLTableElement {
  const t = document.createElement('table');
  t.dataset.testid = testid;
  const c = document.createElement('caption');
  c.textContent = caption;
  const body = document.createElement('tbody');
  for (const [k, v] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = k;
    const td = document.createElement('td');
    td.textContent = v;
    tr.append(th, td);
    body.append(tr);
  }
  t.append(c, body);
  return t;
}

const particleName = (p: 'e+' | 'e-') => (p === 'e+' ? 'positrons' : 'electrons');

/** A source of one energy (a beam, or the positrons of a symmetric collider): a table instead of a spectrum. */
function lineTable(steps: Steps, r: ReachResult): HTMLTableElement {
  const f = steps.flux;
  const rows: [string, string][] =
    steps.kind === 'fixedTarget'
      ? [
          ['Beam particle', `${f.particle} (${particleName(f.particle)})`],
          ['Beam energy [GeV]', short(f.energyMinGeV)],
          ['Particles on target', short(r.positrons)],
        ]
      : [
          ['Positron energy [GeV]', short(f.energyMinGeV)],
          ...(f.sqrtS === undefined ? [] : ([['√s [GeV]', short(f.sqrtS)]] as [string, string][])),
          ['Positrons in the barrel', short(r.positrons)],
        ];
  const caption =
    steps.kind === 'fixedTarget'
      ? 'The beam: one energy, a line rather than a spectrum'
      : 'Positrons entering the barrel: with symmetric beams all have the beam energy (a line)';
  return table(caption, rows, 'beam-table');
}

/** Draws the spectrum (or the line of a beam) and the track-length figures, and the background table. */
export function renderSteps(
  el: { spectrum: HTMLElement; track: HTMLElement; background: HTMLElement },
  steps: Steps,
  r: ReachResult,
): void {
  const c = r.config;
  if (steps.kind === 'collider' && steps.spectrum.length > 0) {
    el.spectrum.innerHTML = miniPlot({
      title: 'Positrons entering the barrel (Eq. 4)',
      x: { label: 'positron energy E [GeV]', kind: 'linear' },
      y: { label: 'dN/dE [GeV<tspan dy="-5" font-size="9">−1</tspan><tspan dy="5">]</tspan>', kind: 'log' },
      series: [{ label: 'lumi' in c ? `${c.lumi} ab⁻¹` : 'positrons', color: '#0072B2', points: steps.spectrum.map((p) => [p.energyGeV, p.dNdE]) }],
    });
  } else {
    const box = document.createElement('div');
    box.className = 'table-box';
    box.append(lineTable(steps, r));
    el.spectrum.replaceChildren(box);
  }
  const trackSeries = (first: string, second: string) => [
    { label: first, color: '#D55E00', points: steps.trackLength.map((p): [number, number] => [p.v, p.calorimeter]) },
    { label: second, color: '#009E73', dash: '6 4', points: steps.trackLength.map((p): [number, number] => [p.v, p.bremsstrahlungDepth]) },
  ];
  const cut = { x: 1 - c.energyCut, label: `energy cut: v = ${Number((1 - c.energyCut).toPrecision(6))}` };
  if (steps.kind === 'fixedTarget') {
    const beam = steps.flux.particle === 'e+' ? 'positron' : 'electron';
    const radiating = c.bremsstrahlungTracks === 'allLeptons' ? 'all e±' : 'positrons';
    el.track.innerHTML = miniPlot({
      title: `Track lengths in the shower of a beam ${beam} (App. A)`,
      x: { label: 'v = E′/E (a shower lepton’s share of the beam energy)', kind: 'logit' },
      y: { label: 'τ(v) = E T / X<tspan dy="3" font-size="9">0</tspan>', kind: 'log' },
      series: trackSeries(`positrons, ${c.calorimeterDepth} X0`, `${radiating}, ${c.bremsstrahlungDepth} X0`),
      marks: [cut],
    });
    const b = steps.background;
    el.background.replaceChildren(
      table(
        `Background and signal limit (Poisson CLs, ${Number((b.confidenceLevel * 100).toPrecision(6))}% CL)`,
        [['Particles on target', short(r.positrons)], ...backgroundRows(b)],
        'background-table',
      ),
    );
    return;
  }
  el.track.innerHTML = miniPlot({
    title: 'Positron track length (App. A)',
    x: { label: 'v = E′/E (energy kept when the positron arrives)', kind: 'logit' },
    y: { label: 'τ(v) = E T<tspan dy="3" font-size="9">e</tspan><tspan dy="-3"> / X</tspan><tspan dy="3" font-size="9">0</tspan>', kind: 'log' },
    series: trackSeries(`L_T = ${c.calorimeterDepth} X0 (Eq. 11)`, `${c.bremsstrahlungDepth} X0 (Eq. 12)`),
    marks: [cut],
  });
  el.background.replaceChildren(
    table('Backgrounds (Sec. IV), expected events', [['Positrons in the barrel', short(r.positrons)], ...backgroundRows(steps.background)], 'background-table'),
  );
}

/** The yields and limits at one computed mass. */
export function renderYields(el: HTMLElement, p: ReachPoint | undefined, hovered: boolean): void {
  if (!p) {
    el.replaceChildren();
    return;
  }
  const pm = (v: number, e: number) => `${short(v)} ± ${short(e, 2)}`;
  el.replaceChildren(
    table(
      `Yields at the ${hovered ? 'hovered' : 'selected'} mass, m_A′ = ${massMeV(p.massGeV)} MeV`,
      [
        ["m_A′ [MeV]", massMeV(p.massGeV)],
        ['Annihilation events at ε = 1 (Eq. 11)', pm(p.annihilation, p.annihilationError)],
        ['Bremsstrahlung events at ε = 1 (Eq. 12)', pm(p.bremsstrahlung, p.bremsstrahlungError)],
        ['e⁺e⁻ → γA′ events at ε = 1', pm(p.radiative, p.radiativeError)],
        ['ε90, total', p.valid ? sci(p.epsilon90) : `${sci(p.epsilon90)} (not a meaningful limit: ${p.note ?? ''})`],
        ['ε90, annihilation only', channelCell(p.epsilon90Annihilation)],
        ['ε90, bremsstrahlung only', channelCell(p.epsilon90Bremsstrahlung)],
        ['ε90, e⁺e⁻ → γA′ only', channelCell(p.epsilon90Radiative)],
      ],
      'yields-table',
    ),
  );
}

/** One line for the read-out under the figure. */
export function readoutText(p: ReachPoint | undefined): string {
  if (!p) return '';
  return `m_A′ = ${massMeV(p.massGeV)} MeV · ε90 = ${sci(p.epsilon90)} · N_ann = ${short(p.annihilation)}, N_brem = ${short(p.bremsstrahlung)}, N_γA′ = ${short(p.radiative)} events at ε = 1`;
}

/**
 * The reach as a HEPData submission: a `submission.yaml` that describes each
 * table, and one data file per curve (ε at 90% CL — total, annihilation only,
 * bremsstrahlung only — against m_A′), following the HEPData submission
 * format (hepdata-submission documentation: "submission.yaml" and "Data
 * files"): `independent_variables` / `dependent_variables` with headers
 * (LaTeX names between `$`, units), qualifiers on the dependent variable
 * (exclusion type, CL, √s or beam, luminosity or particles on target, α_D,
 * m_A′/m_χ, the process), keywords (observables, phrases, cmenergies) in the
 * submission file. An uncertainty band (`--band`, `--systematics`) adds five
 * dependent variables (ε at −2σ … +2σ) to the total curve's file. The total
 * curve is also given in the light-dark-matter plane (`y90_total.yaml`): m_χ =
 * m_A′/(m_A′/m_χ) against y90 = ε90² α_D (m_χ/m_A′)⁴ (Izaguirre et al., PRL 115
 * (2015) 251301), the exact conversion of the same points, with the dark-matter
 * model as a qualifier. Masses without reach are left out of a table (the format
 * asks for empty bins to be omitted). Comparison curves are other
 * experiments' results and are not part of the submission. Pure and browser-safe.
 */
import { stringify } from 'yaml';
import { yPlanePoint, yVariable } from '../models/darkMatter.js';
import type { ReachPoint, ReachResult } from '../results.js';
import { colliderAlpha } from '../statistics/bands.js';
import type { ReachBand } from '../statistics/reachBand.js';
import { edgesInRange } from './csv.js';
import { electronMotionShort } from './exposure.js';
import { darkMatterText } from './yPlane.js';
import { CHANNEL_NO_LIMIT, channelSetsNoLimit } from './number.js';

/** One file of a submission: its name inside the submission directory and its text. */
export interface SubmissionFile {
  name: string;
  text: string;
}

const num = (x: number): number => Number(x.toPrecision(6));

interface Curve {
  file: string;
  name: string;
  process: string;
  reaction: string;
  pick: (p: ReachPoint) => number;
}

const CURVES: readonly Curve[] = [
  { file: 'epsilon90_total.yaml', name: 'total', process: "resonant annihilation (Eq. 11) + A'-strahlung (Eq. 12)", reaction: "E+ E- --> A' and E+ N --> E+ N A'", pick: (p) => p.epsilon90 },
  { file: 'epsilon90_annihilation.yaml', name: 'annihilation only', process: 'resonant annihilation on atomic electrons (Eq. 11)', reaction: "E+ E- --> A'", pick: (p) => p.epsilon90Annihilation },
  { file: 'epsilon90_bremsstrahlung.yaml', name: 'bremsstrahlung only', process: "A'-strahlung on nuclei (Eq. 12)", reaction: "E+ N --> E+ N A'", pick: (p) => p.epsilon90Bremsstrahlung },
];
/** The third channel's curve, in the submission when the configuration includes it. */
const RADIATIVE: Curve = {
  file: 'epsilon90_radiative.yaml',
  name: "e+e- -> gamma A' only",
  process: "e+e- -> gamma A' on atomic electrons (arXiv:2505.10302)",
  reaction: "E+ E- --> GAMMA A'",
  pick: (p) => p.epsilon90Radiative,
};

/** The curves of a reach: total, annihilation, bremsstrahlung, and the third channel when it is on. */
function curvesOf(r: ReachResult): Curve[] {
  if (!r.config.radiativeAnnihilation) return [...CURVES];
  const [total, ...rest] = CURVES;
  return [{ ...total, process: `${total.process} + e+e- -> gamma A' (arXiv:2505.10302)`, reaction: `${total.reaction} and E+ E- --> GAMMA A'` }, ...rest, RADIATIVE];
}

/** A qualifier of a dependent variable. */
export interface Qualifier {
  name: string;
  value: string | number;
  units?: string;
}

/** The qualifiers of every dependent variable: what the limit is and what it assumes. */
function qualifiers(r: ReachResult, process: string): Qualifier[] {
  const c = r.config;
  const exposure =
    c.kind === 'fixedTarget'
      ? [
          { name: 'Beam particle', value: c.beamParticle },
          { name: '$E_{\\rm beam}$', value: c.beamEnergy, units: 'GeV' },
          { name: 'Particles on target', value: c.particlesOnTarget },
        ]
      : [
          { name: 'SQRT(S)', value: num(2 * Math.sqrt(c.electronBeamEnergy * c.positronBeamEnergy)), units: 'GeV' },
          { name: 'Luminosity', value: c.lumi, units: 'ab$^{-1}$' },
        ];
  // CLs limits state their confidence level; N_s/√N_b = √Δχ² is the two-sided Gaussian level of Δχ² (2.71: 90%).
  const level = c.kind === 'collider' && c.statistics === 'deltaChi2' ? 1 - colliderAlpha(c.deltaChi2) : c.confidenceLevel;
  const cl = `${Number((level * 100).toPrecision(3))}%`;
  return [
    { name: 'Exclusion type', value: 'Expected' },
    { name: 'CL', value: cl },
    { name: 'Process', value: process },
    ...exposure,
    { name: 'Target', value: `${c.material}, ${c.calorimeterDepth} $X_0$` },
    { name: 'Target electrons', value: electronMotionShort(c) },
    { name: '$\\alpha_D$', value: c.alphaD },
    { name: "$m_{A'}/m_{\\chi}$", value: c.massRatio },
    { name: 'Largest deposited energy fraction', value: c.energyCut },
    { name: 'Background events', value: num(r.background) },
  ];
}

/** A band's value in a data file: the number, or `-` where ε has no finite value. */
const bandValue = (x: number) => ({ value: Number.isFinite(x) ? num(x) : '-' });

/**
 * One curve's data file: m_A′ (GeV) against ε; masses without reach omitted.
 * With a band (total curve only), five more dependent variables at the same masses;
 * the total curve also says where its limit is meaningful (`valid`, `note`).
 */
/**
 * Whether each total ε is a meaningful limit (issue 10): `valid` 1, or 0 with a `note`
 * saying why (ε90 ≥ 1, A′ → e⁺e⁻ competing with A′ → χχ̄ …); the note only when some point is 0.
 */
function validityVariables(points: readonly ReachPoint[]) {
  return [
    {
      header: { name: 'valid' },
      qualifiers: [{ name: 'Meaning', value: '1: the total epsilon is a meaningful limit; 0: it is not (see note)' }],
      values: points.map((p) => ({ value: p.valid ? 1 : 0 })),
    },
    ...(points.some((p) => !p.valid) ? [{ header: { name: 'note' }, values: points.map((p) => ({ value: p.valid ? '-' : (p.note ?? '-') })) }] : []),
  ];
}

/**
 * Where one channel's ε90 is 1 or more, that channel alone sets no limit: `valid` 0 there, with
 * the note; the variables only when some point is so.
 */
function channelValidityVariables(points: readonly ReachPoint[], curve: Curve) {
  const none = (p: ReachPoint) => channelSetsNoLimit(curve.pick(p));
  if (!points.some(none)) return [];
  return [
    {
      header: { name: 'valid' },
      qualifiers: [{ name: 'Meaning', value: `1: the epsilon of ${curve.name} is a meaningful limit; 0: it is not (see note)` }],
      values: points.map((p) => ({ value: none(p) ? 0 : 1 })),
    },
    { header: { name: 'note' }, values: points.map((p) => ({ value: none(p) ? CHANNEL_NO_LIMIT : '-' })) },
  ];
}

function dataFile(r: ReachResult, curve: Curve, band: ReachBand | undefined, validity: boolean, extra: readonly Qualifier[]): string {
  const rows = r.points.map((p, i) => ({ p, i })).filter(({ p }) => Number.isFinite(curve.pick(p)) && curve.pick(p) > 0);
  const q = [...qualifiers(r, curve.process), ...extra];
  const bandVariables = (band?.sigmas ?? []).map((sigma, k) => ({
    header: { name: `$\\varepsilon$ upper limit (${curve.name}), band ${sigma === 0 ? 'median' : `${sigma > 0 ? '+' : '-'}${Math.abs(sigma)}$\\sigma$`}` },
    qualifiers: [...q, { name: 'Band', value: `${band!.kind} ${sigma === 0 ? 'median' : `${sigma > 0 ? '+' : '-'}${Math.abs(sigma)} sigma`}` }],
    values: rows.map(({ i }) => bandValue(band!.points[i].epsilon90[k])),
  }));
  const doc = {
    independent_variables: [{ header: { name: "$m_{A'}$", units: 'GeV' }, values: rows.map(({ p }) => ({ value: num(p.massGeV) })) }],
    dependent_variables: [
      {
        header: { name: `$\\varepsilon$ upper limit (${curve.name})` },
        qualifiers: q,
        values: rows.map(({ p }) => ({ value: num(curve.pick(p)) })),
      },
      ...bandVariables,
      ...(validity ? validityVariables(rows.map(({ p }) => p)) : channelValidityVariables(rows.map(({ p }) => p), curve)),
    ],
  };
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The y-plane table's file name. */
const Y_FILE = 'y90_total.yaml';

/**
 * The total curve in the y–m_χ plane: m_χ (GeV) against y90 = ε90² α_D (m_χ/m_A′)⁴,
 * the same masses as the total ε file, with its band (y scales as ε²) and validity.
 */
function yDataFile(r: ReachResult, curve: Curve, band: ReachBand | undefined, extra: readonly Qualifier[]): string {
  const c = r.config;
  const rows = r.points.map((p, i) => ({ p, i })).filter(({ p }) => Number.isFinite(curve.pick(p)) && curve.pick(p) > 0);
  const q = [...qualifiers(r, curve.process), { name: 'Dark matter', value: darkMatterText(c) }, ...extra];
  const y = (eps: number) => bandValue(yVariable(eps, c.alphaD, c.massRatio));
  const name = `$y = \\varepsilon^2 \\alpha_D (m_{\\chi}/m_{A'})^4$ upper limit (${curve.name})`;
  const bandVariables = (band?.sigmas ?? []).map((sigma, k) => ({
    header: { name: `${name}, band ${sigma === 0 ? 'median' : `${sigma > 0 ? '+' : '-'}${Math.abs(sigma)}$\\sigma$`}` },
    qualifiers: [...q, { name: 'Band', value: `${band!.kind} ${sigma === 0 ? 'median' : `${sigma > 0 ? '+' : '-'}${Math.abs(sigma)} sigma`}` }],
    values: rows.map(({ i }) => y(band!.points[i].epsilon90[k])),
  }));
  const doc = {
    independent_variables: [{ header: { name: '$m_{\\chi}$', units: 'GeV' }, values: rows.map(({ p }) => ({ value: num(yPlanePoint(p, c).massChiGeV) })) }],
    dependent_variables: [
      { header: { name }, qualifiers: q, values: rows.map(({ p }) => y(curve.pick(p))) },
      ...bandVariables,
      ...validityVariables(rows.map(({ p }) => p)),
    ],
  };
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

function experimentText(r: ReachResult): string {
  const c = r.config;
  return c.kind === 'fixedTarget'
    ? `a ${c.beamEnergy} GeV ${c.beamParticle} beam (${c.particlesOnTarget} particles) on a ${c.calorimeterDepth} X0 ${c.material} active target`
    : `${c.electronBeamEnergy} GeV e- on ${c.positronBeamEnergy} GeV e+, ${c.lumi} ab^-1, Bhabha positrons entering a ${c.calorimeterDepth} X0 ${c.material} calorimeter`;
}

/** Where a reach's tables go in a larger submission (one configuration of a scan). */
export interface ReachTablesOptions {
  /** Prefix of every data file's name (default none), e.g. `run07_`. */
  prefix?: string;
  /** Text after every table's name, keeping names unique in the submission (default none), e.g. ` (lumi = 10)`. */
  suffix?: string;
  /** Qualifiers added to every dependent variable (default none), e.g. the varied values. */
  qualifiers?: readonly Qualifier[];
  /** The tables' `location` (default `vanish reach`). */
  location?: string;
}

/** The table documents of `submission.yaml`. */
export type SubmissionTable = Record<string, unknown>;

/**
 * A reach's tables: their documents for `submission.yaml` (one per curve, then
 * the total curve in the y–m_χ plane) and their data files.
 * @param band an uncertainty band of this reach, added to the total curve's files
 */
export function reachHepDataTables(r: ReachResult, band?: ReachBand, o: ReachTablesOptions = {}): { tables: SubmissionTable[]; files: SubmissionFile[] } {
  if (band && band.points.length !== r.points.length) throw new RangeError('the reach and the band do not belong together');
  const prefix = o.prefix ?? '';
  const suffix = o.suffix ?? '';
  const extra = o.qualifiers ?? [];
  const location = o.location ?? 'vanish reach';
  const cmenergies = r.config.kind === 'fixedTarget' ? [] : [{ name: 'cmenergies', values: [num(2 * Math.sqrt(r.config.electronBeamEnergy * r.config.positronBeamEnergy))] }];
  const curves = curvesOf(r);
  const tables = curves.map((curve) => ({
    name: `Expected limit on epsilon, ${curve.name}${suffix}`,
    location,
    description: `Expected ${qualifiers(r, curve.process)[1].value} CL upper limit on the kinetic mixing $\\varepsilon$ against the dark-photon mass $m_{A'}$, ${curve.name}: ${curve.process}.`,
    keywords: [
      { name: 'observables', values: ['LIMIT'] },
      { name: 'reactions', values: curve.reaction.split(' and ') },
      { name: 'phrases', values: ['Dark photon', 'Invisible decay', 'Exclusion limit', 'Expected limit'] },
      ...cmenergies,
    ],
    data_file: `${prefix}${curve.file}`,
  }));
  const total = curves[0];
  const yTable = {
    name: `Expected limit on y, total${suffix}`,
    location: `${location} --plane y`,
    description:
      `The total curve in the light-dark-matter plane: expected ${qualifiers(r, total.process)[1].value} CL upper limit on $y = \\varepsilon^2 \\alpha_D (m_{\\chi}/m_{A'})^4$ ` +
      `against the dark-matter mass $m_{\\chi} = m_{A'}/${r.config.massRatio}$, for ${darkMatterText(r.config)} and $\\alpha_D = ${r.config.alphaD}$ (the same points as the epsilon table, converted exactly).`,
    keywords: tables[0].keywords.map((k) => (k.name === 'phrases' ? { ...k, values: [...k.values, 'Light dark matter'] } : k)),
    data_file: `${prefix}${Y_FILE}`,
  };
  return {
    tables: [...tables, yTable],
    files: [
      ...curves.map((curve, i) => ({ name: `${prefix}${curve.file}`, text: dataFile(r, curve, i === 0 ? band : undefined, i === 0, extra) })),
      { name: `${prefix}${Y_FILE}`, text: yDataFile(r, total, band, extra) },
    ],
  };
}

/** The paper vanish computes, for submission comments. */
export const PAPER_TEXT = 'J. Liang, Z. Liu, L. Yang, "A new channel to search for dark matter at Belle II"';

/** `submission.yaml`'s text: its documents, each after `---`. */
export const submissionText = (docs: readonly object[]): string => docs.map((d) => `---\n${stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })}`).join('');

/**
 * The reach as a HEPData submission: `submission.yaml` first, then one data
 * file per curve. Write them into one directory (or archive it) to upload.
 * @param version the vanish version, for the submission's comment
 * @param band an uncertainty band of this reach, added to the total curve's file
 */
export function reachToHepDataSubmission(r: ReachResult, version = '', band?: ReachBand): SubmissionFile[] {
  const edges = edgesInRange(r)
    .map((e) => `${num(e.massGeV * 1000)} MeV (${e.label})`)
    .join('; ');
  const header = {
    comment:
      `Expected upper limits on the kinetic mixing epsilon of an invisibly decaying dark photon A' (A' -> chi chibar), computed with vanish${version ? ` ${version}` : ''} ` +
      `for ${experimentText(r)}: leptons of the electromagnetic shower make A' by resonant annihilation on atomic electrons (Eq. 11) and by A'-strahlung on nuclei (Eq. 12) ` +
      `of ${PAPER_TEXT}. ` +
      `Background ${num(r.background)} events; the limit requires ${num(r.requiredSignal)} signal events.` +
      ` The total curve is also given in the light-dark-matter plane, y = epsilon^2 alpha_D (m_chi/m_A')^4 against m_chi (${Y_FILE}).` +
      (edges ? ` Kinematic edges of the annihilation yield in the mass range: ${edges}.` : '') +
      (r.warnings.length > 0 ? ` Caveats: ${r.warnings.join(' ')}` : ''),
  };
  const { tables, files } = reachHepDataTables(r, band);
  return [{ name: 'submission.yaml', text: submissionText([header, ...tables]) }, ...files];
}

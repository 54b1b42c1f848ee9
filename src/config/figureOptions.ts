/**
 * The figure's inputs, in one place for the CLI's flags and the web page's
 * controls: their labels, what they allow, their help, and the readers that
 * turn what a user typed into the plot's options (ranges in GeV and ε, the
 * mass unit of the axis). Pure and browser-safe; a bad value is a
 * {@link ConfigError} whose one-line message names the parameter, the value
 * and what is allowed.
 */
import { MASS_UNITS, parseMass } from './quantity.js';
import { ConfigError } from './schema.js';

export type MassUnit = 'GeV' | 'MeV';
export const MASS_UNIT_CHOICES: readonly MassUnit[] = Object.freeze(['GeV', 'MeV'] as const);

export interface FigureOptionMeta {
  /** The CLI flag with its argument. */
  flag: string;
  label: string;
  allowed: string;
  help: string;
}

/** Every figure option, by name. */
export const FIGURE_OPTIONS = Object.freeze({
  title: {
    flag: '--title <text>',
    label: 'Title',
    allowed: 'any text',
    help: 'a title above the figure',
  },
  xRange: {
    flag: '--x-range <min,max>',
    label: 'Mass range shown',
    allowed: `two masses MIN,MAX with MIN < MAX, each a number in the --mass-unit (GeV by default) or with a unit ${Object.keys(MASS_UNITS).join(', ')}`,
    help: 'the mass range the figure shows (m_χ with --plane y), e.g. 58MeV,86MeV (default: the masses computed)',
  },
  yRange: {
    flag: '--y-range <min,max>',
    label: 'ε range shown',
    allowed: 'two numbers MIN,MAX with 0 < MIN < MAX',
    help: 'the ε range the figure shows, e.g. 1e-6,1e-3 (default: the curves, widened to powers of ten)',
  },
  massUnit: {
    flag: '--mass-unit <unit>',
    label: 'Mass axis unit',
    allowed: MASS_UNIT_CHOICES.join(', '),
    help: 'the unit of the mass axis (GeV or MeV; default GeV); bare numbers of --x-range are read in it',
  },
  compare: {
    flag: '--compare <label=file>',
    label: 'Comparison curve',
    allowed: 'LABEL=FILE or FILE, a file of two columns mass_GeV and epsilon (# comments) or a vanish reach CSV',
    help: 'a published curve to compare with, drawn as a grey line (repeatable)',
  },
  compareRegion: {
    flag: '--compare-region <label=file>',
    label: 'Excluded region',
    allowed: 'LABEL=FILE or FILE, a file of two columns mass_GeV and epsilon (# comments) or a vanish reach CSV',
    help: 'a published limit drawn as a shaded excluded region above its curve (repeatable)',
  },
} satisfies Record<string, FigureOptionMeta>);

function shown(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return /^[\w.,:+-]+$/.test(oneLine) ? oneLine : JSON.stringify(oneLine);
}

/** Reads the mass unit of the axis: exactly GeV or MeV. */
export function parseMassUnit(text: string, param = 'massUnit'): MassUnit {
  if ((MASS_UNIT_CHOICES as readonly string[]).includes(text)) return text as MassUnit;
  throw new ConfigError(`${param} ${shown(text)} is not allowed: expected ${FIGURE_OPTIONS.massUnit.allowed}`, param);
}

function pair(text: string, param: string, allowed: string): [string, string] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((s) => s === '')) throw new ConfigError(`${param} ${shown(text)} is not a range: expected ${allowed}`, param);
  return [parts[0], parts[1]];
}

/**
 * Reads a mass range MIN,MAX into GeV; a bare number is in `unit`.
 * @example parseMassRange('58MeV,86MeV') // [0.058, 0.086]
 * @example parseMassRange('58,86', 'xRange', 'MeV') // [0.058, 0.086]
 */
export function parseMassRange(text: string, param = 'xRange', unit: MassUnit = 'GeV'): [number, number] {
  const allowed = FIGURE_OPTIONS.xRange.allowed;
  const [a, b] = pair(text, param, allowed);
  const read = (s: string) => {
    try {
      return parseMass(/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s) ? `${s}${unit}` : s, param);
    } catch {
      throw new ConfigError(`${param} ${shown(text)} is not allowed: ${shown(s)} is not a mass; expected ${allowed}`, param);
    }
  };
  const lo = read(a);
  const hi = read(b);
  if (!(lo < hi)) throw new ConfigError(`${param} ${shown(text)} is not allowed: expected ${allowed}`, param);
  return [lo, hi];
}

/** Reads an ε range MIN,MAX (0 < MIN < MAX). */
export function parseEpsilonRange(text: string, param = 'yRange'): [number, number] {
  const allowed = FIGURE_OPTIONS.yRange.allowed;
  const [a, b] = pair(text, param, allowed);
  const num = (s: string) => (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN);
  const lo = num(a);
  const hi = num(b);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && lo < hi)) throw new ConfigError(`${param} ${shown(text)} is not allowed: expected ${allowed}`, param);
  return [lo, hi];
}

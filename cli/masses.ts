/**
 * The masses of `vanish reach`: a log grid from `--mass-min` to `--mass-max`
 * with `--points` masses (kinematic edges added by the library), or the
 * explicit list of `--masses` (no edges added). Masses in GeV or with a unit.
 */
import { parseMass, parseMassList } from '../src/config/quantity.js';
import { UsageError, quote } from './errors.js';

export const MAX_POINTS = 10000;

export interface MassRequest {
  masses: number[];
  includeEdges: boolean;
}

export interface MassOptions {
  massMin: string;
  massMax: string;
  points: string;
  masses?: string;
  /** Which of massMin, massMax, points the user typed (rather than defaults). */
  given: { massMin: boolean; massMax: boolean; points: boolean };
}

/** Reads a whole number of grid points. */
export function parsePoints(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(n) && n >= 2 && n <= MAX_POINTS)) {
    throw new UsageError(`--points ${quote(JSON.stringify(text))} is not allowed: expected a whole number of masses from 2 to ${MAX_POINTS}`);
  }
  return n;
}

/** Resolves the mass options to a list of masses (GeV). */
export function resolveMasses(o: MassOptions, logGrid: (min: number, max: number, n: number) => number[]): MassRequest {
  if (o.masses !== undefined) {
    const clash = (['massMin', 'massMax', 'points'] as const).filter((k) => o.given[k]);
    if (clash.length > 0) {
      const names = { massMin: '--mass-min', massMax: '--mass-max', points: '--points' };
      throw new UsageError(`--masses cannot be combined with ${clash.map((k) => names[k]).join(', ')}: give either a list of masses or a range`);
    }
    const masses = parseMassList(o.masses, '--masses');
    if (masses.length > MAX_POINTS) {
      throw new UsageError(`--masses lists ${masses.length} masses, more than the limit of ${MAX_POINTS}: give fewer masses`);
    }
    return { masses, includeEdges: false };
  }
  const min = parseMass(o.massMin, '--mass-min');
  const max = parseMass(o.massMax, '--mass-max');
  const n = parsePoints(o.points);
  if (!(min < max)) throw new UsageError(`--mass-max ${o.massMax} is not allowed: it must be larger than --mass-min ${o.massMin}`);
  return { masses: logGrid(min, max, n), includeEdges: true };
}

/**
 * Resolves the mass options of a commander command (`--mass-min`, `--mass-max`,
 * `--points`, `--masses`); which of them the user typed is read from the command.
 */
export function massesFromOptions(
  opts: Record<string, unknown>,
  cmd: { getOptionValueSource(key: string): string | undefined },
  logGrid: (min: number, max: number, n: number) => number[],
): MassRequest {
  const given = (k: string) => cmd.getOptionValueSource(k) === 'cli';
  return resolveMasses(
    {
      massMin: String(opts.massMin),
      massMax: String(opts.massMax),
      points: String(opts.points),
      masses: opts.masses as string | undefined,
      given: { massMin: given('massMin'), massMax: given('massMax'), points: given('points') },
    },
    logGrid,
  );
}

/**
 * The masses of `vanish reach`: a log grid from `--mass-min` to `--mass-max`
 * with `--points` masses (kinematic edges added by the library), or the
 * explicit list of `--masses` (no edges added). Masses in GeV or with a unit;
 * the grid's defaults and caps are the library's (`GRID` in src/config/fields.ts).
 */
import { Option, type Command } from 'commander';
import { GRID, MAX_POINTS, bareMassWarning, isSuspiciousBareMass, readGrid, parseMassList, type GridField } from '../src/config/fields.js';
import { UsageError } from './errors.js';

export { MAX_POINTS, parsePoints } from '../src/config/fields.js';

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

/** The CLI flag of each grid field. */
export const GRID_FLAGS: Record<GridField, string> = { massMin: '--mass-min', massMax: '--mass-max', points: '--points' };

/** Resolves the mass options to a list of masses (GeV). */
export function resolveMasses(o: MassOptions, logGrid: (min: number, max: number, n: number) => number[]): MassRequest {
  if (o.masses !== undefined) {
    const clash = (['massMin', 'massMax', 'points'] as const).filter((k) => o.given[k]);
    if (clash.length > 0) {
      throw new UsageError(`--masses cannot be combined with ${clash.map((k) => GRID_FLAGS[k]).join(', ')}: give either a list of masses or a range`);
    }
    const masses = parseMassList(o.masses, '--masses');
    if (masses.length > MAX_POINTS) {
      throw new UsageError(`--masses lists ${masses.length} masses, more than the limit of ${MAX_POINTS}: give fewer masses`);
    }
    return { masses, includeEdges: false };
  }
  const g = readGrid({ massMin: o.massMin, massMax: o.massMax, points: o.points }, (f) => GRID_FLAGS[f]);
  if (!g.ok) throw g.problems[0];
  return { masses: logGrid(g.min, g.max, g.points), includeEdges: true };
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

/**
 * Adds the mass options (`--mass-min`, `--mass-max`, `--points` with the
 * library's grid defaults, and `--masses`) to a command.
 * @param pointsNote what the help adds about the grid's edges
 */
export function addMassOptions(cmd: Command, pointsNote = 'the kinematic edges in range are added'): Command {
  return cmd
    .addOption(new Option('--mass-min <mass>', GRID.massMin.help).default(GRID.massMin.default))
    .addOption(new Option('--mass-max <mass>', GRID.massMax.help).default(GRID.massMax.default))
    .addOption(new Option('--points <n>', `${GRID.points.label.toLowerCase()} (${pointsNote})`).default(GRID.points.default))
    .option('--masses <list>', 'comma-separated masses instead of the grid, e.g. 60MeV,66MeV,0.07 (no edges added)');
}

/**
 * Warnings for masses typed as bare numbers above 20 (GeV) that the experiment
 * cannot reach — probably meant in MeV ({@link bareMassWarning}).
 * @param typed each mass text with the option it was given to (`['--mass', '66.7']`)
 * @param reachEndGeV the heaviest A′ the experiment can make, GeV; asked only when a text is suspicious
 */
export function bareMassWarnings(typed: readonly (readonly [flag: string, text: string])[], reachEndGeV: () => number, experiment: string): string[] {
  const suspicious = typed.filter(([, t]) => isSuspiciousBareMass(t));
  if (suspicious.length === 0) return [];
  const end = reachEndGeV();
  return suspicious.flatMap(([flag, t]) => bareMassWarning(t, flag, end, experiment) ?? []);
}

/** The mass texts of a command's mass options, each with its flag: the `--masses` items, or a typed `--mass-min`/`--mass-max`. */
export function typedMasses(opts: Record<string, unknown>, cmd: { getOptionValueSource(key: string): string | undefined }): [string, string][] {
  if (typeof opts.masses === 'string') return opts.masses.split(',').map((t) => ['--masses', t]);
  return (['massMin', 'massMax'] as const).filter((k) => cmd.getOptionValueSource(k) === 'cli').map((k) => [GRID_FLAGS[k], String(opts[k])]);
}

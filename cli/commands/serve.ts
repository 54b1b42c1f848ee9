/**
 * `vanish serve --stdio`: a long-lived process for other languages. Each line
 * on stdin is one JSON request,
 *   {"id": 7, "command": "reach", "experiment": "belle2", "config": {…fields…}, "masses": [0.07, …]}
 * (commands reach, yield, flux, background); each gets one line on stdout,
 *   {"id": 7, "result": {…}}   with exactly the JSON of `vanish COMMAND --format json`, or
 *   {"id": 7, "error": "one line"}.
 * What the CLI would print on stderr about the request (a mass given as a bare number above
 * 20, i.e. GeV, that the experiment cannot reach: probably meant in MeV) comes as
 *   {"id": 7, "result": {…}, "warnings": ["one line", …]}   (no key when there is none).
 * A malformed line is answered with an error (id null when it cannot be read)
 * and the server keeps serving; requests are answered in order. The library's
 * tables (track lengths per depth) stay warm between requests. EOF ends it.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { EXPERIMENTS } from '../../src/config/presets.js';
import { parseMass } from '../../src/config/quantity.js';
import { ConfigError, withOverrides, type AnyExperimentConfig } from '../../src/config/schema.js';
import { backgroundToObject, fluxToObject, reachToObject, yieldToObject } from '../../src/format/json.js';
import { UsageError, firstLine } from '../errors.js';
import { DEFAULT_EXPERIMENT } from '../experiment.js';
import type { Io } from '../io.js';
import type { Library } from '../library.js';
import { GRID, MAX_POINTS, MIN_POINTS } from '../../src/config/fields.js';
import { bareMassWarnings } from '../masses.js';

/** A mistake in a request; answered as `{"id", "error"}`. */
class RequestError extends Error {}

const COMMANDS = ['reach', 'yield', 'flux', 'background'] as const;
type ServeCommand = (typeof COMMANDS)[number];
const KEYS: Record<ServeCommand, string[]> = {
  reach: ['masses', 'massMin', 'massMax', 'points'],
  yield: ['mass'],
  flux: [],
  background: [],
};

function mass(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (!(Number.isFinite(value) && value > 0)) throw new RequestError(`${what} = ${value} is not allowed: a mass is a positive number in GeV or a string with a unit ("66MeV")`);
    return value;
  }
  if (typeof value === 'string') return parseMass(value, what);
  throw new RequestError(`${what} = ${JSON.stringify(value) ?? 'missing'} is not allowed: a mass is a positive number in GeV or a string with a unit ("66MeV")`);
}

/** The request's experiment name (checked by {@link configOf}). */
function experimentOf(req: Record<string, unknown>): unknown {
  return req.experiment ?? DEFAULT_EXPERIMENT;
}

function configOf(req: Record<string, unknown>): AnyExperimentConfig {
  const name = experimentOf(req);
  if (typeof name !== 'string' || !Object.hasOwn(EXPERIMENTS, name)) {
    throw new RequestError(`experiment ${JSON.stringify(name)} is not a built-in experiment: allowed are ${Object.keys(EXPERIMENTS).join(', ')}`);
  }
  const overrides = req.config ?? {};
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new RequestError(`config must be an object of config fields, got ${JSON.stringify(overrides)}`);
  }
  return withOverrides(EXPERIMENTS[name].config, overrides as Record<string, unknown>);
}

/**
 * The warnings the CLI prints for the request's masses: a bare number (or unitless text) above 20 — GeV —
 * beyond the heaviest A′ the experiment can make (the CLI's own check, cli/masses.ts).
 */
function massWarnings(lib: Library, r: Record<string, unknown>, config: AnyExperimentConfig): string[] {
  const typed: [string, string][] = [];
  const add = (key: string, v: unknown) => {
    if (typeof v === 'number' || typeof v === 'string') typed.push([key, String(v)]);
  };
  if (Array.isArray(r.masses)) r.masses.forEach((m, i) => add(`masses[${i}]`, m));
  for (const key of ['mass', 'massMin', 'massMax']) add(key, r[key]);
  return bareMassWarnings(typed, () => lib.computeFlux(config).energyMaxGeV, String(experimentOf(r)));
}

/** The answer to one request: the CLI's JSON object and the CLI's warnings about it; or throws a one-line error. */
export async function answer(lib: Library, req: unknown): Promise<{ result: unknown; warnings: string[] }> {
  if (typeof req !== 'object' || req === null || Array.isArray(req)) throw new RequestError('a request is a JSON object {"id", "command", …}');
  const r = req as Record<string, unknown>;
  const command = r.command;
  if (typeof command !== 'string' || !(COMMANDS as readonly string[]).includes(command)) {
    throw new RequestError(`command ${JSON.stringify(command) ?? 'missing'} is not allowed: allowed are ${COMMANDS.join(', ')}`);
  }
  const cmd = command as ServeCommand;
  const allowed = ['id', 'command', 'experiment', 'config', ...KEYS[cmd]];
  const unknown = Object.keys(r).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new RequestError(`unknown request key ${unknown.join(', ')} for ${cmd}: allowed are ${allowed.join(', ')}`);
  const config = configOf(r);
  return { result: await resultOf(lib, cmd, r, config), warnings: massWarnings(lib, r, config) };
}

/** The CLI's JSON object for a checked request and its configuration. */
async function resultOf(lib: Library, cmd: ServeCommand, r: Record<string, unknown>, config: AnyExperimentConfig): Promise<unknown> {
  switch (cmd) {
    case 'flux':
      return fluxToObject(lib.computeFlux(config));
    case 'background':
      return backgroundToObject(lib.computeBackground(config));
    case 'yield':
      return yieldToObject(await lib.computeYield(config, mass(r.mass, 'mass')));
    case 'reach': {
      let masses: number[];
      let includeEdges: boolean;
      if (r.masses !== undefined) {
        const clash = ['massMin', 'massMax', 'points'].filter((k) => r[k] !== undefined);
        if (clash.length) throw new RequestError(`masses cannot be combined with ${clash.join(', ')}: give either a list of masses or a range`);
        if (!Array.isArray(r.masses) || r.masses.length === 0 || r.masses.length > MAX_POINTS) {
          throw new RequestError(`masses must be a list of 1 to ${MAX_POINTS} masses (GeV numbers or strings with a unit)`);
        }
        masses = r.masses.map((m, i) => mass(m, `masses[${i}]`));
        includeEdges = false;
      } else {
        const lo = mass(r.massMin ?? GRID.massMin.default, 'massMin');
        const hi = mass(r.massMax ?? GRID.massMax.default, 'massMax');
        const n = r.points ?? Number(GRID.points.default);
        if (!(typeof n === 'number' && Number.isSafeInteger(n) && n >= MIN_POINTS && n <= MAX_POINTS)) {
          throw new RequestError(`points = ${JSON.stringify(n)} is not allowed: a whole number of masses from ${MIN_POINTS} to ${MAX_POINTS}`);
        }
        if (!(lo < hi)) throw new RequestError(`massMax must be larger than massMin`);
        masses = lib.logGrid(lo, hi, n);
        includeEdges = true;
      }
      return reachToObject(await lib.computeReach(config, masses, { includeEdges }));
    }
  }
}

/** One response line for one request line. */
export async function respond(lib: Library, line: string): Promise<string> {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return JSON.stringify({ id: null, error: `the request is not JSON (${firstLine((e as Error).message)}): send one JSON object per line` });
  }
  const id = typeof req === 'object' && req !== null && !Array.isArray(req) && 'id' in req ? (req as { id: unknown }).id : null;
  try {
    const { result, warnings } = await answer(lib, req);
    return JSON.stringify(warnings.length > 0 ? { id, result, warnings } : { id, result });
  } catch (e) {
    const user = e instanceof RequestError || e instanceof ConfigError || e instanceof RangeError;
    const msg = firstLine(e instanceof Error ? e.message : String(e));
    return JSON.stringify({ id, error: user ? msg : `internal error: ${msg}` });
  }
}

export function addServeCommand(program: Command, lib: Library, io: Io): Command {
  return program
    .command('serve')
    .description('answer JSON requests line by line on stdin/stdout, keeping tables warm (for Python and other languages)')
    .option('--stdio', 'read requests from stdin, answer on stdout (the only transport)')
    .action(async (opts: { stdio?: boolean }) => {
      if (!opts.stdio) throw new UsageError('vanish serve needs --stdio (requests on stdin, answers on stdout; the only transport)');
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
      for await (const line of rl) {
        if (line.trim() === '') continue;
        io.stdout(`${await respond(lib, line)}\n`);
      }
    })
    .addHelpText(
      'after',
      [
        '',
        'A request per line: {"id": 7, "command": "reach", "experiment": "belle2", "config": {"lumi": 10}, "masses": [0.07, "66MeV"]}',
        `  reach: masses (no edges added, as --masses) or massMin, massMax, points (log grid with edges; defaults ${GRID.massMin.default}, ${GRID.massMax.default}, ${GRID.points.default})`,
        '  yield: mass;  flux, background: no further keys.  experiment defaults to belle2, config to {}.',
        'An answer per line, in order: {"id": 7, "result": …the JSON of vanish COMMAND --format json…} or {"id": 7, "error": "…"};',
        '  what the CLI would warn about on stderr (a bare mass above 20, i.e. GeV, the experiment cannot reach) comes as "warnings": ["…"].',
        'Python: python/vanish_client.py (with Vanish() as v: v.reach(masses=[0.07])).',
      ].join('\n'),
    );
}

/**
 * Mass-independent tables built ahead of time (F, G(s), the Doppler-smeared source of a
 * configuration at the reference normalisation, yields/context.ts), so that the first curve
 * of a process need not build them; and, the same way, the yields kept for the presets'
 * default curves (mass-grid nodes and direct values per channel key, yields/curveYields.ts),
 * so that those curves need not compute them. The library reads no files: whoever can (the command
 * line reads dist/tables/, the web page fetches them) installs a lookup with
 * {@link setStoredTablesLookup}; the context asks it for a configuration's table key when it
 * first needs that configuration's tables, and builds them as before when it answers nothing
 * or something that does not fit (another key, another format, arrays of the wrong size).
 *
 * The lookup is responsible for the tables being those the running code would build: the
 * files carry a digest of the sources that built them, which it compares with the running
 * sources' (cli/storedTables.ts). The format: JSON, each Float64Array as the base64 of its
 * little-endian bytes (exact, and half the size of decimal text).
 */
import type { KernelData } from './annihilationKernel.js';
import type { DopplerData } from './dopplerSpectrum.js';
import type { MovingKernelData } from './movingElectrons.js';
import { fromBase64, toBase64 } from '../numeric/float64Base64.js';

/** Version of the stored layout and of what it means; a file of another version is not used. */
export const TABLES_FORMAT = 1;

/** One yield as stored: [id, value, error, evaluations, intervals, converged] (GeV-free: events at ε = 1). */
export type StoredYield = [string, number, number, number, number, boolean];

/**
 * The kept yields of one channel key (yields/curveYields.ts): its mass-grid nodes (an id with
 * no numbers is a node that is not available: zero, closed or failed) and its direct values.
 */
export interface StoredYields {
  nodes: (StoredYield | [string])[];
  direct: StoredYield[];
}

/** The tables of one configuration, or the kept yields of one channel key, each one optional. */
export interface StoredTables {
  kernel?: KernelData;
  moving?: MovingKernelData;
  doppler?: DopplerData;
  yields?: StoredYields;
  /** The kept spectral shapes of one key (spectral/spectrum.ts): [mass in GeV, fine-grid shape]. */
  shapes?: [number, Float64Array][];
}

/** A stored file: the format, the table key it was built for, the digest of its sources, the tables. */
export interface StoredTablesFile {
  format: number;
  key: string;
  sourceDigest: string;
  tables: StoredTables;
}

/** Answers the tables stored for a table key (yields/context.ts tableKey), or nothing. */
export type StoredTablesLookup = (key: string) => StoredTablesFile | undefined;

let lookup: StoredTablesLookup | undefined;

/** Installs (or, with undefined, removes) the lookup of stored tables. Contexts built later use it. */
export function setStoredTablesLookup(f: StoredTablesLookup | undefined): void {
  lookup = f;
}

/** The stored tables for a key, when the lookup has a file of this format and this key; a throwing lookup answers nothing. */
export function storedTablesFor(key: string): StoredTables | undefined {
  let file: StoredTablesFile | undefined;
  try {
    file = lookup?.(key);
  } catch {
    return undefined;
  }
  if (!file || file.format !== TABLES_FORMAT || file.key !== key || typeof file.tables !== 'object' || file.tables === null) return undefined;
  return file.tables;
}

/** The file's text for tables built for `key` from sources of digest `sourceDigest`. */
export function encodeStoredTables(key: string, sourceDigest: string, tables: StoredTables): string {
  const file: StoredTablesFile = { format: TABLES_FORMAT, key, sourceDigest, tables };
  return JSON.stringify(file, (_k, v: unknown) => (v instanceof Float64Array ? { f64: toBase64(v) } : v));
}

/** A stored file from its text; throws on text that is not one. */
export function decodeStoredTables(text: string): StoredTablesFile {
  const file = JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && 'f64' in v && typeof (v as { f64: unknown }).f64 === 'string') return fromBase64((v as { f64: string }).f64);
    return v;
  }) as StoredTablesFile;
  if (typeof file !== 'object' || file === null || typeof file.key !== 'string' || typeof file.format !== 'number' || typeof file.sourceDigest !== 'string') {
    throw new RangeError('not a stored-tables file');
  }
  return file;
}

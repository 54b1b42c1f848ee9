/**
 * Reads a configuration file given with `--config`: YAML or JSON (by
 * extension; YAML otherwise, which also reads JSON), a mapping with any
 * subset of the configuration fields. Field names and values are checked
 * later, when merged over the preset.
 *
 * Hostile files get one-line errors, in time linear in their size: at most
 * {@link MAX_CONFIG_BYTES} (read with that bound, so /dev/zero or an endless
 * FIFO is refused without growing memory), values nested at most
 * {@link MAX_CONFIG_DEPTH} deep, a YAML file of at most
 * {@link MAX_YAML_ENTRIES} lines and list items (the YAML parser takes tens of
 * microseconds per entry), no key twice (checked with a set: the YAML
 * package's own check is quadratic in the number of keys), and what the YAML
 * parser only warns about (an unknown tag, an ambiguous anchor) is an error
 * here too, never a Node warning on stderr.
 */
import { UsageError, firstLine, quote } from './errors.js';
import { groupedInteger, readTextFile, sizeText } from './readInput.js';

/** Largest config file read, in bytes (a complete config is about 1 kB). */
export const MAX_CONFIG_BYTES = 1 << 20;
/** Deepest nesting of lists and mappings in a config file (every field is a plain value). */
export const MAX_CONFIG_DEPTH = 64;
/** Most non-blank, non-comment lines plus flow items (`,`) in a YAML config file. */
export const MAX_YAML_ENTRIES = 10_000;

/** The limits in words, for `vanish config --help`. */
export const CONFIG_LIMITS_HELP =
  `A --config file is at most ${sizeText(MAX_CONFIG_BYTES)} of UTF-8 text, values nested at most ${MAX_CONFIG_DEPTH} deep, ` +
  `at most ${groupedInteger(MAX_YAML_ENTRIES)} lines and list items in YAML, each field once.`;

const HINT = 'give a YAML or JSON mapping of config fields, e.g. "lumi: 10"';

/** Whether a parsed value nests deeper than `max` (iteratively: a deep value must not overflow the stack here). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The top-level keys of a JSON object text in order, duplicates included
 * (JSON.parse keeps the last of two equal keys without a word). The text
 * must already be valid JSON.
 */
function jsonTopLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      if (depth === 1) {
        let j = i;
        while (/\s/.test(text[j] ?? '')) j++;
        if (text[j] === ':') keys.push(JSON.parse(text.slice(start, i)) as string);
      }
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
  }
  return keys;
}

function firstDuplicate(keys: Iterable<string>): string | undefined {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return undefined;
}

function parseJson(text: string, fail: (why: string) => UsageError): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw fail(`is not valid JSON (${firstLine((e as Error).message)})`);
  }
  if (deeperThan(value, MAX_CONFIG_DEPTH)) throw fail(`nests values more than ${MAX_CONFIG_DEPTH} deep`);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const dup = firstDuplicate(jsonTopLevelKeys(text));
    if (dup !== undefined) throw fail(`sets field ${quote(dup)} twice`);
  }
  return value;
}

/** Entries the YAML parser would have to build: content lines and flow items. */
function yamlEntries(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#')) n++;
  }
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) n++;
  return n;
}

/** The deepest nesting of flow brackets outside comment lines (an upper bound: brackets in quoted text count too). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('#')) continue;
    for (const c of line) {
      if (c === '[' || c === '{') max = Math.max(max, ++depth);
      else if ((c === ']' || c === '}') && depth > 0) depth--;
    }
  }
  return max;
}

async function parseYaml(text: string, fail: (why: string) => UsageError): Promise<unknown> {
  // The YAML parser is a quarter of the CLI's code: loaded only when a YAML file is read.
  const { isMap, isScalar, parseDocument } = await import('./yaml.js');
  const entries = yamlEntries(text);
  if (entries > MAX_YAML_ENTRIES) {
    throw fail(`has ${groupedInteger(entries)} lines and list items, more than the limit of ${groupedInteger(MAX_YAML_ENTRIES)}`);
  }
  const tooDeep = () => fail(`nests values more than ${MAX_CONFIG_DEPTH} deep`);
  if (flowDepth(text) > MAX_CONFIG_DEPTH) throw tooDeep();
  try {
    const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent', prettyErrors: true });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem && /call stack/i.test(problem.message)) throw tooDeep(); // the parser's recursion ran out of stack
    if (problem) throw fail(`is not valid YAML (${firstLine(problem.message).replace(/:$/, '')})`);
    if (isMap(doc.contents)) {
      const keys = doc.contents.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
      const dup = firstDuplicate(keys);
      if (dup !== undefined) throw fail(`sets field ${quote(dup)} twice`);
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (deeperThan(value, MAX_CONFIG_DEPTH)) throw tooDeep();
    return value;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof RangeError) throw tooDeep(); // the parser's recursion ran out of stack
    throw fail(`is not valid YAML (${firstLine(String((e as Error)?.message ?? e))})`);
  }
}

/** The file's mapping of fields to values (an empty file is an empty mapping). */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  const fail = (why: string) => new UsageError(`--config ${quote(file)} ${why}: ${HINT}`);
  const text = readTextFile(file, MAX_CONFIG_BYTES, '--config', HINT);
  const json = /\.json$/i.test(file) || /^\s*\{/.test(text);
  let value: unknown;
  if (json) {
    try {
      value = parseJson(text, fail);
    } catch (e) {
      // A .yaml file that starts like JSON but is not: read it as YAML.
      if (/\.json$/i.test(file)) throw e;
      value = await parseYaml(text, fail);
    }
  } else value = await parseYaml(text, fail);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--config ${quote(file)} holds ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}: expected a mapping of config fields to values, e.g. "lumi: 10"`);
  }
  return value as Record<string, unknown>;
}

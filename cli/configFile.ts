/**
 * Reads a configuration file given with `--config`: YAML or JSON (by
 * extension; YAML otherwise, which also reads JSON), a mapping with any
 * subset of the configuration fields. Field names and values are checked
 * later, when merged over the preset.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError, describeFsError, firstLine } from './errors.js';

/** The file's mapping of fields to values (an empty file is an empty mapping). */
export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--config ${file} cannot be read (${describeFsError(e)}): give a readable YAML or JSON file of config fields`);
  }
  const json = /\.json$/i.test(file);
  let value: unknown;
  try {
    value = json ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new UsageError(`--config ${file} is not valid ${json ? 'JSON' : 'YAML'} (${firstLine((e as Error).message)}): give a mapping of config fields`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--config ${file} holds a ${Array.isArray(value) ? 'list' : typeof value}: expected a mapping of config fields to values, e.g. "lumi: 10"`);
  }
  return value as Record<string, unknown>;
}

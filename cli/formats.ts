/**
 * The text formats the CLI loads at start: JSON, CSV and tables (the
 * library's `src/format/`), without HEPData, whose YAML writer is loaded
 * only by `--format hepdata` (a quarter of the CLI's code).
 */
export * from '../src/format/json.js';
export * from '../src/format/csv.js';
export * from '../src/format/table.js';

/**
 * The experiment used when none is named (the CLI without `--experiment`, a
 * link without `experiment=`, a `vanish serve` request without one). A module
 * of its own, without imports, so the web page's small entry script can read
 * it without loading the schema; everything else reads it from `fields.ts`.
 */
export const DEFAULT_EXPERIMENT = 'belle2';

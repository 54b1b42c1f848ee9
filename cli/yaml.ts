/**
 * The YAML functions the CLI uses, in a module of their own so commands load
 * the YAML package (a quarter of the CLI's code) with `await import('./yaml.js')`
 * only when they read or write YAML.
 */
export { isMap, isScalar, parseDocument, stringify } from 'yaml';

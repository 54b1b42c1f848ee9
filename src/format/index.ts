/** Text outputs of results (JSON, CSV, tables, HEPData). Pure and browser-safe. */
export * from './json.js';
export * from './csv.js';
export * from './table.js';
export * from './hepdata.js';
export { sig, sci, short, massMeV } from './number.js';

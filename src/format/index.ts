/** Text outputs of results (JSON, CSV, tables, HEPData) and the limit-curve reader. Pure and browser-safe. */
export * from './json.js';
export * from './csv.js';
export * from './table.js';
export * from './hepdata.js';
export { parseCurveText, CurveFileError } from './curveFile.js';
export { sig, sci, short, massMeV } from './number.js';
export { reachToYTable, darkMatterText } from './yPlane.js';

/**
 * The library's entry point under Node (package.json `exports`, condition `node`): the whole
 * library of src/index.ts, with the lookup of the mass-independent tables the build stored
 * (dist/tables; src/node/storedTables.ts) installed, so a first curve of a built-in preset
 * reads its tables instead of building them (≈ 1 s for belle2's G(s)), and its default curve
 * the yields (and, for belle2's spectral analysis, the shapes) the build kept. The stored files are
 * used only when built from the running sources; otherwise the tables are built as in the
 * browser. VANISH_STORED_TABLES=off turns the lookup off.
 */
import { installStoredTables } from './node/storedTables.js';

export * from './index.js';

installStoredTables();

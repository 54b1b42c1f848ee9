/**
 * The computation worker's entry: starts fetching the stored tables and the computation code
 * (web/src/engine.ts, the larger chunk) at once, in parallel, and keeps the page's messages until
 * that code runs. A worker the page's entry started carries the page's query in its name; the
 * engine then computes that link's curve without waiting for the page to ask.
 */
import { belle2TablesTexts } from './tablesText.js';

const tables = belle2TablesTexts().catch(() => undefined);
const early: MessageEvent[] = [];
self.onmessage = (e: MessageEvent) => early.push(e);
void import('./engine.js').then((engine) => engine.start(tables, self.name, early));

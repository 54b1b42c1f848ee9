/**
 * The workers' entry. The computation worker starts fetching the stored tables and the computation
 * code (web/src/engine.ts, the larger chunk) at once, in parallel, and keeps the page's messages
 * until that code runs. A worker the page's entry started carries the page's query in its name;
 * the engine then computes that link's curve without waiting for the page to ask.
 *
 * The same entry named THERMAL_WORKER_NAME is the thermal-target worker instead
 * (web/src/thermalEngine.ts): it needs no stored tables.
 */
import { THERMAL_WORKER_NAME, type ThermalReply, type ThermalRequest } from './protocol.js';
import { belle2TablesTexts } from './tablesText.js';

const early: MessageEvent[] = [];
self.onmessage = (e: MessageEvent) => early.push(e);
if (self.name === THERMAL_WORKER_NAME) {
  void import('./thermalEngine.js').then(
    (thermal) => thermal.start(early),
    (err: unknown) => {
      // Without its code every request fails, and says so (the page would otherwise wait for ever).
      const fail = (e: MessageEvent) =>
        self.postMessage({ type: 'thermalError', id: (e.data as ThermalRequest).id, name: 'LoadError', message: `the thermal-target code could not be loaded: ${String(err)}` } satisfies ThermalReply);
      self.onmessage = fail;
      early.forEach(fail);
    },
  );
} else {
  const tables = belle2TablesTexts().catch(() => undefined);
  void import('./engine.js').then((engine) => engine.start(tables, self.name, early));
}

/**
 * The thermal-target worker's code (loaded by the workers' entry, web/src/worker.ts, when its name
 * is THERMAL_WORKER_NAME): computes the thermal-relic target of the y–m_χ plane
 * (src/plot/yPlane.ts thermalTargetLine, 12 masses plus the hadronic structure; ≈ 0.7–1.3 s)
 * off the page's thread. It answers one request at a time, in order; the page sends the next
 * only when this one is answered, and drops the ones made stale meanwhile (web/src/thermalTargets.ts).
 * It is never terminated to cancel: a stale target is still kept in the page's cache, and the
 * worker keeps the tables the first target built.
 */
import { thermalTargetLine } from '../../src/plot/yPlane.js';
import type { ThermalReply, ThermalRequest } from './protocol.js';

/** Masses of the target line evenly in ln m_χ (the figure's line, as the page drew it before). */
export const THERMAL_POINTS = 12;

const post = (m: ThermalReply) => (self as unknown as Worker).postMessage(m);

function receive(req: ThermalRequest): void {
  const t = performance.now();
  try {
    post({ type: 'thermal', id: req.id, target: thermalTargetLine(req.config, THERMAL_POINTS), ms: performance.now() - t });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ type: 'thermalError', id: req.id, name: e.name, message: e.message });
  }
}

/** Answers the page's requests (`held`: those that arrived before this code). */
export function start(held: readonly MessageEvent[]): void {
  self.onmessage = (e: MessageEvent<ThermalRequest>) => receive(e.data);
  for (const e of held) receive(e.data as ThermalRequest);
}

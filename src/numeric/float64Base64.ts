/**
 * Float64Array ⇄ base64 text (IEEE 754 doubles, little-endian), for tables stored as text
 * (yields/storedTables.ts, models/hadronicRNodes.ts): exact, in Node and the browser (btoa/atob).
 */
export function toBase64(a: Float64Array): string {
  const view = new DataView(new ArrayBuffer(8 * a.length));
  a.forEach((x, i) => view.setFloat64(8 * i, x, true));
  const bytes = new Uint8Array(view.buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The doubles of {@link toBase64}'s text; `what` names the table in the error for text that is not whole doubles. */
export function fromBase64(s: string, what = 'stored table'): Float64Array {
  const text = atob(s);
  if (text.length % 8) throw new RangeError(`${what}: ${text.length} bytes is not a whole number of doubles`);
  const view = new DataView(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) view.setUint8(i, text.charCodeAt(i));
  const a = new Float64Array(text.length / 8);
  for (let i = 0; i < a.length; i++) a[i] = view.getFloat64(8 * i, true);
  return a;
}

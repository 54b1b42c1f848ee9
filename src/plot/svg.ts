/**
 * Tiny helpers to write SVG as text (no DOM), deterministic to 2 decimals.
 */
import { px } from '../format/number.js';

export { px };

/**
 * Characters an SVG (XML 1.0) document cannot hold or should not show: C0
 * controls (tab, newline and carriage return included, which attribute
 * values would turn into spaces anyway), DEL and the C1 controls, the
 * non-characters U+FFFE and U+FFFF, and lone surrogates.
 */
const NOT_XML = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes text for XML character data and attribute values; a character XML
 * cannot hold (a control character in a comparison label) becomes U+FFFD,
 * so the figure stays a valid document whatever the labels hold.
 */
export function esc(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `name="value"` pairs; numbers rounded with {@link px}, undefined values left out. */
export function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : esc(v as string)}"`)
    .join('');
}

/** A self-closing or content element. `content` is inserted as is (already escaped markup). */
export function el(name: string, a: Record<string, string | number | undefined>, content?: string): string {
  return content === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${content}</${name}>`;
}

/** Unicode minus for negative exponents and numbers in labels. */
export const minus = (s: string): string => s.replace(/-/g, '\u2212');

/**
 * Markup for 10ⁿ: "10" followed by a raised, smaller exponent. The tspan
 * shifts by `dy` (not baseline-shift) which resvg and every browser render alike;
 * `after` is text that continues on the base line.
 */
export function powerOfTen(n: number, fontSize: number, after = ''): string {
  const rise = Math.round(fontSize * 0.42);
  const small = Math.round(fontSize * 0.75);
  const tail = after ? `<tspan dy="${rise}">${after}</tspan>` : '';
  return `10<tspan dy="-${rise}" font-size="${small}">${minus(String(n))}</tspan>${tail}`;
}

/** Markup for a number in scientific notation, m×10ⁿ, with `digits` significant digits. */
export function scientific(x: number, digits: number, fontSize: number, after = ''): string {
  if (x === 0 || !Number.isFinite(x)) return `${esc(String(x))}${after}`;
  const n = Math.floor(Math.log10(Math.abs(x)) + 1e-12);
  const mantissa = (x / 10 ** n).toFixed(digits - 1);
  if (n === 0) return `${minus(mantissa)}${after}`;
  return `${minus(mantissa)}×${powerOfTen(n, fontSize, after)}`;
}

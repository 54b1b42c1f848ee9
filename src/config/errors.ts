/**
 * The error of a value a user gave that is not allowed (a config field, a
 * mass, a grid setting). Its message is one line naming the parameter, the
 * value and what is allowed. Pure and browser-safe.
 */

/** Thrown for a configuration a user gave that is not allowed; the message is one line. */
export class ConfigError extends Error {
  /**
   * @param field the config field the error is about
   * @param reason why the value is refused beyond the field's own range (a relation to other fields), in words
   */
  constructor(
    message: string,
    readonly field?: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** How many unknown keys an error names before "and N more". */
export const MAX_LISTED = 5;
/** Longest value or key quoted in an error, in characters. */
const MAX_SHOWN = 60;

const clip = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/** A key for a message: as is when plain, else quoted with its escapes (a key may hold control characters). */
export function showKey(key: string): string {
  return /^[\w.-]+$/.test(key) ? clip(key) : clip(JSON.stringify(key));
}

/**
 * A value as the user wrote it, for a one-line message: at most
 * {@link MAX_SHOWN} characters (JSON.stringify would print Infinity and NaN as null).
 */
export function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // a short list as written; a long one by its length (one line, bounded)
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    return text !== undefined && text.length <= MAX_SHOWN ? text : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return 'a mapping';
  return clip(String(value));
}

/**
 * User mistakes vs. failures. A {@link UsageError} (or an error the library
 * marks as the user's: a ConfigError, a CurveFileError) is printed as one line,
 * `vanish: error: …`, with exit status 2; a failure of the system the command
 * runs on (a full disk, an I/O error: {@link SystemError}) or an internal
 * fault is printed as one line with exit status 1. Never a stack trace
 * (set VANISH_DEBUG=1 to get one for an internal fault).
 */
import { ConfigError } from '../src/config/errors.js';
import { CurveFileError } from '../src/format/curveFile.js';

/** A mistake in what the user typed or gave us (flag, file, value); the message is one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user stopped the program (Ctrl-C): workers are stopped and nothing is written. */
export class InterruptedError extends Error {
  constructor(
    message = 'interrupted: stopped the workers, nothing written',
    /** The signal that stopped the program; its number sets the exit status. */
    readonly signal: 'SIGINT' | 'SIGTERM' = 'SIGINT',
  ) {
    super(message);
    this.name = 'InterruptedError';
  }
}

/** Exit status after an interrupt (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** Exit status after the signal that interrupted the program: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function interruptedStatus(e: InterruptedError): number {
  return e.signal === 'SIGTERM' ? 143 : EXIT_INTERRUPTED;
}

/**
 * The system failed the command although the request was right: no space
 * left on the device, an I/O error, standard output that cannot be written.
 * One line, exit status 1.
 */
export class SystemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SystemError';
  }
}

/** Exit status for a user mistake (as for a bad command line in POSIX tools). */
export const EXIT_USAGE = 2;
/** Exit status for an internal error or a failure of the system (full disk). */
export const EXIT_INTERNAL = 1;

/**
 * Whether an error is the user's: a {@link UsageError}, the library's
 * ConfigError (a value the schema does not allow) or CurveFileError (a limit
 * curve that cannot be read), or any error that says so with `userError: true`.
 */
export function isUserError(e: unknown): e is Error {
  return (
    e instanceof UsageError ||
    e instanceof ConfigError ||
    e instanceof CurveFileError ||
    (e instanceof Error && (e as { userError?: unknown }).userError === true)
  );
}

/** Collapses a message to its first line, for errors from parsers that print code frames. */
export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text.trim();
}

/**
 * Characters never written raw to a terminal: C0 and C1 controls (ESC starts
 * the sequences that move the cursor or retitle the window), DEL, the line and
 * paragraph separators, bidirectional overrides (which reorder what is
 * shown), and lone surrogates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made safe for a terminal line: every control or formatting character
 * is shown as its escape (`\u001b`), so a config key or a curve file's line
 * can never move the cursor, change colours or break the line.
 * @example visible('a\u001b[31mb') // 'a\\u001b[31mb'
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A path or other user text in a message: visible, and quoted when empty or holding spaces. */
export function quote(text: string): string {
  return visible(text === '' || /\s/.test(text) ? JSON.stringify(text) : text);
}

/** Error codes that are the system's fault rather than the user's (exit status 1). */
const SYSTEM_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'ENOMEM', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'ETXTBSY', 'ESTALE']);

/** Whether a file-system error is the system's fault (a full disk) rather than a bad path. */
export function isSystemFsError(e: unknown): boolean {
  return SYSTEM_CODES.has((e as NodeJS.ErrnoException)?.code ?? '');
}

/** Words for the common file-system error codes, for one-line messages. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'file too large for the device';
    case 'EROFS':
      return 'read-only file system';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EIO':
      return 'input/output error';
    case 'ENXIO':
      return 'no such device or address';
    case 'EXDEV':
      return 'on another device';
    default:
      return firstLine(String((e as Error)?.message ?? e));
  }
}

/** A message's first line, visible, with any word longer than 200 characters (a pasted value, a 100 000-digit number) shortened. */
export function brief(message: string): string {
  return visible(firstLine(message)).replace(/\S{200,}/g, (w) => `${w.slice(0, 120)}…${w.slice(-40)}`);
}

/**
 * The one line printed for an error and the exit status. Everything the
 * line holds is made {@link visible}: messages quote config keys, curve
 * lines and argv, which may hold escape sequences.
 */
export function errorLine(e: unknown): { line: string; status: number } {
  if (isUserError(e)) return { line: `vanish: error: ${brief(e.message)}\n`, status: EXIT_USAGE };
  if (e instanceof SystemError) return { line: `vanish: error: ${brief(e.message)}\n`, status: EXIT_INTERNAL };
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { line: 'vanish: internal error: an input is nested too deeply to process (Maximum call stack size exceeded)\n', status: EXIT_INTERNAL };
  }
  if (isSystemFsError(e)) return { line: `vanish: error: ${visible(describeFsError(e))}\n`, status: EXIT_INTERNAL };
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const hint = process.env.VANISH_DEBUG ? '' : ' (please report it; VANISH_DEBUG=1 shows where it happened)';
  const stack = process.env.VANISH_DEBUG && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  return { line: `vanish: internal error: ${visible(firstLine(text))}${hint}${stack}\n`, status: EXIT_INTERNAL };
}

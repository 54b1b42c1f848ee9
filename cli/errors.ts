/**
 * User mistakes vs. internal errors. A {@link UsageError} (or a ConfigError
 * from the library) is printed as one line, `vanish: error: …`, with exit
 * status 2 and no stack; anything else is a bug, printed with its stack, status 1.
 */
import { ConfigError } from '../src/config/schema.js';

/** A mistake in what the user typed or gave us (flag, file, value); the message is one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user stopped the program (Ctrl-C): workers are stopped and nothing is written. */
export class InterruptedError extends Error {
  constructor(message = 'interrupted: stopped the workers, nothing written') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/** Exit status after an interrupt (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** Exit status for a user mistake (as for a bad command line in POSIX tools). */
export const EXIT_USAGE = 2;
/** Exit status for an internal error. */
export const EXIT_INTERNAL = 1;

export function isUserError(e: unknown): e is UsageError | ConfigError {
  return e instanceof UsageError || e instanceof ConfigError;
}

/** Collapses a message to its first line, for errors from parsers that print code frames. */
export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text.trim();
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
    case 'EROFS':
      return 'read-only file system';
    default:
      return firstLine(String((e as Error)?.message ?? e));
  }
}

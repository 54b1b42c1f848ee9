/**
 * Reading a limit curve from text: two columns, m_A' in GeV and ε, separated
 * by a comma, semicolon or spaces; blank lines and `#` comment lines are
 * skipped, and so is a header line of column names before the first point.
 * Used by the web page's "published limits" overlay; pure and browser-safe
 * (the CLI's `--compare` reads the same format).
 */

/** A limit-curve text that cannot be read; the message is one line and says what is expected. */
export class CurveFileError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem, when there is one. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CurveFileError';
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a limit curve.
 * @param text the file's content
 * @returns [m_A' in GeV, ε] pairs in the order of the file (every value finite and > 0)
 * @throws CurveFileError naming the first line that is neither a comment, a header nor two positive numbers
 * @example parseCurveText('# m_GeV eps\n0.01 1e-4\n0.1, 3e-4\n') // [[0.01, 1e-4], [0.1, 3e-4]]
 */
export function parseCurveText(text: string): [massGeV: number, epsilon: number][] {
  const points: [number, number][] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/[\s,;]+/);
    if (cells.length === 2 && NUMBER.test(cells[0]) && NUMBER.test(cells[1])) {
      const m = Number(cells[0]);
      const e = Number(cells[1]);
      if (m > 0 && e > 0 && Number.isFinite(m) && Number.isFinite(e)) {
        points.push([m, e]);
        continue;
      }
    }
    if (points.length === 0 && cells.every((c) => !NUMBER.test(c))) continue; // a header line
    const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
    throw new CurveFileError(
      `line ${i + 1} "${shown}" is not allowed: expected two positive numbers, mass_GeV and epsilon (# starts a comment)`,
      i + 1,
    );
  }
  if (points.length === 0) throw new CurveFileError('has no points: expected lines of two positive numbers, mass_GeV and epsilon');
  return points;
}

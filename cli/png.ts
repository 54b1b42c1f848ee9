/**
 * SVG → PNG with resvg and the DejaVu Sans fonts of the `dejavu-fonts-ttf`
 * package, never the system's fonts, so a PNG is the same on every machine.
 * Both are optional dependencies of vanish, loaded here only when a PNG is
 * asked for: installing the library never needs them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { UsageError } from './errors.js';

const require = createRequire(import.meta.url);

/** Loads an optional dependency, or says how to install it. */
function optional<T>(name: string): T {
  try {
    return require(name) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    throw new UsageError(
      `PNG output needs the optional dependencies @resvg/resvg-js and dejavu-fonts-ttf, which are not installed: run \`npm install @resvg/resvg-js dejavu-fonts-ttf\`, or write .svg`,
    );
  }
}

/** Paths of the DejaVu Sans font files shipped by the `dejavu-fonts-ttf` package. */
export function dejaVuFontFiles(): string[] {
  let pkg: string;
  try {
    pkg = require.resolve('dejavu-fonts-ttf/package.json');
  } catch {
    optional('dejavu-fonts-ttf');
    throw new Error('unreachable');
  }
  const dir = path.join(path.dirname(pkg), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => path.join(dir, f));
}

/**
 * Renders an SVG document to PNG bytes.
 * @param scale pixels per SVG px (default 2: an 800 × 600 figure becomes 1600 × 1200 px)
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const { Resvg } = optional<{ Resvg: typeof ResvgClass }>('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { fontFiles: dejaVuFontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  return resvg.render().asPng();
}

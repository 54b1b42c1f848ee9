/**
 * SVG → PNG with resvg and the DejaVu Sans fonts of the `dejavu-fonts-ttf`
 * package, never the system's fonts, so a PNG is the same on every machine.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** Paths of the DejaVu Sans font files shipped by the `dejavu-fonts-ttf` package. */
export function dejaVuFontFiles(): string[] {
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => path.join(dir, f));
}

/**
 * Renders an SVG document to PNG bytes.
 * @param scale pixels per SVG px (default 2: an 800 × 600 figure becomes 1600 × 1200 px)
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: dejaVuFontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  return resvg.render().asPng();
}

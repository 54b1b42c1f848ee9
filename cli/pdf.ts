/**
 * SVG → PDF with PDFKit and svg-to-pdfkit (both optional dependencies, loaded
 * only when a PDF is asked for), the text set in the DejaVu Sans fonts of the
 * `dejavu-fonts-ttf` package and embedded (subset) in the file, never the
 * system's fonts; the page is the figure's size at 96 px per inch (1 px = ¾ pt),
 * so text stays text and lines stay vectors. Dated 1 January 2000 (not now):
 * the same figure gives the same bytes.
 */
import { createRequire } from 'node:module';
import { UsageError } from './errors.js';
import { dejaVuFontFiles } from './png.js';

// require, not import(): the bundled CLI runs as a script with a V8 code cache (scripts/build.mjs), where import() is not available.
const require = createRequire(import.meta.url);

/** Points per SVG px (72 pt per inch, 96 px per inch). */
export const PT_PER_PX = 0.75;
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** The figure's size in px from the root element's width and height. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  const width = num('width');
  const height = num('height');
  if (!(width > 0) || !(height > 0)) throw new Error('the figure has no width and height');
  return { width, height };
}

/** Loads the optional PDF packages, or says how to install them (one line). */
async function load(): Promise<{ PDFDocument: typeof import('pdfkit'); SVGtoPDF: typeof import('svg-to-pdfkit') }> {
  try {
    return { PDFDocument: require('pdfkit') as typeof import('pdfkit'), SVGtoPDF: require('svg-to-pdfkit') as typeof import('svg-to-pdfkit') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw e;
    throw new UsageError(
      'PDF output needs the optional dependencies pdfkit and svg-to-pdfkit, which are not installed: run `npm install pdfkit svg-to-pdfkit`, or write .svg or .png',
    );
  }
}

/** Renders an SVG document (one of vanish's figures) to PDF bytes. */
export async function svgToPdf(svg: string): Promise<Buffer> {
  const { PDFDocument, SVGtoPDF } = await load();
  const { width, height } = svgSize(svg);
  const W = width * PT_PER_PX;
  const H = height * PT_PER_PX;
  const doc = new PDFDocument({
    size: [W, H],
    margin: 0,
    autoFirstPage: true,
    info: { Title: /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? 'vanish figure', Creator: 'vanish', Producer: 'vanish (PDFKit)', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const [regular, bold, oblique] = dejaVuFontFiles();
  doc.registerFont('DejaVuSans', regular);
  doc.registerFont('DejaVuSans-Bold', bold);
  doc.registerFont('DejaVuSans-Oblique', oblique);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width: W,
    height: H,
    fontCallback: (_family, isBold, isItalic) => (isBold ? 'DejaVuSans-Bold' : isItalic ? 'DejaVuSans-Oblique' : 'DejaVuSans'),
    warningCallback: () => {},
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

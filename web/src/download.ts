/** Downloads of the page's results: text files as they are, and the figure as SVG or PNG. */
import { fontDataUrl, FIGURE_FONT } from './font.js';

/** Offers a file to the user under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(text: string, name: string, type: string): void {
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
}

/**
 * Renders an SVG document to PNG through a canvas, at `scale` times its size,
 * with the bundled font embedded (an SVG drawn as an image cannot use the
 * page's fonts).
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const width = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  const height = Number(/<svg[^>]*\bheight="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  let font = '';
  try {
    font = `<style>@font-face{font-family:'${FIGURE_FONT}';src:url(${await fontDataUrl()}) format('truetype');}</style>`;
  } catch {
    // Without the embedded font the system's sans-serif is used.
  }
  const doc = svg.replace(/<svg\b[^>]*>/, (open) => `${open}${font}`);
  const url = URL.createObjectURL(new Blob([doc], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser has no 2D canvas');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the figure could not be encoded as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

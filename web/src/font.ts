/**
 * The figures' font, DejaVu Sans, bundled with the page (the same face the
 * CLI's figures name), so text renders alike on every system and offline.
 */
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

export const FIGURE_FONT = 'DejaVu Sans';

/** Registers the bundled font for the page; resolves when it is loaded (or failed to, then a fallback is used). */
export async function loadFigureFont(): Promise<void> {
  try {
    const face = new FontFace(FIGURE_FONT, `url(${fontUrl})`);
    document.fonts.add(face);
    await face.load();
  } catch {
    // The SVG names sans-serif fallbacks through the page's CSS.
  }
}

let dataUrl: Promise<string> | undefined;

/** The font as a data: URL, for SVG documents rendered outside the page (PNG export). */
export function fontDataUrl(): Promise<string> {
  dataUrl ??= fetch(fontUrl)
    .then((r) => r.blob())
    .then(
      (b) =>
        new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result).replace(/^data:[^;]*;/, 'data:font/ttf;'));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(b);
        }),
    );
  return dataUrl;
}

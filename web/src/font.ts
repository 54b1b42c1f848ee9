/**
 * The figures' font, DejaVu Sans, bundled with the page (the same face the
 * CLI's figures name) for the PNG export, whose SVG is drawn outside the page:
 * fetched only when a PNG is made (757 kB), never at start. On the page the
 * figure uses the system's DejaVu Sans or a sans-serif fallback.
 */
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

export const FIGURE_FONT = 'DejaVu Sans';

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

/**
 * PDF smoke check: the reach figure through PDFKit + svg-to-pdfkit is one
 * page of the figure's size (¾ pt per px), its text in embedded DejaVu Sans
 * (a subset, TrueType), vectors rather than an image, and the same bytes every time.
 */
import { describe, expect, it } from 'vitest';
import { PT_PER_PX, svgToPdf } from '../../cli/pdf.js';
import { reachPlot } from '../../src/plot/reachPlot.js';
import { fixtureReach } from '../fixtures/reach.js';

describe('svgToPdf', () => {
  const svg = reachPlot(fixtureReach(), {
    title: 'PDF smoke check ε α → γA′',
    comparisons: [{ label: 'a region', points: [[0.001, 1e-5], [1, 1e-3]], excluded: true }],
  });

  it('writes one page of the figure’s size with DejaVu Sans embedded, deterministically', async () => {
    const pdf = await svgToPdf(svg);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)?.[1]);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
    expect(Number(box?.[1])).toBeCloseTo(800 * PT_PER_PX, 6);
    expect(Number(box?.[2])).toBeCloseTo(height * PT_PER_PX, 6);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toContain('/FontFile2');
    expect(text).not.toContain('/Subtype /Image');
    expect((await svgToPdf(svg)).equals(pdf)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../cli/png.js';

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" font-family="DejaVu Sans">' +
  '<text x="4" y="28" font-size="20">10<tspan dy="-8" font-size="14">−5</tspan></text></svg>';

describe('svgToPng', () => {
  it('renders a PNG at the requested scale', () => {
    const png = svgToPng(svg, 2);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([240, 80]);
  });

  it('draws text with the bundled DejaVu Sans (more ink than with no font at all)', () => {
    const withText = svgToPng(svg, 1);
    const empty = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>', 1);
    expect(withText.length).toBeGreaterThan(empty.length + 100);
  });

  it('is byte-for-byte deterministic', () => {
    expect(svgToPng(svg).equals(svgToPng(svg))).toBe(true);
  });
});

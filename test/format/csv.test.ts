import { describe, expect, it } from 'vitest';
import { REACH_CSV_HEADER, csvMetadataName, edgesInRange, reachCsvMetadata, reachCsvMetadataJson, reachToCsv, sig, type Comparison } from '../../src/format/index.js';
import { fixtureReach } from '../fixtures/reach.js';

describe('sig', () => {
  it('writes 6 significant digits, exponent form for small and large values', () => {
    expect(sig(0.0666)).toBe('0.0666000');
    expect(sig(1.7e-5)).toBe('1.70000e-5');
    expect(sig(6.02e11)).toBe('6.02000e+11');
    expect(sig(123.456789)).toBe('123.457');
    expect(sig(0)).toBe('0');
    expect(sig(Infinity)).toBe('inf');
    expect(sig(NaN)).toBe('nan');
  });
});

describe('reachToCsv', () => {
  const r = fixtureReach();
  const lines = reachToCsv(r).trimEnd().split('\n');
  const body = lines;

  it('starts with the header (units in the names), no comment lines anywhere', () => {
    expect(lines[0]).toBe(
      'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung,radiative_events_eps1,radiative_error,epsilon90_radiative,epsilon90_counting,mass_chi_GeV,y90,invisible_branching_ratio90,valid,note',
    );
    expect(lines[0]).toBe(REACH_CSV_HEADER);
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([]);
  });

  it('puts the configuration, best point and edges in range into the CSVW sidecar', () => {
    const meta = reachCsvMetadata(r, [], 'reach.csv');
    expect(meta['@context']).toBe('http://www.w3.org/ns/csvw');
    expect(meta.url).toBe('reach.csv');
    expect(meta.tableSchema.columns.map((c) => c.name).join(',')).toBe(REACH_CSV_HEADER);
    expect(meta.vanish.config).toEqual(r.config);
    expect(meta.vanish.best.massGeV).toBe(r.best.massGeV);
    expect(meta.vanish.best.massChiGeV).toBe(r.best.massGeV / r.config.massRatio);
    expect(JSON.parse(reachCsvMetadataJson(r))).toEqual(JSON.parse(JSON.stringify(meta)));
    expect(csvMetadataName('out/reach.csv')).toBe('out/reach.csv-metadata.json');
  });

  it('lists only the edges inside the mass range', () => {
    const lo = r.points[0].massGeV;
    const hi = r.points.at(-1)!.massGeV;
    const narrow = { ...r, points: r.points.filter((p) => p.massGeV <= 0.07) };
    const inside = edgesInRange(narrow);
    expect(inside.every((e) => e.massGeV >= lo && e.massGeV <= 0.07 * (1 + 1e-12))).toBe(true);
    expect(inside.length).toBeLessThan(r.edges.filter((e) => e.massGeV >= lo && e.massGeV <= hi).length + 1);
    const outside = { ...r, edges: [...r.edges, { massGeV: 10 * hi, label: 'far away' }] };
    expect(edgesInRange(outside).map((e) => e.label)).not.toContain('far away');
  });

  it('has one row per point whose numbers read back to 6 digits', () => {
    const rows = body.slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(r.points.length);
    rows.forEach((row, i) => {
      const p = r.points[i];
      expect(row).toHaveLength(17); // 15 numbers (the fixture has no B_inv: nan), then valid (1) and an empty note
      expect(row[15]).toBe(1);
      // the y–m_χ plane: m_χ = m_A′/massRatio, y = ε² α_D (m_χ/m_A′)⁴
      expect(Math.abs(row[12] / (p.massGeV / r.config.massRatio) - 1)).toBeLessThan(5e-6);
      expect(Math.abs(row[13] / ((p.epsilon90 ** 2 * r.config.alphaD) / r.config.massRatio ** 4) - 1)).toBeLessThan(5e-6);
      expect(Math.abs(row[0] / p.massGeV - 1)).toBeLessThan(5e-6);
      expect(Math.abs(row[3] / p.bremsstrahlung - 1)).toBeLessThan(5e-6);
      expect(Math.abs(row[5] / p.epsilon90 - 1)).toBeLessThan(5e-6);
    });
    expect(body[1].split(',')[6]).toBe('inf'); // no annihilation at 1 MeV
  });
});

describe('reachToCsv with comparison curves', () => {
  const r = fixtureReach();
  const long: Comparison = { label: 'long', points: Array.from({ length: r.points.length + 3 }, (_, i): [number, number] => [0.001 * 1.3 ** i, 1e-4 * 1.1 ** i]) };
  const short: Comparison = { label: 'NA64 2019, "90% CL"', file: 'na64.txt', points: [[0.002, 3e-5], [0.5, Infinity]] };

  it('is byte for byte the plain CSV without comparisons', () => {
    expect(reachToCsv(r, [])).toBe(reachToCsv(r));
  });

  it('appends compare{k}_mass_GeV,compare{k}_epsilon90 per curve: point i in row i, empty cells where a curve or the reach has no row', () => {
    const lines = reachToCsv(r, [long, short]).trimEnd().split('\n');
    expect(lines[0]).toBe(`${REACH_CSV_HEADER},compare1_mass_GeV,compare1_epsilon90,compare2_mass_GeV,compare2_epsilon90`);
    const plain = reachToCsv(r).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + long.points.length);
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      expect(cells, `row ${i}`).toHaveLength(17 + 4);
      expect(cells.slice(0, 17).join(','), `row ${i}`).toBe(i < r.points.length ? plain[i + 1] : ','.repeat(16));
      expect(cells.slice(17, 19).map(Number), `row ${i}`).toEqual(long.points[i].map((v) => Number(sig(v))));
      expect(cells.slice(19), `row ${i}`).toEqual(i < short.points.length ? short.points[i].map((v) => sig(v)) : ['', '']);
    });
    expect(lines[2].split(',').slice(19)).toEqual(['0.500000', 'inf']);
  });

  it('names each pair of columns with its curve in the sidecar, after the reach columns', () => {
    const meta = reachCsvMetadata(r, [long, short], 'reach.csv');
    const header = reachToCsv(r, [long, short]).split('\n')[0];
    expect(meta.tableSchema.columns.map((c) => c.name).join(',')).toBe(header);
    const described = meta.tableSchema.columns.slice(17).map((c) => c['dc:description']);
    expect(described[0]).toContain('long');
    expect(described[1]).toContain('long');
    expect(described[2]).toContain('NA64 2019, "90% CL"');
    expect(described[3]).toContain('NA64 2019, "90% CL"');
    expect(meta.tableSchema.columns.slice(17).map((c) => c.unit)).toEqual(['GeV', '1', 'GeV', '1']);
    expect(meta.vanish.comparisons.map((c) => c.label)).toEqual(['long', 'NA64 2019, "90% CL"']);
  });
});

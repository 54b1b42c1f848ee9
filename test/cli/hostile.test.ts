/**
 * Hostile command lines and files, run in-process with a stand-in library:
 * every one is a single line `vanish: error: …` with status 2 (nothing on
 * stdout, no file written, no escape sequence echoed raw), or a correct result.
 * Signals, full disks and broken pipes need a real process: see process.test.ts.
 */
import { linkSync, mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH, MAX_YAML_ENTRIES } from '../../cli/configFile.js';
import { visible } from '../../cli/errors.js';
import { run } from '../../cli/run.js';
import { esc } from '../../src/plot/svg.js';
import { fakeLibrary } from './fakeLibrary.js';

async function vanish(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false }, fakeLibrary);
  return { status, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'vanish-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content?: string) => {
  const p = path.join(dir, name);
  if (content !== undefined) writeFileSync(p, content);
  return p;
};

/** One line, status 2, nothing on stdout, no raw control character, no stack. */
function expectOneLine(r: { status: number; stdout: string; stderr: string }, message: RegExp, status = 2) {
  expect(r.stderr).toMatch(message);
  expect(r.status).toBe(status);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

describe('config files', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a key named %s is an unknown field (own keys only)', async (key) => {
    for (const [name, text] of [
      [`${key}.yaml`, `${key}: 1\n`],
      [`${key}.json`, `{"${key}": 1}`],
    ]) {
      const r = await vanish(['config', '--config', file(name, text)]);
      expectOneLine(r, new RegExp(`^vanish: error: --config .*: unknown config field ${key}: allowed fields are kind, electronBeamEnergy`));
      expect(r.stderr).not.toContain('undefined');
    }
  });

  it('refuses values nested deeper than the limit, however deep (JSON and YAML, 100 000 levels)', async () => {
    const n = 100_000;
    const cases = [
      file('deep-list.json', `${'['.repeat(n)}${']'.repeat(n)}`),
      file('deep-value.json', `{"lumi": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
      file('deep-flow.yaml', `lumi: ${'['.repeat(n)}${']'.repeat(n)}\n`),
      file('deep-block.yaml', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')),
    ];
    for (const f of cases) {
      expectOneLine(await vanish(['config', '--config', f]), new RegExp(`^vanish: error: --config .* nests values more than ${MAX_CONFIG_DEPTH} deep`));
    }
  });

  it('refuses a file larger than the limit before parsing it, and says the limit', async () => {
    const big = file('big.yaml', `# ${'x'.repeat(MAX_CONFIG_BYTES)}\nlumi: 5\n`);
    expectOneLine(await vanish(['config', '--config', big]), /^vanish: error: --config .*big\.yaml is larger than the limit of 1 MiB/);
    expectOneLine(await vanish(['config', '--config', '/dev/zero']), /^vanish: error: --config \/dev\/zero is larger than the limit of 1 MiB/);
  });

  it('refuses a YAML file with too many entries without parsing it (100 000 keys), and reads 60 000 keys of JSON', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}`);
    const yaml = file('many.yaml', keys.map((k) => `${k}: 1`).join('\n'));
    expectOneLine(await vanish(['config', '--config', yaml]), new RegExp(`more than the limit of ${MAX_YAML_ENTRIES.toLocaleString('en-US')}`));
    const json = file('many.json', JSON.stringify(Object.fromEntries(keys.slice(0, 60_000).map((k) => [k, 1]))));
    expectOneLine(await vanish(['config', '--config', json]), /^vanish: error: --config .*: unknown config fields k0, k1, k2, k3, k4 and 59995 more: allowed/);
  });

  it('refuses a key given twice, in YAML and in JSON', async () => {
    expectOneLine(await vanish(['config', '--config', file('dup.yaml', 'lumi: 5\nalphaD: 0.1\nlumi: 6\n')]), /^vanish: error: --config .*dup\.yaml sets field lumi twice/);
    expectOneLine(await vanish(['config', '--config', file('dup.json', '{"lumi": 5, "lumi": 6}')]), /^vanish: error: --config .*dup\.json sets field lumi twice/);
  });

  it('makes what YAML only warns about an error, with no Node warning', async () => {
    const r = await vanish(['config', '--config', file('tag.yaml', 'lumi: !unknown 5\n')]);
    expectOneLine(r, /^vanish: error: --config .*tag\.yaml is not valid YAML \(Unresolved tag: !unknown at line 1, column 7\)/);
  });

  it('refuses binary and non-UTF-8 files and directories', async () => {
    expectOneLine(await vanish(['config', '--config', file('nul.yaml', 'lumi: 5\0\n')]), /is not a text file \(it holds NUL bytes\)/);
    writeFileSync(file('latin1.yaml'), Buffer.from([0x6c, 0x3a, 0x20, 0xe9, 0x0a]));
    expectOneLine(await vanish(['config', '--config', file('latin1.yaml')]), /is not UTF-8 text/);
    expectOneLine(await vanish(['config', '--config', dir]), /cannot be read \(is a directory\)/);
    expectOneLine(await vanish(['config', '--config', '']), /^vanish: error: --config "" is empty/);
  });

  it('reads an empty file, /dev/null and a file with a byte-order mark', async () => {
    for (const f of ['/dev/null', file('empty.yaml', ''), file('bom.json', '\ufeff{"lumi": 7}')]) {
      const r = await vanish(['config', '--config', f, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('never echoes escape sequences from keys or values raw', async () => {
    const r = await vanish(['config', '--config', file('esc.yaml', '"\\e]0;pwned\\a\\e[31mred": 5\n')]);
    expectOneLine(r, /^vanish: error: --config .*: unknown config field "\\u001b\]0;pwned\\u0007\\u001b\[31mred"/);
    const v = await vanish(['config', '--config', file('esc-value.yaml', 'material: "\\e[2J"\n')]);
    expectOneLine(v, /config field material = "\\u001b\[2J" is not allowed/);
  });

  it('names a long value briefly', async () => {
    const r = await vanish(['config', '--config', file('long.json', JSON.stringify({ lumi: 'x'.repeat(10_000) }))]);
    expectOneLine(r, /config field lumi = "x{59}… is not allowed/);
  });
});

describe('command lines', () => {
  it.each([
    [['reach', '--lumi', '5', '--lumi', '6'], /^vanish: error: --lumi is given twice \(5, then 6\): give it once$/m],
    [['reach', '--format', 'json', '--format', 'csv'], /^vanish: error: --format is given twice/],
    [['yield', '--mass', '66MeV', '--mass', '70MeV'], /^vanish: error: --mass is given twice/],
    [['reach', '--points', '0'], /^vanish: error: --points "0" is not allowed: expected a whole number of masses from 2 to 10000/],
    [['reach', '--points', '1e999'], /^vanish: error: --points "1e999" is not allowed/],
    [['reach', '--points', '99999999999999999999'], /^vanish: error: --points "99999999999999999999" is not allowed/],
    [['reach', '--points', ''], /^vanish: error: --points "" is not allowed/],
    [['reach', '--masses', Array(10_001).fill('1MeV').join(',')], /^vanish: error: --masses lists 10001 masses, more than the limit of 10000/],
    [['yield', '--mass', ''], /^vanish: error: --mass "" is not a mass/],
    [['yield', '--mass', 'NaN'], /^vanish: error: --mass NaN is not a mass/],
    [['yield', '--mass', 'Infinity'], /^vanish: error: --mass Infinity is not a mass/],
    [['yield', '--mass', '0x10'], /^vanish: error: --mass 0x10 is not a mass/],
    [['yield', '--mass', '1e999'], /^vanish: error: --mass 1e999 is not allowed/],
    [['reach', '--lumi', ''], /^vanish: error: --lumi "" is not a number/],
    [['reach', '--lumi', 'Infinity'], /^vanish: error: --lumi "Infinity" is not a number/],
    [['reach', '--lumi', '1e999'], /^vanish: error: --lumi "1e999" is not a number/],
    [['reach', '--format', ''], /^vanish: error: option '--format <format>' argument '' is invalid/],
    [['reach', '--format', '\u001b[31mjson'], /^vanish: error: option '--format <format>' argument '\\u001b\[31mjson' is invalid/],
    [['reach', '--experiment', '\u001b]0;x\u0007'], /^vanish: error: --experiment \\u001b\]0;x\\u0007 is not a built-in experiment/],
    [[''], /^vanish: error: unknown command ''/],
    [['spaceship'], /^vanish: error: unknown command 'spaceship'/],
    [['help', 'spaceship'], /^vanish: error: unknown command 'spaceship'/],
    [['yield', '--mass', '9'.repeat(100_000)], /^vanish: error: --mass 9{120}…9{40} is not allowed: expected a positive number/],
    [['reach', '-o', ''], /^vanish: error: --output "" is empty: give a file name/],
    [['reach', '-o', '/'], /^vanish: error: --output \/ is a directory: give a file name/],
    [['reach', '-o', '/no/such/dir/x.csv'], /^vanish: error: --output \/no\/such\/dir\/x\.csv cannot be written \(no such directory \/no\/such\/dir\)/],
    [['reach', '-o', `${'x'.repeat(300)}.csv`], /^vanish: error: --output x+…x+\.csv cannot be written \(file name too long\)/],
    [['reach', '--plot', ''], /^vanish: error: --plot "" has an unsupported extension/],
    [['reach', '--compare', ''], /^vanish: error: --compare "" has no file/],
    [['reach', '--compare', '/dev/zero'], /^vanish: error: --compare \/dev\/zero is larger than the limit of 16 MiB/],
  ])('%j', async (args, message) => {
    expectOneLine(await vanish(args as string[]), message as RegExp);
  });

  it('reads unicode and spaces in paths and labels', async () => {
    const curve = file('курс ε.txt', '0.01 1e-4\n0.1 2e-4\n');
    const r = await vanish(['reach', '--points', '3', '--compare', `NA64 ε=${curve}`, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).comparisons[0].label).toBe('NA64 ε');
  });
});

describe('outputs naming one file', () => {
  it('is an error, whatever the spelling, and nothing is written', async () => {
    const sub = mkdtempSync(path.join(dir, 'same-'));
    mkdirSync(path.join(sub, 'd'));
    writeFileSync(path.join(sub, 'old.svg'), 'old');
    // --output names a text file (an image's name is refused as such, below): the same file as the figure through links
    symlinkSync('old.svg', path.join(sub, 'link.txt'));
    linkSync(path.join(sub, 'old.svg'), path.join(sub, 'hard.txt'));
    symlinkSync('fresh.svg', path.join(sub, 'dangling.txt'));
    const pairs = [
      ['link.txt', 'old.svg'],
      ['./d/../link.txt', './d/../old.svg'],
      ['hard.txt', 'old.svg'],
      ['dangling.txt', 'fresh.svg'],
    ];
    for (const [o, p] of pairs) {
      const r = await vanish(['reach', '--points', '3', '-o', path.join(sub, o), '--plot', path.join(sub, p)]);
      expectOneLine(r, /^vanish: error: --output and --plot name the same file/);
    }
    for (const [o, p] of [['x.svg', 'x.svg'], ['x.svg', './d/../x.svg']]) {
      const r = await vanish(['reach', '--points', '3', '-o', path.join(sub, o), '--plot', path.join(sub, p)]);
      expectOneLine(r, /^vanish: error: --output \S+x\.svg would hold the table text, not an image: a figure is written with --plot/);
    }
    expect(readdirSync(sub).sort()).toEqual(['d', 'dangling.txt', 'hard.txt', 'link.txt', 'old.svg']);
  });
});

describe('labels in figures and on terminals', () => {
  it('escapes every character XML cannot hold, so the SVG parses', async () => {
    const bad = 'a\u0000b\u0007c\u001b[31md\u0085e\ufffe\ud800<&>"\'';
    expect(() => new Resvg(`<svg xmlns="http://www.w3.org/2000/svg"><text>${bad}</text></svg>`)).toThrow();
    expect(() => new Resvg(`<svg xmlns="http://www.w3.org/2000/svg"><text title="${esc(bad)}">${esc(bad)}</text></svg>`)).not.toThrow();
  });

  it('draws a comparison whose label and file name hold control characters as a valid SVG', async () => {
    const curve = file('ctl\u001b[1m.txt', '0.01 1e-4\n0.1 2e-4\n');
    const svg = path.join(dir, 'ctl.svg');
    const r = await vanish(['reach', '--points', '3', '--compare', `x\u0007\u001b[31my=${curve}`, '--compare', curve, '--plot', svg]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const { readFileSync } = await import('node:fs');
    expect(() => new Resvg(readFileSync(svg, 'utf8'))).not.toThrow();
  });

  it('shows control characters of curve files visibly in errors', async () => {
    const curve = file('esc-curve.txt', '0.01 1e-4\n\u001b[2Jboom\n');
    expectOneLine(await vanish(['reach', '--compare', curve]), /line 2 "\\u001b\[2Jboom" is not allowed/);
  });

  it('visible() shows controls, bidi overrides and lone surrogates as escapes and keeps the rest', () => {
    expect(visible('a\u001b[31mb\u202ec\nd\ud800 ε — 日本')).toBe('a\\u001b[31mb\\u202ec\\u000ad\\ud800 ε — 日本');
  });
});

// What fundbook prints for scripts and spreadsheets: `figures --format csv`, `check --format json`, and
// every tie-out listed in figures.json. Run in-process (test/run-cli.ts).
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const IQM = 'data/iqm/2011-08-31.yaml';

/** RFC 4180 lines, enough for this output (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].filter((m) => m.index! < line.length || m[1] !== '').map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replaceAll('""', '"') : m[1]!)));
}

describe('fundbook figures --format csv', async () => {
  const run = await runCli(['figures', '--format', 'csv', IQM]);
  const rows = parseCsv(run.stdout);

  it('exits 0 and prints a header and one row per figure path', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(rows[0]).toEqual(['path', 'label', 'unit', 'value']);
    const paths = rows.slice(1).map((r) => r[0]);
    expect(new Set(paths).size).toBe(paths.length);
    for (const r of rows.slice(1)) expect(r, r.join('|')).toHaveLength(4);
  });

  it('writes the exact decimals: the filing\'s total assets $286,382,448 and the 0.27% fee as 0.0027', () => {
    const byPath = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byPath.get('statements.assets_and_liabilities.assets.total_assets')).toEqual(['statements.assets_and_liabilities.assets.total_assets', 'Total assets', 'balance', '286382448']);
    expect(byPath.get('statements.assets_and_liabilities.nav_per_share')?.slice(2)).toEqual(['perShare', '14.47']);
    // 735,719 / 187,753,000 x 365/184 = 0.777331...%
    expect(byPath.get('figures.expenseCap.grossRatio')?.slice(2)).toEqual(['ratio', '0.007773']);
  });

  it('refuses an unknown format with exit 2', async () => {
    const bad = await runCli(['figures', '--format', 'xml', IQM]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('fundbook figures: --format takes "json" or "csv", not "xml"\n');
  });
});

describe('fundbook check --format json', async () => {
  const run = await runCli(['check', '--format', 'json', IQM]);
  const text = await runCli(['check', IQM]);
  const json = JSON.parse(run.stdout) as { files: { file: string; errors: number; warnings: number; tieOuts: { checked: number; failed: number }; diagnostics: { severity: string; code: string; file: string; line: number; col: number; path: string; message: string }[] }[] };

  it('exits as the text form does and gives each file its counts and located diagnostics', () => {
    expect(run.status).toBe(0);
    expect(json.files).toHaveLength(1);
    const [file] = json.files;
    const warnings = text.stdout.split('\n').filter((l) => / warning [A-Z_]+: /.test(l)).length;
    expect(warnings).toBeGreaterThanOrEqual(8);
    expect(file).toMatchObject({ file: IQM, errors: 0, warnings, tieOuts: { checked: 159, failed: 2 } });
    // The same findings as the text lines, field for field.
    // (less the sign-off status line, which the JSON does not carry yet)
    const lines = text.stdout.trim().split('\n').slice(0, -1).filter((l) => !/^(not )?signed: /.test(l));
    expect(file!.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.path}: ${d.severity} ${d.code}: ${d.message}`)).toEqual(lines);
    expect(file!.diagnostics.find((d) => d.code === 'QUORUM_NOT_MET')).toMatchObject({ severity: 'warning', path: 'proxy[0].proposals[0].groups[1].group' });
  });

  it('reports a file that does not load, with each problem located, and exits 1', async () => {
    const bad = await runCli(['check', '--format', 'json', 'test/bad-input/base.yaml', 'no-such-file.yaml']);
    expect(bad.status).toBe(1);
    const files = (JSON.parse(bad.stdout) as typeof json).files;
    expect(files.map((f) => [f.file, f.errors, f.tieOuts])).toEqual([
      ['test/bad-input/base.yaml', 0, { checked: 159, failed: 2 }],
      ['no-such-file.yaml', 1, null],
    ]);
    expect(files[1]!.diagnostics).toHaveLength(1);
    expect(files[1]!.diagnostics[0]).toMatchObject({ severity: 'error', code: 'FILE', file: 'no-such-file.yaml', line: 1, col: 1 });
  });
});

describe('figures.json lists every tie-out with its parts', async () => {
  const run = await runCli(['figures', IQM]);
  const figures = JSON.parse(run.stdout) as { tieOuts: { checked: number; failed: number; list: { label: string; path: string; stated: string; computed: string; difference: string; tolerance: string; ok: boolean; location: string }[] } };

  it('159 tie-outs, each stated, computed, difference, tolerance and location; the two that fail', () => {
    expect(figures.tieOuts.checked).toBe(159);
    expect(figures.tieOuts.list).toHaveLength(159);
    for (const t of figures.tieOuts.list) expect(t.location).toMatch(/^data\/iqm\/2011-08-31\.yaml:\d+:\d+$/);
    expect(figures.tieOuts.list.filter((t) => !t.ok).map((t) => [t.path, t.stated, t.computed, t.difference])).toEqual([
      ['schedule_of_investments.groups[24].percent_of_net_assets', '0.0088', '0.0087', '0.0001'],
      ['schedule_of_investments.groups[30].percent_of_net_assets', '0.008', '0.0079', '0.0001'],
    ]);
    const nav = figures.tieOuts.list.find((t) => t.path === 'statements.assets_and_liabilities.nav_per_share')!;
    expect(nav).toMatchObject({ stated: '14.47', computed: '14.47', difference: '0', ok: true });
  });
});

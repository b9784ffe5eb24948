// A fund complex in one run: validation first, a browser crash mid-batch, Ctrl-C, sharding through the CLI.
// The complexes are generated (npm run gen:complex), small enough to print in seconds; the shard's are
// copies of IQM under other ids. The crash and the interrupt are real (SIGKILL to Chromium, SIGINT to
// fundbook), and the process table is checked afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { chromiumGroups, gone } from './processes.js';

const BIN = new URL('../bin/fundbook.js', import.meta.url).pathname;
const IQM = readFileSync('data/iqm/2011-08-31.yaml', 'utf8');
let root: string;

/** A complex of `n` copies of IQM as funds fund-01 ... fund-nn. */
function complex(dir: string, n: number): void {
  for (let i = 1; i <= n; i++) {
    const id = `fund-${String(i).padStart(2, '0')}`;
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(join(dir, id, '2011-08-31.yaml'), IQM.replace('  id: iqm\n', `  id: ${id}\n`));
  }
}

/** A generated complex (npm run gen:complex) of `funds` funds over two periods, 50 to `holdings` holdings each. */
function generate(dir: string, funds: number, holdings: number): void {
  execFileSync('node', ['dist/synthetic/gen-complex.js', '--funds', String(funds), '--periods', '2', '--seed', '11', '--min-holdings', '50', '--max-holdings', String(holdings), '--out', dir]);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

/** Run fundbook build, calling `onLine` for each stdout line; resolves with the exit code and output. */
function build(args: string[], onLine: (line: string, pid: number) => void = () => undefined): Promise<{ code: number | null; signal: string | null; stdout: string; groups: Set<number> }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, 'build', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const groups = new Set<number>();
    const poll = setInterval(() => chromiumGroups(child.pid!).forEach((g) => groups.add(g)), 50);
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) onLine(line, child.pid!);
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, groups });
    });
  });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fundbook-batch-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fundbook build over a fund complex', () => {
  it('stops cleanly on Ctrl-C: exit 130, no half-written file, no Chromium left', async () => {
    const data = join(root, 'interrupt');
    const out = join(root, 'interrupt-out');
    generate(data, 2, 50);
    let sent = false;
    const r = await build([data, '--out', out, '--only', 'report', '--no-progress', '--concurrency', '2'], (line, pid) => {
      if (!sent && line.startsWith('built ')) {
        sent = true;
        process.kill(pid, 'SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('fundbook: stopped by SIGINT; no output was left half-written');
    const written = files(out);
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const pdfs = written.filter((x) => x.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    // Whole: each PDF is the file its folder's manifest records (sha256 and size), and it opens. A
    // report of 50 or more holdings runs past ten pages; a period diff may be shorter.
    for (const f of pdfs) {
      const manifest = JSON.parse(readFileSync(join(out, dirname(f), 'manifest.json'), 'utf8')) as { files: Record<string, { sha256: string; bytes: number }> };
      expect(manifest.files[basename(f)], f).toEqual({ sha256: sha256File(join(out, f)), bytes: statSync(join(out, f)).size });
      const pages = Number(pdfInfo(join(out, f)).Pages);
      if (f.endsWith('shareholder-report.pdf')) expect(pages, f).toBeGreaterThan(10);
      else expect(pages, f).toBeGreaterThanOrEqual(1);
    }
    expect(r.groups.size).toBeGreaterThanOrEqual(1);
    for (const g of r.groups) expect(await gone(g), `chromium group ${g}`).toBe(true);
  });

  it('--shard i/n through the CLI: the shards take disjoint sets of funds whose union is the complex', async () => {
    const data = join(root, 'shard');
    complex(data, 5);
    const chosen: string[][] = [];
    for (const i of [1, 2, 3]) {
      // A dry run shards as a build does (the same list, the same first line) and prints nothing.
      const r = await runCli(['build', data, '--out', join(root, `shard-out-${i}`), '--shard', `${i}/3`, '--only', 'report', '--dry-run', '--force']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^shard ${i}/3: \\d of 5 fund-period files$`, 'm'));
      chosen.push([...r.stdout.matchAll(/^would print \S+\/(fund-\d+)\/2011-08-31\/shareholder-report\.pdf: /gm)].map((m) => m[1]!).sort());
    }
    expect(chosen).toEqual([['fund-01', 'fund-04'], ['fund-02', 'fund-05'], ['fund-03']]);
  });
});

describe('a generated fund complex (npm run gen:complex), built end to end', () => {
  it('validates first and survives Chromium being killed mid-batch: a broken fund is reported and skipped (exit 1); 2 funds over 2 periods build their reports, board books and period diffs, the documents in flight retried on a relaunched Chromium, every PDF whole, no process left behind', async () => {
    const data = join(root, 'complex');
    const out = join(root, 'complex-out');
    generate(data, 2, 80);
    // A broken copy of the first fund-period, sorted first of all.
    const first = files(data).find((f) => f.endsWith('.yaml'))!;
    mkdirSync(join(data, 'a-broken'));
    const good = readFileSync(join(data, first), 'utf8');
    const fundId = first.split('/')[0]!;
    const broken = good.replaceAll(fundId, 'a-broken').replace(/^(\s+advisory_fees: )([\d,]+)$/m, '$137x455');
    expect(broken).toMatch(/advisory_fees: 37x455$/m);
    writeFileSync(join(data, 'a-broken', first.split('/')[1]!), broken);
    let killed = false;
    const r = await build([data, '--out', out, '--no-progress', '--concurrency', '2'], (line, pid) => {
      if (!killed && line.startsWith('built ')) {
        killed = true;
        const [group] = chromiumGroups(pid);
        if (group) process.kill(-group, 'SIGKILL');
      }
    });
    expect(killed).toBe(true);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/^SKIPPED .*a-broken\/\d{4}-\d\d-\d\d\.yaml: 1 error$/m);
    expect(r.stdout).toMatch(/statements\.operations\.expenses\.advisory_fees: error INVALID_VALUE: "37x455" is not an amount/);
    // Validation comes first: the broken fund is reported before anything is built.
    expect(r.stdout.indexOf('SKIPPED ')).toBeLessThan(r.stdout.indexOf('built '));
    expect(r.stdout).toMatch(/^4 built, 0 failed, 1 skipped with errors, in [\d.]+ s at concurrency 2$/m);
    expect(files(out).some((f) => f.startsWith('a-broken'))).toBe(false);
    expect(r.groups.size).toBeGreaterThanOrEqual(2); // a second Chromium was launched
    expect(r.stdout).toMatch(/retried/);
    expect(files(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const g of r.groups) expect(await gone(g), `chromium group ${g}`).toBe(true);
    const pdfs = files(out).filter((f) => f.endsWith('.pdf'));
    // 4 reports + 4 board books + 2 period diffs.
    expect(pdfs.filter((f) => f.endsWith('shareholder-report.pdf'))).toHaveLength(4);
    expect(pdfs.filter((f) => f.endsWith('board-approval.pdf'))).toHaveLength(4);
    expect(pdfs.filter((f) => f.endsWith('period-diff.pdf'))).toHaveLength(2);
    for (const f of pdfs) expect(Number(pdfInfo(join(out, f)).Pages), f).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(out, files(out).find((f) => f.endsWith('manifest.json'))!), 'utf8'));
    expect(manifest.documents['shareholder-report'].requestsBlocked).toEqual([]);

    // A batch prints document after document on the same pages and finishes them on its worker thread;
    // each PDF must still be the very bytes a build of that fund on its own gives.
    const last = files(data).filter((f) => f.endsWith('.yaml')).sort().at(-1)!;
    const alone = join(root, 'complex-alone');
    const single = await runCli(['build', join(data, last), '--out', alone, '--no-progress', '--no-diff']);
    expect(single.status, single.stdout + single.stderr).toBe(0);
    const rel = (f: string) => f.slice(f.indexOf('/') + 1);
    const fund = last.split('/')[0]!;
    const batchPdfs = pdfs.filter((f) => f.startsWith(`${fund}/${last.split('/')[1]!.replace('.yaml', '')}/`) && !f.endsWith('period-diff.pdf'));
    expect(batchPdfs).toHaveLength(2);
    for (const f of batchPdfs) expect(sha256File(join(alone, f)), rel(f)).toBe(sha256File(join(out, f)));
  });
});

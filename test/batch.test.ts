// A fund complex in one run: validation first, a browser crash mid-batch, Ctrl-C, sharding through the CLI.
// The funds are copies of IQM under other ids; the crash and the interrupt are real (SIGKILL to Chromium,
// SIGINT to fundbook), and the process table is checked afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { chromiumGroups, gone } from './processes.js';

const BIN = new URL('../bin/fundbook.js', import.meta.url).pathname;
const IQM = readFileSync('data/iqm/2011-08-31.yaml', 'utf8');
let root: string;

/** A complex of `n` copies of IQM as funds fund-01 ... fund-nn, plus optionally a broken one. */
function complex(dir: string, n: number, broken = false): void {
  for (let i = 1; i <= n; i++) {
    const id = `fund-${String(i).padStart(2, '0')}`;
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(join(dir, id, '2011-08-31.yaml'), IQM.replace('  id: iqm\n', `  id: ${id}\n`));
  }
  if (broken) {
    mkdirSync(join(dir, 'broken'), { recursive: true });
    writeFileSync(join(dir, 'broken', '2011-08-31.yaml'), IQM.replace('  id: iqm\n', '  id: broken\n').replace('advisory_fees: 377,455', 'advisory_fees: 37x455'));
  }
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
  it('validates first and survives Chromium being killed mid-batch: a broken fund is reported and skipped (exit 1), the others build; Chromium relaunched, the documents in flight retried, every PDF whole, no process left behind', async () => {
    const data = join(root, 'crash');
    const out = join(root, 'crash-out');
    complex(data, 4, true);
    let killed = false;
    const r = await build([data, '--out', out, '--only', 'report', '--no-progress', '--concurrency', '2'], (line, pid) => {
      if (!killed && line.startsWith('built ')) {
        killed = true;
        const [group] = chromiumGroups(pid);
        if (group) process.kill(-group, 'SIGKILL');
      }
    });
    expect(killed).toBe(true);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^SKIPPED .*broken\/2011-08-31\.yaml: 1 error$/m);
    expect(r.stdout).toMatch(/statements\.operations\.expenses\.advisory_fees: error INVALID_VALUE: "37x455" is not an amount/);
    // Validation comes first: the broken fund is reported before anything is built.
    expect(r.stdout.indexOf('SKIPPED ')).toBeLessThan(r.stdout.indexOf('built '));
    expect(r.stdout).toMatch(/^4 built, 0 failed, 1 skipped with errors, in [\d.]+ s at concurrency 2$/m);
    expect(r.stdout).toMatch(/^fund-01 +2011-08-31 +built /m);
    expect(files(out).some((f) => f.startsWith('broken'))).toBe(false);
    expect(r.groups.size).toBeGreaterThanOrEqual(2); // a second Chromium was launched
    expect(r.stdout).toMatch(/retried/);
    for (let i = 1; i <= 4; i++) {
      const pdf = join(out, `fund-0${i}`, '2011-08-31', 'shareholder-report.pdf');
      expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(20);
    }
    expect(files(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const g of r.groups) expect(await gone(g), `chromium group ${g}`).toBe(true);
  });

  it('stops cleanly on Ctrl-C: exit 130, no half-written file, no Chromium left', async () => {
    const data = join(root, 'interrupt');
    const out = join(root, 'interrupt-out');
    complex(data, 3);
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
    for (const f of written.filter((x) => x.endsWith('.pdf'))) expect(Number(pdfInfo(join(out, f)).Pages)).toBeGreaterThan(20);
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
  it('builds 2 synthetic funds over 2 periods: reports, board books and period diffs, all valid', async () => {
    const data = join(root, 'complex');
    const out = join(root, 'complex-out');
    execFileSync('node', ['dist/synthetic/gen-complex.js', '--funds', '2', '--periods', '2', '--seed', '11', '--max-holdings', '80', '--out', data]);
    const r = await build([data, '--out', out, '--no-progress', '--concurrency', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4 built, 0 failed, 0 skipped with errors/m);
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
    const single = await build([join(data, last), '--out', alone, '--no-progress', '--no-diff']);
    expect(single.code).toBe(0);
    const rel = (f: string) => f.slice(f.indexOf('/') + 1);
    const fund = last.split('/')[0]!;
    const batchPdfs = pdfs.filter((f) => f.startsWith(`${fund}/${last.split('/')[1]!.replace('.yaml', '')}/`) && !f.endsWith('period-diff.pdf'));
    expect(batchPdfs).toHaveLength(2);
    for (const f of batchPdfs) expect(sha256File(join(alone, f)), rel(f)).toBe(sha256File(join(out, f)));
  });
});

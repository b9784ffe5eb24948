// The output set of a fund-period is replaced all or nothing. Every file-system call the swap makes is
// made to fail in turn, and after each failure the folder holds the previous set, byte for byte, with a
// manifest that matches it; then the same with the process "killed" at each call (every later call fails
// too, so nothing is undone) and the next run's recovery restoring the previous set.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFundPeriod } from '../src/pipeline/fund-period-output.js';
import { commitOutputSet, MANIFEST, recoverOutputSet, STAGING, type OutputFs } from '../src/pipeline/output-set.js';
import { LOCK, OutputLockedError, withOutputLock } from '../src/pipeline/output-lock.js';
import { spawn, spawnSync } from 'node:child_process';
import { HANG_MS } from './hang.js';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A set like a build's: documents, figures, a period diff, and a manifest listing each file's hash. */
function outputSet(version: string, names = ['shareholder-report.pdf', 'board-approval.pdf', 'figures.json', 'period-diff.pdf', 'period-diff.json']): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of names) files[name] = `${name} of ${version}\n`;
  files[MANIFEST] = JSON.stringify({ version, files: Object.fromEntries(Object.entries(files).map(([n, d]) => [n, { sha256: sha256(d) }])) });
  return files;
}

/** Every file in `dir` (the staging folder would show up too), name -> content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/** The manifest in `dir` lists exactly the files there (besides itself), each with its hash. */
function expectConsistent(dir: string) {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: Record<string, { sha256: string }> };
  const present = readdirSync(dir).filter((n) => n !== MANIFEST).sort();
  expect(Object.keys(manifest.files).sort()).toEqual(present);
  for (const name of present) expect(sha256(readFileSync(join(dir, name))), name).toBe(manifest.files[name]!.sha256);
}

const CALLS = ['mkdirSync', 'writeFileSync', 'renameSync', 'rmSync', 'existsSync', 'readFileSync'] as const;

/**
 * The real file system, except that call number `failAt` (counting every call) throws; with `dead`, so does
 * every call after it, as if the process had died there.
 */
function faulty(failAt: number, dead: boolean): { fs: OutputFs; calls: () => number } {
  let n = 0;
  const wrapped = {} as Record<string, unknown>;
  for (const name of CALLS) {
    wrapped[name] = (...args: unknown[]) => {
      n++;
      if (n === failAt || (dead && n > failAt)) throw Object.assign(new Error(`injected failure of ${name} (call ${n})`), { code: 'EIO' });
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { fs: wrapped as unknown as OutputFs, calls: () => n };
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fundbook-output-set-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('commitOutputSet', () => {
  it('replaces the set and leaves no staging folder', () => {
    const dir = join(root, 'plain');
    commitOutputSet(dir, outputSet('v1'));
    commitOutputSet(dir, outputSet('v2'));
    expect(snapshot(dir)).toEqual(outputSet('v2'));
    expectConsistent(dir);
  });

  for (const [label, previousNames] of [
    ['over a full previous set', undefined],
    ['over a previous set without the board book and the period diff', ['shareholder-report.pdf', 'figures.json']],
  ] as const) {
    it(`makes each call of the swap fail in turn, ${label}: the previous set stays, byte for byte, and matches its manifest`, () => {
      const dir = join(root, `each-${previousNames ? 'partial' : 'full'}`);
      const previous = outputSet('v1', previousNames ? [...previousNames] : undefined);
      let failures = 0;
      for (let failAt = 1; ; failAt++) {
        rmSync(dir, { recursive: true, force: true });
        commitOutputSet(dir, previous);
        expect(snapshot(dir)).toEqual(previous);
        const { fs: bad, calls } = faulty(failAt, false);
        try {
          commitOutputSet(dir, outputSet('v2'), bad);
        } catch (err) {
          failures++;
          expect((err as Error).message).toMatch(/^injected failure/);
          expect(snapshot(dir), `failure at call ${failAt}`).toEqual(previous);
          expectConsistent(dir);
          continue;
        }
        if (failAt > calls()) break; // no call failed: the swap is done
        // The one failure that does not undo the swap: removing the staging folder after the new
        // manifest is in place. The set is the new one; the next run removes the staging folder.
        recoverOutputSet(dir);
        expect(snapshot(dir)).toEqual(outputSet('v2'));
        expectConsistent(dir);
      }
      // Every call of the swap was made to fail once: the journal, 6 writes, up to 11 renames, checks...
      expect(failures).toBeGreaterThan(15);
    });
  }

  it('after a "kill" at each call of the swap, the folder has either no manifest or one that matches, and the next run restores the previous set', () => {
    const dir = join(root, 'killed');
    const previous = outputSet('v1');
    let kills = 0;
    for (let failAt = 1; ; failAt++) {
      rmSync(dir, { recursive: true, force: true });
      commitOutputSet(dir, previous);
      const { fs: dying, calls } = faulty(failAt, true);
      let killed = false;
      try {
        commitOutputSet(dir, outputSet('v2'), dying);
      } catch {
        killed = true;
      }
      if (!killed && failAt > calls()) break;
      kills++;
      // What a reader sees right after the crash: no manifest, or one that matches the files.
      if (readdirSync(dir).includes(MANIFEST)) {
        const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: Record<string, { sha256: string }> };
        for (const [name, { sha256: hash }] of Object.entries(manifest.files)) expect(sha256(readFileSync(join(dir, name))), `kill at ${failAt}: ${name}`).toBe(hash);
      }
      // The next run's recovery: the previous set if the new manifest was not yet in place, else the new set.
      recoverOutputSet(dir);
      expect(snapshot(dir), `kill at call ${failAt}`).toEqual(killed ? previous : outputSet('v2'));
      expectConsistent(dir);
    }
    expect(kills).toBeGreaterThan(15);
  });
});

describe('commitFundPeriod: the manifest lists every file in the folder', () => {
  const full = {
    'shareholder-report.pdf': 'report v1',
    'board-approval.pdf': 'board v1',
    'figures.json': '{"v":1}\n',
    'period-diff.pdf': 'diff v1',
    'period-diff.json': '{"d":1}\n',
  };
  const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: Record<string, { sha256: string; bytes: number; carried?: true }>; documents: Record<string, { sha256: string; carried?: true }> };

  it('lists what a run did not rebuild (--only report, --no-diff) as carried, with the hash of the file as it is', () => {
    const dir = join(root, 'carried');
    commitFundPeriod(dir, full, { documents: { 'shareholder-report': { file: 'shareholder-report.pdf', sha256: sha256('report v1') }, 'board-approval': { file: 'board-approval.pdf', sha256: sha256('board v1') } } });
    commitFundPeriod(dir, { 'shareholder-report.pdf': 'report v2', 'figures.json': '{"v":2}\n' }, { documents: { 'shareholder-report': { file: 'shareholder-report.pdf', sha256: sha256('report v2') } } });
    const m = manifestOf(dir);
    expect(m.files).toEqual({
      'board-approval.pdf': { sha256: sha256('board v1'), bytes: 8, carried: true },
      'figures.json': { sha256: sha256('{"v":2}\n'), bytes: 8 },
      'period-diff.json': { sha256: sha256('{"d":1}\n'), bytes: 8, carried: true },
      'period-diff.pdf': { sha256: sha256('diff v1'), bytes: 7, carried: true },
      'shareholder-report.pdf': { sha256: sha256('report v2'), bytes: 9 },
    });
    expect(m.documents['board-approval']).toEqual({ file: 'board-approval.pdf', sha256: sha256('board v1'), carried: true });
    expect(m.documents['shareholder-report']).toEqual({ file: 'shareholder-report.pdf', sha256: sha256('report v2') });
    expectConsistent(dir);
  });

  it('makes each call of a fund-period\'s write fail in turn: the previous set and its manifest stay', () => {
    const dir = join(root, 'fund-period-each');
    let failures = 0;
    for (let failAt = 1; ; failAt++) {
      rmSync(dir, { recursive: true, force: true });
      commitFundPeriod(dir, full, {});
      const before = snapshot(dir);
      const { fs: bad, calls } = faulty(failAt, false);
      try {
        commitFundPeriod(dir, { ...full, 'shareholder-report.pdf': 'report v2', 'period-diff.pdf': 'diff v2' }, {}, bad);
      } catch {
        failures++;
        expect(snapshot(dir), `failure at call ${failAt}`).toEqual(before);
        expectConsistent(dir);
        continue;
      }
      if (failAt > calls()) break;
      recoverOutputSet(dir);
      expectConsistent(dir);
    }
    expect(failures).toBeGreaterThan(15);
  });
});

describe('the output folder lock (one build writing into a folder at a time)', () => {
  const full = { 'shareholder-report.pdf': 'report v1', 'figures.json': '{"v":1}\n' };

  it('refuses, after waiting, a folder whose lock a live process holds: one line naming the lock; nothing touched', () => {
    const dir = join(root, 'locked');
    commitFundPeriod(dir, full, {});
    const before = snapshot(dir);
    // The test runner's parent process: certainly alive, and not this process.
    fs.writeFileSync(join(dir, LOCK), String(process.ppid));
    let ran = false;
    expect(() => withOutputLock(dir, () => (ran = true), 200)).toThrow(OutputLockedError);
    expect(() => withOutputLock(dir, () => undefined, 200)).toThrow(`${join(dir, LOCK)} is held by fundbook process ${process.ppid} (another build writing into the same folder); gave up after 0.2 s, nothing written for this fund-period (remove the file if no such build runs)`);
    expect(ran).toBe(false);
    fs.rmSync(join(dir, LOCK));
    expect(snapshot(dir)).toEqual(before);
  });

  it('takes over a stale lock (its process is gone) and finishes the undo of the swap it left half done', () => {
    const dir = join(root, 'stale');
    commitFundPeriod(dir, full, {});
    const before = snapshot(dir);
    // A build killed outright in the middle of its swap: the old manifest and report moved aside, the
    // new report in place, its lock left behind with the pid of a process that has ended.
    const staging = join(dir, STAGING);
    fs.mkdirSync(join(staging, 'new'), { recursive: true });
    fs.mkdirSync(join(staging, 'old'), { recursive: true });
    fs.writeFileSync(join(staging, 'journal.json'), JSON.stringify({ names: ['shareholder-report.pdf', MANIFEST], previous: ['shareholder-report.pdf', MANIFEST] }));
    fs.writeFileSync(join(staging, 'new', MANIFEST), '{}');
    fs.renameSync(join(dir, MANIFEST), join(staging, 'old', MANIFEST));
    fs.renameSync(join(dir, 'shareholder-report.pdf'), join(staging, 'old', 'shareholder-report.pdf'));
    fs.writeFileSync(join(dir, 'shareholder-report.pdf'), 'half-swapped report');
    const dead = spawnSync('true').pid;
    fs.writeFileSync(join(dir, LOCK), String(dead));
    commitFundPeriod(dir, { 'figures.json': '{"v":2}\n' }, {});
    expect(readFileSync(join(dir, 'shareholder-report.pdf'), 'utf8')).toBe(before['shareholder-report.pdf']);
    expect(readFileSync(join(dir, 'figures.json'), 'utf8')).toBe('{"v":2}\n');
    expect(readdirSync(dir).sort()).toEqual(['figures.json', MANIFEST, 'shareholder-report.pdf']);
    expectConsistent(dir);
  });

  it('waits for a live lock until it is released, then writes (a real second process holds it)', async () => {
    const dir = join(root, 'waits');
    commitFundPeriod(dir, full, {});
    const lock = join(dir, LOCK);
    // Another process takes the lock, says so, and lets it go half a second later (on its own clock:
    // this process's event loop does not run while it waits for the lock).
    const holder = spawn('node', ['-e', `const fs = require('fs'); fs.writeFileSync(${JSON.stringify(lock)}, String(process.pid), { flag: 'wx' }); console.log('held'); setTimeout(() => fs.rmSync(${JSON.stringify(lock)}), 500);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    expect(readFileSync(lock, 'utf8')).toBe(String(holder.pid));
    let wrote = false;
    withOutputLock(dir, () => (wrote = true), HANG_MS);
    expect(wrote).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

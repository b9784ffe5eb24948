// Ctrl-C and SIGTERM end every command promptly, in every phase: reading and validating an input (on
// the main thread, or on a batch's preparing thread), starting Chromium, printing. Each behaviour needs
// a real process to signal: one spawned fundbook per case. The phase is found by the marker fundbook
// prints on stderr with --debug ("fundbook: phase: ..."), never by waiting a fixed time. Afterwards: a
// status that says which signal (the handler's exit 130/143, or death by the signal itself, which a
// shell shows as the same 130/143), no Chromium process group left, no Chromium profile or temporary
// folder left, no staging folder or lock, and the previous outputs byte for byte as they were.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedLargeFund } from './shared-build.js';
import { chromiumGroups, gone } from './processes.js';

const BIN = new URL('../bin/fundbook.js', import.meta.url).pathname;
const IQM = 'data/iqm/2011-08-31.yaml';
let root: string;
let large: string;
let runs = 0;

beforeAll(async () => {
  // A short path (the system's, not the run's own temporary folder, test/global-setup.ts): Chromium's
  // temporary folder goes inside its profile folder inside this one, and the
  // sockets it makes there must fit a socket path (render/browser.ts).
  root = mkdtempSync(join(inject('systemTmpdir'), 'fb-sig-'));
  // 10,000 holdings: seconds of reading and validating, long enough to be signalled in the middle of.
  large = (await sharedLargeFund()).file;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Chromium process groups seen while it ran. */
  groups: Set<number>;
  /** What was left in the process's own TMPDIR. */
  leftInTmp: string[];
  /** Whether the marker was seen and the signal sent. */
  sent: boolean;
}

/** Run `fundbook --debug <args>` with a TMPDIR of its own, and send `signal` when stderr shows `marker`. */
function runUntil(args: string[], marker: RegExp, signal: NodeJS.Signals): Promise<Stopped> {
  const tmp = join(root, `t${++runs}`);
  mkdirSync(tmp);
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, '--debug', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp } });
    let stderr = '';
    let sent = false;
    const groups = new Set<number>();
    const poll = setInterval(() => chromiumGroups(child.pid!).forEach((g) => groups.add(g)), 50);
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && marker.test(stderr)) {
        sent = true;
        chromiumGroups(child.pid!).forEach((g) => groups.add(g));
        child.kill(signal);
      }
    });
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      // The pinned fontconfig cache (render/fontconfig.ts) is kept on purpose: it is not per run.
      const leftInTmp = readdirSync(tmp).filter((f) => !f.startsWith('fundbook-fontconfig-'));
      resolve({ code, signal: sig, stderr, groups, leftInTmp, sent });
    });
  });
}

/** Stopped by `signal`: fundbook's own exit status for it, or the signal's default action. */
function expectStoppedBy(r: Stopped, signal: 'SIGINT' | 'SIGTERM') {
  expect(r.sent, r.stderr).toBe(true);
  const status = signal === 'SIGINT' ? 130 : 143;
  expect(r.code === status || r.signal === signal, `code ${r.code}, signal ${r.signal}: ${r.stderr}`).toBe(true);
}

async function expectNoChromiumLeft(r: Stopped) {
  for (const g of r.groups) expect(await gone(g), `chromium group ${g}`).toBe(true);
  expect(r.leftInTmp, 'Chromium profile or temporary files').toEqual([]);
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A previous output set for IQM in `out` (copied from the fixture bytes), and its hashes. */
function previousOutputs(out: string): Record<string, string> {
  const dir = join(out, 'iqm', '2011-08-31');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'shareholder-report.pdf'), '%PDF-1.7 the previous report\n');
  writeFileSync(join(dir, 'figures.json'), '{"previous": true}\n');
  writeFileSync(join(dir, 'manifest.json'), '{"previous": "manifest"}\n');
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, hash(join(dir, f))]));
}

function expectUntouched(out: string, before: Record<string, string>) {
  const dir = join(out, 'iqm', '2011-08-31');
  const now = Object.fromEntries(readdirSync(dir).sort().map((f) => [f, hash(join(dir, f))]));
  expect(now).toEqual(before); // no staging folder, no lock, no new file, the same bytes
}

describe('a signal ends each command promptly, in each phase', () => {
  it('check, while reading and validating a large input (SIGTERM)', async () => {
    const r = await runUntil(['check', large], /phase: checking /, 'SIGTERM');
    expectStoppedBy(r, 'SIGTERM');
    expect(r.groups.size).toBe(0);
  });

  it('figures, while loading (SIGINT)', async () => {
    const r = await runUntil(['figures', large], /phase: loading /, 'SIGINT');
    expectStoppedBy(r, 'SIGINT');
  });

  it('roll-forward, while validating: no next-period file written (SIGTERM)', async () => {
    const target = join(root, 'rolled.yaml');
    const r = await runUntil(['roll-forward', large, '--to', '2012-02-29', '--out', target], /phase: validating /, 'SIGTERM');
    expectStoppedBy(r, 'SIGTERM');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('rolled'))).toEqual([]);
  });

  it('build, while validating its one input on the main thread (SIGINT): no Chromium started, outputs untouched', async () => {
    const out = join(root, 'out-validate');
    const before = previousOutputs(out);
    const input = join(root, 'validate', 'iqm');
    mkdirSync(input, { recursive: true });
    cpSync(large, join(input, '2011-08-31.yaml'));
    const r = await runUntil(['build', join(input, '2011-08-31.yaml'), '--out', out, '--no-progress', '--no-diff'], /phase: validating /, 'SIGINT');
    expectStoppedBy(r, 'SIGINT');
    await expectNoChromiumLeft(r);
    expectUntouched(out, before);
  });

  it('build of a batch, while its preparing thread validates (SIGTERM): outputs untouched, nothing left', async () => {
    const out = join(root, 'out-batch');
    const before = previousOutputs(out);
    const data = join(root, 'batch');
    // The large fund sorts first: the thread is busy with it while the main thread waits.
    mkdirSync(join(data, 'a-large'), { recursive: true });
    mkdirSync(join(data, 'iqm'), { recursive: true });
    cpSync(large, join(data, 'a-large', '2011-08-31.yaml'));
    cpSync(IQM, join(data, 'iqm', '2011-08-31.yaml'));
    const r = await runUntil(['build', data, '--out', out, '--no-progress', '--no-diff'], /phase: validating .*a-large.*preparing thread/, 'SIGTERM');
    expectStoppedBy(r, 'SIGTERM');
    await expectNoChromiumLeft(r);
    expectUntouched(out, before);
  });

  it('build, while Chromium starts (SIGTERM): 143, the Chromium being started ended, its profile removed', async () => {
    const out = join(root, 'out-launch');
    const before = previousOutputs(out);
    const r = await runUntil(['build', IQM, '--out', out, '--no-progress', '--no-diff'], /phase: starting Chromium/, 'SIGTERM');
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toContain('fundbook: stopped by SIGTERM; no output was left half-written');
    await expectNoChromiumLeft(r);
    expectUntouched(out, before);
  });

  it('build, while Chromium prints (SIGINT): 130, no Chromium, profile or staging folder left, outputs untouched', async () => {
    const out = join(root, 'out-print');
    const before = previousOutputs(out);
    const r = await runUntil(['build', IQM, '--out', out, '--no-progress', '--no-diff'], /phase: printing iqm 2011-08-31/, 'SIGINT');
    expect(r.code, r.stderr).toBe(130);
    expect(r.groups.size).toBeGreaterThanOrEqual(1);
    await expectNoChromiumLeft(r);
    expectUntouched(out, before);
  });

  it('diff, while Chromium prints the period diff (SIGTERM): 143, nothing left', async () => {
    const out = join(root, 'out-diff', 'iqm', '2011-08-31');
    mkdirSync(out, { recursive: true });
    const r = await runUntil(['diff', 'data/iqm/2011-02-28.yaml', IQM, '--out', out], /phase: printing the diff/, 'SIGTERM');
    expect(r.code, r.stderr).toBe(143);
    await expectNoChromiumLeft(r);
    expect(readdirSync(out)).toEqual([]);
  });
});

// The bench's incremental builds (README "Incremental builds"): a generated complex built in full, then
// rebuilt into the same folder with nothing changed, and with one fund's file changed, side by side in
// one run. Part of `npm run bench`; alone: `node dist/bench/incremental.js` (BENCH_INCREMENTAL=funds,
// default 100; BENCH_INCREMENTAL_ROUNDS=rebuilds of each kind, default 3).
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAll } from '../pipeline/build-all.js';
import { findInputs } from '../load/find-inputs.js';

const FUNDS = Number(process.env.BENCH_INCREMENTAL ?? 100);
const ROUNDS = Number(process.env.BENCH_INCREMENTAL_ROUNDS ?? 3);

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const row = (what: string, value: string) => console.log(`${what.padEnd(78)} ${value}`);

export async function benchIncremental(work: string, funds = FUNDS, rounds = ROUNDS): Promise<void> {
  const data = join(work, 'incremental-data');
  const out = join(work, 'incremental-out');
  execFileSync('node', ['dist/synthetic/gen-complex.js', '--funds', String(funds), '--periods', '1', '--seed', '21', '--out', data]);
  const inputs = findInputs([data]);
  // Every document each fund has (report, board book, EDGAR HTML), at concurrency 2, as `fundbook build data/`.
  const options = { outDir: out, concurrency: 2, progress: false };
  const counts = { printed: 0, kept: 0 };
  const log = (line: string) => {
    const m = /^documents: (\d+) printed, (\d+) kept/.exec(line);
    if (m) Object.assign(counts, { printed: Number(m[1]), kept: Number(m[2]) });
  };
  const timed = async () => {
    const start = performance.now();
    const code = await buildAll(inputs, options, log);
    if (code !== 0) throw new Error(`fundbook build exited ${code}`);
    return { ms: performance.now() - start, ...counts };
  };
  console.log(`\nIncremental builds: a ${funds}-fund complex, every document, concurrency 2 (a full build, then ${rounds} rebuilds of each kind, medians)`);
  const full = await timed();
  const unchanged: number[] = [];
  const oneChanged: number[] = [];
  let unchangedCounts = counts;
  let oneCounts = counts;
  for (let round = 0; round < rounds; round++) {
    const u = await timed();
    unchanged.push(u.ms);
    unchangedCounts = { ...u };
    // A correction to one fund (a different one each round): its file changes, so its documents print.
    appendFileSync(inputs[(round * 7) % inputs.length]!, `# corrected, round ${round + 1}\n`);
    const o = await timed();
    oneChanged.push(o.ms);
    oneCounts = { ...o };
  }
  row(`full build (${full.printed} documents printed)`, `${(full.ms / 1000).toFixed(1)} s`);
  row(`rebuilt, nothing changed (${unchangedCounts.printed} printed, ${unchangedCounts.kept} kept)`, `${(median(unchanged) / 1000).toFixed(2)} s  ${(median(unchanged) / full.ms).toPrecision(2)}x of full`);
  row(`rebuilt, one fund's file changed (${oneCounts.printed} printed, ${oneCounts.kept} kept)`, `${(median(oneChanged) / 1000).toFixed(2)} s  ${(median(oneChanged) / full.ms).toPrecision(2)}x of full`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const work = mkdtempSync(join(tmpdir(), 'fundbook-bench-incremental-'));
  try {
    await benchIncremental(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

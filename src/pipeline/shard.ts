// Sharding a fund complex across machines: `--shard i/n` builds a stable, balanced subset. Funds (not
// files) are the unit, so every period of a fund, and its period diff, lands on one shard. The fund id is
// the input's folder name (data/<fund-id>/<period-end>.yaml); funds are sorted and dealt round-robin, so
// the n shards differ in size by at most one fund and together cover every input exactly once.
import { basename, dirname } from 'node:path';

export interface Shard {
  index: number;
  count: number;
}

/** More shards than this is more machines than funds in any complex. */
const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return `--shard takes i/n, e.g. 2/4, not "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count > MAX_SHARDS) return `--shard ${text}: n is at most ${MAX_SHARDS}`;
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: i must be between 1 and n`;
  return { index, count };
}

function fundIdOf(file: string): string {
  return basename(dirname(file));
}

export function shardInputs(inputs: readonly string[], shard: Shard): string[] {
  const funds = [...new Set(inputs.map(fundIdOf))].sort();
  const mine = new Set(funds.filter((_, i) => i % shard.count === shard.index - 1));
  return inputs.filter((f) => mine.has(fundIdOf(f)));
}

/** What a shard's build (or dry run) says first: "shard 2/3: 2 of 5 fund-period files". */
export function shardLine(shard: Shard, chosen: readonly string[], all: readonly string[]): string {
  return `shard ${shard.index}/${shard.count}: ${chosen.length} of ${all.length} fund-period files`;
}

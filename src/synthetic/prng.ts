// A small seeded PRNG for the synthetic-fund generator: sfc32, seeded through splitmix32 from a hash of
// the seed text. It only *chooses* (counts, indices, basis points, whole dollars); money is then built
// from those integers as bigint or Decimal. Nothing here reads the clock or Math.random, so the same seed
// gives the same stream on every machine.

const U32 = 0x1_0000_0000;

/** FNV-1a over the UTF-16 code units of `text`, with a chosen offset basis: a 32-bit hash. */
function hash32(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly label: string;

  /** `seed` is any text or integer; `label` names the stream (forks derive their seeds from it). */
  constructor(seed: string | number | bigint, label = 'root') {
    this.label = `${String(seed)}/${label}`;
    const mix = splitmix32(hash32(this.label) ^ hash32(this.label, 0x01234567));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 15; i++) this.u32(); // warm up
  }

  /** A uniformly distributed unsigned 32-bit integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t >>> 0;
  }

  /** An independent stream named `name`: adding draws to one concern never shifts another's. */
  fork(name: string | number): Rng {
    return new Rng(this.label, String(name));
  }

  /** An integer in [lo, hi], both included. The range must be below 2^21 (exact in a double). */
  int(lo: number, hi: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) throw new Error(`bad range ${lo}..${hi}`);
    const range = hi - lo + 1;
    if (range > 0x20_0000) throw new Error(`range ${range} too large for int()`);
    return lo + Math.floor((this.u32() * range) / U32);
  }

  /** True with probability num/den. */
  chance(num: number, den: number): boolean {
    return this.int(0, den - 1) < num;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** A new array, shuffled (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `k` distinct items of `items`, in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, Math.max(0, Math.min(k, items.length))));
    return items.filter((_, i) => chosen.has(i));
  }
}

// Worker threads for the data half of a batch. Chromium's replies reach node on the main thread; a
// 60 ms YAML load there stalls every page in flight (measured: 60 ms of main-thread work per document
// cost 11% of bare Chromium's throughput at 2 pages in flight, the same work on a worker thread 2%).
// So validating (loading and calculating, kept for prepare), rendering HTML and finishing each printed PDF (reading its bookmarks,
// writing in the contents numbers, metadata, hash) run here; the main thread drives the browser and
// writes files (reading and finishing PDFs on the main thread: skipping that work altogether raised
// throughput 8%; moving it here, by less than the machine's noise).
import { Worker } from 'node:worker_threads';
import type { DiffOutcome, PreparedDiff } from './build-diff.js';
import type { BuildOptions, BuildOutcome, KeptFund, ReadyFund } from './build-fund.js';
import type { FinishJob } from '../render/finish-printed.js';
import type { Finisher } from '../render/render-document.js';

export type Job =
  | { type: 'validate'; input: string; final: boolean }
  | { type: 'prepare'; input: string; options: Pick<BuildOptions, 'outDir' | 'only' | 'final' | 'templates' | 'previous' | 'diff' | 'incremental'> }
  | { type: 'diff'; previous: string; current: string; outDir?: string; templates?: readonly string[] }
  | { type: 'finish'; job: FinishJob };

export type Reply = { id: number; result: unknown } | { id: number; error: string };

// Compiled, the worker sits beside this file; run from TypeScript sources (the tests), it is dist's.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../../dist/pipeline/prepare-worker.js' : './prepare-worker.js', import.meta.url);

/** The thread that handles every job about `input`. */
function threadOf(input: string, threads: number): number {
  let h = 0;
  for (let i = 0; i < input.length; i++) h = (h * 31 + input.charCodeAt(i)) >>> 0;
  return h % threads;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
}

export class Preparer {
  private readonly slots: Slot[];
  private nextId = 0;
  private closing = false;

  constructor(threads: number) {
    this.slots = Array.from({ length: Math.max(1, threads) }, () => {
      const slot = { pending: new Map() } as Slot;
      this.start(slot);
      return slot;
    });
  }

  /**
   * A worker for `slot`. Should it die (out of memory on a huge fund, say), the jobs it held fail with
   * the reason and a fresh worker takes the slot, so the rest of the batch goes on.
   */
  private start(slot: Slot): void {
    const worker = new Worker(WORKER);
    slot.worker = worker;
    let failure: Error | undefined;
    worker.on('message', (reply: Reply) => {
      const waiter = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.result);
    });
    worker.on('error', (err) => {
      failure = err;
    });
    worker.on('exit', (code) => {
      if (this.closing) return;
      for (const w of slot.pending.values()) w.reject(failure ?? new Error(`the preparing thread stopped (exit code ${code})`));
      slot.pending.clear();
      this.start(slot);
    });
  }

  /**
   * Queue `job`: a job about one input on that input's thread, where its validation is kept
   * (pipeline/validated.ts); others on the least busy thread.
   */
  private run<T>(job: Job, input?: string): Promise<T> {
    const slot = input === undefined ? this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)) : this.slots[threadOf(input, this.slots.length)]!;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage({ id, job });
    });
  }

  /** Load and calculate `input` on its thread, which keeps the result for prepare: its errors (validateForBuild). */
  validate(input: string, final = false): Promise<{ errors: string[] }> {
    return this.run({ type: 'validate', input, final }, input);
  }

  prepare(input: string, options: BuildOptions): Promise<{ prepared: ReadyFund } | { failed: BuildOutcome } | { kept: KeptFund }> {
    const { outDir, only, final, templates, previous, diff, incremental } = options;
    return this.run({ type: 'prepare', input, options: { outDir, only, final, templates, previous, diff, incremental } }, input);
  }

  diff(previous: string, current: string, outDir?: string, templates?: readonly string[]): Promise<{ prepared: PreparedDiff } | { failed: DiffOutcome }> {
    return this.run({ type: 'diff', previous, current, outDir, templates }, current);
  }

  /** A Finisher: read, stamp and finish a printed PDF on the worker thread. */
  readonly finish: Finisher = (job) => this.run({ type: 'finish', job });

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

// The worker-thread side of pipeline/preparer.ts: the data half of each build (load, calculate, view model,
// HTML; the validation of each input, kept for its prepare) and the finishing of each printed PDF, so the main thread stays free to answer Chromium.
import { parentPort } from 'node:worker_threads';
import { prepareDiff } from './build-diff.js';
import { prepareFundFiles } from './build-fund.js';
import { finishPrinted } from '../render/finish-printed.js';
import type { Job, Reply } from './preparer.js';
import { dropParsedDocuments, validateForBuild } from './validated.js';

dropParsedDocuments();

function run(job: Job): unknown {
  switch (job.type) {
    case 'validate':
      return validateForBuild(job.input, job.final);
    case 'prepare':
      return prepareFundFiles(job.input, job.options);
    case 'diff':
      return prepareDiff(job.previous, job.current, job.outDir, job.templates);
    case 'finish':
      return finishPrinted(job.job);
  }
}

/** The finished PDF goes back without a copy: its buffer is transferred. */
function transferables(result: unknown): ArrayBuffer[] {
  const pdf = (result as { pdf?: unknown } | null)?.pdf;
  return pdf instanceof Uint8Array && pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? [pdf.buffer as ArrayBuffer] : [];
}

parentPort!.on('message', async ({ id, job }: { id: number; job: Job }) => {
  let reply: Reply;
  try {
    reply = { id, result: await run(job) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply, 'result' in reply ? transferables(reply.result) : []);
});

// The batch's worker thread (src/pipeline/preparer.ts): prepares a fund as plain data (its tie-outs.xlsx made there too), and when the thread
// dies the jobs it held fail with a reason and a fresh thread takes the next ones.
import { describe, expect, it } from 'vitest';
import { prepareFundFiles, type ReadyFund } from '../src/pipeline/build-fund.js';
import { warmPreparer } from './warm-browser.js';

const IQM = 'data/iqm/2011-08-31.yaml';
// The worker's preparing thread, which its batches share (test/warm-browser.ts): the second test ends
// it, and the Preparer starts a fresh one for the next job, as it would in the middle of a batch.
const preparer = warmPreparer();

describe('the preparing thread', () => {
  it('prepares IQM to the same plain data as the main thread', async () => {
    const options = { outDir: '/tmp/fundbook-preparer', only: 'report' as const };
    const there = await preparer.prepare(IQM, options);
    const here = await prepareFundFiles(IQM, options);
    expect('prepared' in there && 'prepared' in here).toBe(true);
    if ('prepared' in there && 'prepared' in here) {
      // The workbook crosses the thread as a Uint8Array (a Buffer here): compared by its bytes.
      const plain = (p: ReadyFund) => ({ ...p, ms: 0, tieOutsXlsx: Buffer.from(p.tieOutsXlsx).toString('base64') });
      expect(plain(there.prepared)).toEqual(plain(here.prepared));
      expect(there.prepared.tieOutsXlsx.length).toBeGreaterThan(10_000);
      expect(there.prepared.documents[0]!.sectionTitles).toContain('Schedule of Investments');
    }
  });

  it('when the thread dies, fails the job it held and goes on with a fresh thread', async () => {
    const held = preparer.prepare(IQM, { outDir: '/tmp/fundbook-preparer' });
    await (preparer as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker.terminate();
    await expect(held).rejects.toThrow(/preparing thread stopped/);
    const next = await preparer.prepare(IQM, { outDir: '/tmp/fundbook-preparer', only: 'report' });
    expect('prepared' in next && next.prepared.fundId).toBe('iqm');
  });
});

// What several test files read, made once a run by whichever test file asks first (the others wait for
// it), in a folder of the run's (test/global-setup.ts): the build of IQM (its report, EDGAR file, period
// diff, board book, figures.json, workbook and manifest), `npm start`'s command run in that test's worker
// (test/run-cli.ts); and the 10,000-holding fund. A test that changes files copies them first; none
// writes into them.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { largeFundText } from '../src/synthetic/large-fund.js';
import { runCli } from './run-cli.js';

export const IQM = 'data/iqm/2011-08-31.yaml';
export const IQM_MEETING = 'data/iqm/board/2011-06-15.yaml';
/** The command's arguments after `fundbook`: both of IQM's books, the period diff against February. */
export const SHARED_BUILD_ARGS = (out: string) => ['build', IQM, IQM_MEETING, '--out', out, '--no-progress'];

export interface SharedBuild {
  /** The --out folder: iqm/2011-08-31/ and iqm/board-2011-06-15/. */
  out: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

async function run(out: string): Promise<SharedBuild> {
  const { status, stdout, stderr } = await runCli(SHARED_BUILD_ARGS(out));
  return { out, code: status, stdout, stderr };
}

/** `make(root)`'s result, made once a run by the first caller; every caller gets the same result. */
async function onceARun<T>(name: string, make: (root: string) => Promise<T> | T): Promise<T> {
  const root = inject('sharedRoot');
  const result = join(root, `${name}.json`);
  // mkdir is atomic: one test file (in whichever worker) makes it; the others wait for its result file.
  let maker = true;
  try {
    mkdirSync(join(root, `${name}.claimed`));
  } catch {
    maker = false;
  }
  const publish = (outcome: { made: T } | { failed: string }) => {
    writeFileSync(`${result}.tmp`, JSON.stringify(outcome));
    renameSync(`${result}.tmp`, result);
  };
  if (maker) {
    try {
      const made = await make(root);
      publish({ made });
      return made;
    } catch (err) {
      // The waiting files fail with it rather than wait for ever.
      publish({ failed: String(err) });
      throw err;
    }
  }
  while (!existsSync(result)) await new Promise((r) => setTimeout(r, 200));
  const outcome = JSON.parse(readFileSync(result, 'utf8')) as { made: T } | { failed: string };
  if ('failed' in outcome) throw new Error(`${name}, made by another test file, failed: ${outcome.failed}`);
  return outcome.made;
}

/** IQM built once a run; every caller gets the same folder and the command's output. */
export function sharedIqmBuild(): Promise<SharedBuild> {
  return onceARun('iqm-build', (root) => run(join(root, 'iqm-build')));
}

export interface LargeFund {
  /** The fund-period file, large/2011-08-31.yaml (fund id iqm). */
  file: string;
  /** How many holdings the generator made. */
  holdings: number;
}

/** IQM split into 10,000 holdings (src/synthetic/large-fund.ts), written once a run. */
export function sharedLargeFund(): Promise<LargeFund> {
  return onceARun('large-fund', (root) => {
    const generated = largeFundText(readFileSync(IQM, 'utf8'), 10_000);
    mkdirSync(join(root, 'large'));
    const file = join(root, 'large', '2011-08-31.yaml');
    writeFileSync(file, generated.text);
    return { file, holdings: generated.holdings };
  });
}

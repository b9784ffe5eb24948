// The build of IQM that many test files read (its report, EDGAR file, period diff, board book,
// figures.json, workbook and manifest), made once a run by whichever test file asks first: the others
// wait for it. It is `npm start`'s command, run in that test's worker (test/run-cli.ts), into a folder of
// the run's (test/global-setup.ts). A test that changes files copies the folder first; none writes into it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
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

/** IQM built once a run; every caller gets the same folder and the command's output. */
export async function sharedIqmBuild(): Promise<SharedBuild> {
  const root = inject('sharedRoot');
  const out = join(root, 'iqm-build');
  const result = join(root, 'iqm-build.json');
  // mkdir is atomic: one test file (in whichever worker) builds; the others wait for its result file.
  let builder = true;
  try {
    mkdirSync(join(root, 'iqm-build.claimed'));
  } catch {
    builder = false;
  }
  if (builder) {
    const built = await run(out);
    writeFileSync(`${result}.tmp`, JSON.stringify(built));
    renameSync(`${result}.tmp`, result);
    return built;
  }
  while (!existsSync(result)) await new Promise((r) => setTimeout(r, 200));
  return JSON.parse(readFileSync(result, 'utf8')) as SharedBuild;
}

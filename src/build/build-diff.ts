// The period diff through the pipeline: load both periods, compute, compare, then period-diff.json and
// period-diff.pdf written atomically.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'puppeteer';
import { computeFigures } from '../calc/compute.js';
import { DifferentFundsError, diffPeriods, type PeriodDiff } from '../diff/period-diff.js';
import { formatProblem, loadFundFile } from '../load/load-fund.js';
import { finishPdf } from '../render/pdf-finish.js';
import { diffView } from '../view/diff-view.js';
import { writeAllAtomically } from './atomic-write.js';
import { compiledDocument } from './build-fund.js';
import { renderPaged } from './render-document.js';
import { FUNDBOOK_VERSION } from './version.js';

export interface DiffOutcome {
  ok: boolean;
  problems: string[];
  warnings: string[];
  diff?: PeriodDiff;
  outDir?: string;
}

/** The fund-period file beside `file` whose period ends latest before it (files are named by period end). */
export function findPreviousPeriod(file: string): string | undefined {
  const name = basename(file);
  if (!/^\d{4}-\d{2}-\d{2}\.ya?ml$/.test(name)) return undefined;
  const earlier = readdirSync(dirname(file)).filter((f) => /^\d{4}-\d{2}-\d{2}\.ya?ml$/.test(f) && f.slice(0, 10) < name.slice(0, 10)).sort();
  const last = earlier.at(-1);
  return last ? join(dirname(file), last) : undefined;
}

/** The diff as JSON: Decimals serialise as strings (decimal.js's toJSON). */
export function diffJson(diff: PeriodDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

export async function buildDiff(browser: Browser, chromiumVersion: string, previousFile: string, currentFile: string, outDir?: string): Promise<DiffOutcome> {
  const previous = loadFundFile(previousFile);
  const current = loadFundFile(currentFile);
  const problems = [...previous.problems, ...current.problems].filter((p) => p.severity === 'error').map(formatProblem);
  if (!previous.fund || !current.fund) return { ok: false, problems, warnings: [] };
  let diff: PeriodDiff;
  try {
    diff = diffPeriods(
      { fund: previous.fund, figures: computeFigures(previous.fund), file: previousFile },
      { fund: current.fund, figures: computeFigures(current.fund), file: currentFile },
    );
  } catch (err) {
    if (err instanceof DifferentFundsError) return { ok: false, problems: [err.message], warnings: [] };
    throw err;
  }
  const dir = outDir ?? join('output', current.fund.fund.id, current.fund.period.end);
  const view = diffView(diff);
  const rendered = await renderPaged(browser, compiledDocument('period-diff'), view);
  const pdf = finishPdf(rendered.pdf, {
    title: view.documentTitle,
    author: current.fund.fund.administrator ?? current.fund.fund.adviser,
    subject: `Period diff, ${diff.previous.end} to ${diff.current.end}`,
    date: current.fund.period.report_date,
    creator: `fundbook ${FUNDBOOK_VERSION}`,
    producer: `Skia/PDF (${chromiumVersion})`,
  });
  writeAllAtomically({ [join(dir, 'period-diff.json')]: diffJson(diff), [join(dir, 'period-diff.pdf')]: pdf });
  return { ok: true, problems: [], warnings: diff.warnings, diff, outDir: dir };
}

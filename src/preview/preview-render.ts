// What the preview shows of a fund-period file: each document's HTML, made by the build's own prepare
// step (the same views, templates and template folders; pipeline/build-fund.ts, build-diff.ts), and the
// period's findings, each with the section that prints its figure. Or, when the file does not load,
// the diagnostics a build would print.
import { basename } from 'node:path';
import { bySource, formatDiagnostic, locateAll } from '../diagnostic.js';
import { findPreviousPeriod, prepareDiff } from '../pipeline/build-diff.js';
import { prepareFund } from '../pipeline/build-fund.js';
import { validateInput } from '../pipeline/validated.js';
import { fillContentsPages } from '../render/render-document.js';
import { TemplateError } from '../render/templates.js';
import { findingTarget, type FindingTarget } from './finding-target.js';

/** The preview's documents: its name in the page and URL, and the title it is shown by. */
export const PREVIEW_DOCUMENTS = [
  { name: 'report', kind: 'shareholder-report', title: 'Shareholder report' },
  { name: 'board', kind: 'board-approval', title: 'Board book' },
  { name: 'diff', kind: 'period-diff', title: 'Period diff' },
] as const;
export type PreviewDocument = (typeof PREVIEW_DOCUMENTS)[number]['name'];

interface PreviewFinding {
  severity: string;
  /** As `fundbook check` prints it: file:line:col path: severity CODE: message. */
  text: string;
  target?: FindingTarget;
}

export type PreviewState =
  | { ok: true; fundName: string; documents: Partial<Record<PreviewDocument, string>>; findings: PreviewFinding[]; diffProblem?: string }
  | { ok: false; problems: string[] };

/** Screen-only rules added to each document: a sheet of paper per document, a dashed guide at each page break. */
const SCREEN_CSS = `<style>
@media screen {
  html { background: #d9dce1; }
  body { background: #fff; width: 8.5in; box-sizing: border-box; margin: 0.3in auto; padding: 0.7in 0.65in; box-shadow: 0 1px 6px rgba(0,0,0,0.25); }
  .section, .back-matter, table.schedule.continued-page { border-top: 1.5pt dashed #8a94a6; margin-top: 0.5in; padding-top: 0.35in; position: relative; }
  .section::before, .back-matter::before { content: "page break"; position: absolute; top: -0.11in; right: 0; background: #fff; color: #8a94a6; font: 7pt sans-serif; padding: 0 4pt; }
  .draft-watermark { display: none; }
}
</style>`;

/** A document's HTML for the screen: contents numbers left blank (they are known only once printed). */
function forScreen(html: string): string {
  return fillContentsPages(html, []).replace('</head>', `${SCREEN_CSS}\n</head>`);
}

/** Render every document of `file` with `templates`, and its findings; or the problems that stop it. */
export function renderPreview(file: string, templates: readonly string[]): PreviewState {
  try {
    return render(file, templates);
  } catch (err) {
    // A template that fails its check (file:line:col), or a template folder removed while watched.
    if (err instanceof TemplateError) return { ok: false, problems: err.diagnostics.map(formatDiagnostic) };
    return { ok: false, problems: [err instanceof Error ? err.message : String(err)] };
  }
}

function render(file: string, templates: readonly string[]): PreviewState {
  // The report and the board book one by one (`only`), so the EDGAR HTML, not shown, is not made.
  const step = prepareFund(file, { outDir: 'output', templates, diff: false, only: 'report' });
  if ('failed' in step) return { ok: false, problems: step.failed.problems };
  const documents: Partial<Record<PreviewDocument, string>> = { report: forScreen(step.prepared.documents[0]!.html) };
  // With the report made, the board book fails only for want of a board_review section: none to show.
  const board = prepareFund(file, { outDir: 'output', templates, diff: false, only: 'board' });
  if ('prepared' in board) documents.board = forScreen(board.prepared.documents[0]!.html);
  let diffProblem: string | undefined;
  const previous = findPreviousPeriod(file);
  if (previous) {
    const diff = prepareDiff(previous, file, undefined, templates);
    if ('prepared' in diff) documents.diff = forScreen(diff.prepared.html);
    else diffProblem = `no period diff against ${basename(previous)}: ${diff.failed.problems.join('; ')}`;
  }
  const { loaded, figures } = validateInput(file);
  const findings = locateAll(figures?.findings ?? [], loaded.locate)
    .sort(bySource)
    .map((d) => ({ severity: d.severity, text: formatDiagnostic(d), target: findingTarget(d.path) }));
  return { ok: true, fundName: loaded.fund?.fund.name ?? basename(file), documents, findings, diffProblem };
}

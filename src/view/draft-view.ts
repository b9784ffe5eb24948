// The DRAFT view: what a document built before its period is signed off prints about it. Undefined
// once a current preparer and reviewer have signed (templates then print no mark and no open items).
import { formatPath, type Locator } from '../load/locate.js';
import type { CarriedAcknowledgement } from '../review/carried.js';
import type { ReviewStatus } from '../review/status.js';

export interface DraftView {
  /** One sentence for the open-items page. */
  summary: string;
  /** Each open finding with where it stands in the data file. */
  items: { severity: string; code: string; location: string; path: string; message: string }[];
  /** What the period lacks before it can be final, as `check` says it. */
  missing: string[];
}

export function draftView(status: ReviewStatus, locate: Locator): DraftView | undefined {
  if (status.signed) return undefined;
  const n = status.open.length;
  return {
    summary: n === 0
      ? 'no finding is open, but the period is not yet signed off by a preparer and a different reviewer.'
      : `${n} finding${n === 1 ? ' is' : 's are'} open. Each must be corrected in the data or acknowledged with a reason, and the period signed off by a preparer and a different reviewer.`,
    items: status.open.map((f) => {
      const where = locate(f.path ?? []);
      return { severity: f.severity, code: f.code, location: `${where.file}:${where.line}:${where.col}`, path: formatPath(f.path ?? []), message: f.message };
    }),
    missing: status.missing,
  };
}

/** The period diff's rows of acknowledgements carried from the previous period. */
export function carriedView(carried: readonly CarriedAcknowledgement[]) {
  return carried.map((c) => ({
    code: c.code,
    path: c.path,
    previous: `${c.reason} (${c.by}, ${c.on})`,
    now: c.now.acknowledged ? `Accepted again: ${c.now.reason} (${c.now.by}, ${c.now.on})` : 'Open: not yet accepted this period',
    open: !c.now.acknowledged,
  }));
}

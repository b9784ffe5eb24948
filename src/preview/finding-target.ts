// Where a finding is shown in the preview: the document and the section that prints the figure it
// concerns, found from the finding's field path. The views anchor sections, not single figures, so a
// finding links to the section (the heading of the statement, table or page that prints the figure).
import type { DataPath } from '../load/locate.js';

export interface FindingTarget {
  /** The preview's document name: report or board. */
  doc: 'report' | 'board';
  /** The section's anchor id in that document. */
  section: string;
}

/** Report sections by the fund file's top-level key (or `statements.<key>`). */
const REPORT: Record<string, string> = {
  'statements.assets_and_liabilities': 'assets-and-liabilities',
  'statements.operations': 'operations',
  'statements.changes_in_net_assets': 'changes',
  'statements.cash_flows': 'cash-flows',
  statements: 'assets-and-liabilities',
  preferred_shares: 'notes',
  common_shares: 'notes',
  dividends_declared: 'notes',
  notes_data: 'notes',
  agreements: 'notes',
  financial_highlights: 'highlights',
  performance: 'performance',
  proxy: 'proxy',
  schedule_of_investments: 'schedule',
};

/** Board-book sections by the key under `board_review`. */
const BOARD: Record<string, string> = {
  performance_universe: 'performance',
  expense_group: 'fees',
  profitability: 'profitability',
  services: 'services',
  fall_out_benefits: 'fall-out',
  meeting: 'resolution',
  trustees: 'resolution',
};

/** The section a finding about `path` links to, or undefined when no document section prints it. */
export function findingTarget(path: DataPath | undefined): FindingTarget | undefined {
  const [first, second] = (path ?? []).map(String);
  if (first === undefined) return undefined;
  if (first === 'board_review') return { doc: 'board', section: (second !== undefined && BOARD[second]) || 'summary' };
  const section = REPORT[`${first}.${second}`] ?? REPORT[first];
  return section ? { doc: 'report', section } : undefined;
}

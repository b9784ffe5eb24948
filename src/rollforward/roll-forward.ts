// Start the next period's file from this one: what does not change by period (the fund, its agreements,
// boilerplate text, share classes, the holdings' descriptions) is carried; this period's closing figures
// move into the comparative columns; every period figure becomes the explicit placeholder TO BE FILLED,
// which `fundbook check` reports until it is filled. Works on the YAML document, so comments and order
// survive. Pure: text in, text out.
import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { parsedDocument } from '../load/load-fund.js';
import type { Locator } from '../load/locate.js';
import { parseDate, PLACEHOLDER } from '../load/scalars.js';
import { fiscalYearEndFor, fiscalYearStartFor } from '../calc/fiscal-year.js';
import { addDays } from '../calc/period-days.js';

/** Keys whose text describes rather than measures: carried as they are. */
const DESCRIPTIVE = new Set(['label', 'name', 'issuer', 'issue', 'enhancement', 'maturity', 'notes', 'mark', 'text', 'code', 'meaning', 'entity', 'sector', 'title', 'description', 'key', 'series', 'group', 'id', 'principal_000', 'total_notes', 'marks', 'kind', 'liability']);

function fill(node: unknown, keep = DESCRIPTIVE): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (keep.has(key)) continue;
      if (isScalar(pair.value)) pair.value = new Scalar(PLACEHOLDER);
      else fill(pair.value, keep);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (isScalar(item)) node.items[i] = new Scalar(PLACEHOLDER);
      else fill(item, keep);
    });
  }
}

function get(doc: Document, path: (string | number)[]): Node | undefined {
  return (doc.getIn(path, true) ?? undefined) as Node | undefined;
}

function scalarAt(doc: Document, path: (string | number)[]): string | undefined {
  const node = get(doc, path);
  return isScalar(node) ? String(node.value) : undefined;
}


/**
 * The next period's text, or why there is none. `loaded` is the loader's load of a file that `fundbook
 * check` accepts (the file is parsed once: this edits a copy of the loader's document); what is checked
 * here is what only roll-forward asks: a `--to` after the period.
 */
export function rollForward(loaded: { locate: Locator }, file: string, to: string): { text: string } | { refused: Diagnostic } {
  const locate = loaded.locate;
  const refuse = (code: string, path: string[], message: string) => ({ refused: { severity: 'error' as const, code, path, location: locate(path), message } });
  const parsed = parsedDocument(loaded);
  if (!parsed) return refuse('YAML', [], 'the file did not parse');
  const doc = parsed.clone();
  const end = scalarAt(doc, ['period', 'end']);
  const fye = scalarAt(doc, ['fund', 'fiscal_year_end']);
  if (!end) return refuse('REQUIRED', ['period', 'end'], 'is required');
  if (!fye) return refuse('REQUIRED', ['fund', 'fiscal_year_end'], 'is required');
  const toDate = parseDate(to);
  if (!toDate.ok) return refuse('ROLL_FORWARD_TO', ['period', 'end'], `--to ${to}: ${toDate.message.replace(/^"[^"]*" /, '')}`);
  if (to <= end) return refuse('ROLL_FORWARD_TO', ['period', 'end'], `--to ${to} must be after the period's end, ${end}`);

  // The period: an annual report covers the fiscal year; a semiannual one starts after this period.
  const annual = fiscalYearEndFor(to, fye) === to;
  const start = annual ? fiscalYearStartFor(to, fye) : addDays(end, 1);
  // An annual report after the same year's semiannual one replaces it: its figures run from the fiscal
  // year's beginning, and its comparatives are the earlier fiscal periods, not the half year.
  const replacesHalfYear = start === scalarAt(doc, ['period', 'start']);
  const opening = (closingKey: string, openingKey: string) => (replacesHalfYear ? openingKey : closingKey);
  doc.setIn(['period', 'start'], start);
  doc.setIn(['period', 'end'], to);
  doc.setIn(['period', 'kind'], annual ? 'annual' : 'semiannual');
  for (const key of ['label', 'report_date', 'average_daily_net_assets']) doc.setIn(['period', key], PLACEHOLDER);

  // Statements: every figure to be filled; the changes in net assets gain a new current column whose
  // beginning net assets are this period's end.
  for (const key of ['assets_and_liabilities', 'operations', 'cash_flows']) fill(get(doc, ['statements', key]));
  const changes = get(doc, ['statements', 'changes_in_net_assets']);
  if (isSeq(changes) && changes.items[0]) {
    const beginning = scalarAt(doc, ['statements', 'changes_in_net_assets', 0, opening('net_assets_end', 'net_assets_beginning')]);
    const column = doc.createNode((changes.items[0] as YAMLMap).toJSON()) as YAMLMap;
    fill(column, new Set());
    column.set('start', start);
    column.set('end', to);
    if (beginning) column.set('net_assets_beginning', beginning);
    const comparative = replacesHalfYear ? changes.items[1] : changes.items[0];
    changes.items = comparative ? [column, comparative] : [column];
  }

  // Financial highlights: a new current column that begins at this period's NAV.
  const columns = get(doc, ['financial_highlights', 'columns']);
  if (isSeq(columns) && columns.items[0]) {
    const nav = scalarAt(doc, ['financial_highlights', 'columns', 0, 'values', opening('nav_end', 'nav_beginning')]);
    const column = doc.createNode((columns.items[0] as YAMLMap).toJSON()) as YAMLMap;
    fill(column, new Set(['marks']));
    column.set('end', to);
    column.delete('group');
    if (nav) (column.get('values') as YAMLMap).set('nav_beginning', nav);
    if (replacesHalfYear) columns.items.shift();
    columns.items.unshift(column);
  }

  // Common shares: the new period begins with this period's ending shares.
  const common = get(doc, ['common_shares']);
  if (isSeq(common) && common.items[0]) {
    const beginning = scalarAt(doc, ['common_shares', 0, opening('ending', 'beginning')]);
    const column = doc.createNode({ label: PLACEHOLDER, beginning: beginning ?? PLACEHOLDER, ending: PLACEHOLDER });
    common.items = [column, ...common.items.slice(replacesHalfYear ? 1 : 0, replacesHalfYear ? 3 : 2)];
  }

  // Preferred shares: outstanding at the start are this period's outstanding.
  const outstanding = scalarAt(doc, ['preferred_shares', replacesHalfYear ? 'outstanding_beginning' : 'outstanding']);
  if (outstanding) {
    doc.setIn(['preferred_shares', 'outstanding_beginning'], outstanding);
    for (const key of ['outstanding', 'shares_retired']) doc.setIn(['preferred_shares', key], PLACEHOLDER);
    fill(get(doc, ['preferred_shares', 'series']), new Set(['series']));
    if (doc.hasIn(['preferred_shares', 'subsequent_dividends'])) doc.deleteIn(['preferred_shares', 'subsequent_dividends']);
  }

  // The schedule keeps its holdings' descriptions and principal; every value and percent is to be filled.
  fill(get(doc, ['schedule_of_investments']));
  for (const key of ['performance', 'notes_data']) fill(get(doc, [key]));
  fill(get(doc, ['agreements', 'advisory', 'average_base']), new Set(['unit']));
  if (doc.hasIn(['agreements', 'advisory', 'base_values'])) doc.deleteIn(['agreements', 'advisory', 'base_values']);

  // Period events do not roll forward.
  for (const key of ['proxy', 'dividends_declared']) doc.delete(key);
  if (doc.hasIn(['flux', 'explanations'])) doc.deleteIn(['flux', 'explanations']);

  doc.commentBefore = ` Rolled forward from ${file} by \`fundbook roll-forward --to ${to}\`. Every figure marked\n ${PLACEHOLDER} must be entered before the period's documents can be built; \`fundbook check\` lists them.\n${doc.commentBefore ?? ''}`;
  return { text: doc.toString({ lineWidth: 0 }) };
}

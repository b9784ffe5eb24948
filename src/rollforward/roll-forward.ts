// Start the next period's file from this one: what does not change by period (the fund, its agreements,
// boilerplate text, share classes, the holdings' descriptions and terms) is carried; this period's closing
// figures move into the comparative columns; every period figure becomes the explicit placeholder TO BE
// FILLED, which `fundbook check` reports until it is filled. Which is which is the schema's: a field of
// kind `period` is filled, every other is carried (FieldKind in load/fields.ts). This module decides only
// the shape: the new columns, their opening figures, what is dropped. Works on the YAML document, so
// comments and order survive. Pure: text in, text out.
import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { parsedDocument } from '../load/load-fund.js';
import type { DataPath, Locator } from '../load/locate.js';
import { parseDate, PLACEHOLDER } from '../load/scalars.js';
import { fieldKindAt } from '../load/schema-keys.js';
import { fiscalYearEndFor, fiscalYearStartFor } from '../calc/fiscal-year.js';
import { addDays } from '../calc/period-days.js';

/** The placeholder in `figure`'s place, keeping the comments written on and around it. */
function placeholderFor(figure: Scalar): Scalar {
  const placeholder = new Scalar(PLACEHOLDER);
  placeholder.comment = figure.comment;
  placeholder.commentBefore = figure.commentBefore;
  placeholder.spaceBefore = figure.spaceBefore;
  return placeholder;
}

/** Every scalar under `node` (the data at `path`) whose schema kind is `period` becomes the placeholder;
 *  nodes in `asTheyStand` are carried whatever their fields' kinds. */
function fill(node: unknown, path: DataPath, asTheyStand: Set<unknown>): void {
  if (asTheyStand.has(node)) return;
  const visit = (value: unknown, at: DataPath, set: (v: Scalar) => void) => {
    if (!isScalar(value)) fill(value, at, asTheyStand);
    else if (fieldKindAt(at) === 'period') set(placeholderFor(value));
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) visit(pair.value, [...path, String(pair.key.value)], (v) => (pair.value = v));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => visit(item, [...path, i], (v) => (node.items[i] = v)));
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

  // Earlier periods' columns, and a board meeting's record (a meeting's, not the period's), are carried as
  // they stand whatever their fields' kinds.
  const asTheyStand = new Set<unknown>([get(doc, ['board_review'])]);

  // The changes in net assets gain a new current column whose beginning net assets are this period's end.
  const changes = get(doc, ['statements', 'changes_in_net_assets']);
  const netAssetsBeginning = scalarAt(doc, ['statements', 'changes_in_net_assets', 0, opening('net_assets_end', 'net_assets_beginning')]);
  let changesColumn: YAMLMap | undefined;
  if (isSeq(changes) && changes.items[0]) {
    changesColumn = doc.createNode((changes.items[0] as YAMLMap).toJSON()) as YAMLMap;
    const comparative = replacesHalfYear ? changes.items[1] : changes.items[0];
    changes.items = comparative ? [changesColumn, comparative] : [changesColumn];
    asTheyStand.add(comparative);
  }

  // Financial highlights: a new current column that begins at this period's NAV.
  const columns = get(doc, ['financial_highlights', 'columns']);
  const nav = scalarAt(doc, ['financial_highlights', 'columns', 0, 'values', opening('nav_end', 'nav_beginning')]);
  let highlightsColumn: YAMLMap | undefined;
  if (isSeq(columns) && columns.items[0]) {
    highlightsColumn = doc.createNode((columns.items[0] as YAMLMap).toJSON()) as YAMLMap;
    highlightsColumn.delete('group');
    if (replacesHalfYear) columns.items.shift();
    for (const earlier of columns.items) asTheyStand.add(earlier);
    columns.items.unshift(highlightsColumn);
  }

  // Common shares: the new period begins with this period's ending shares.
  const common = get(doc, ['common_shares']);
  const sharesBeginning = scalarAt(doc, ['common_shares', 0, opening('ending', 'beginning')]);
  let commonColumn: YAMLMap | undefined;
  if (isSeq(common) && common.items[0]) {
    const { label, beginning, ending } = (common.items[0] as YAMLMap).toJSON() as Record<string, unknown>;
    commonColumn = doc.createNode({ label, beginning, ending }) as YAMLMap;
    common.items = [commonColumn, ...common.items.slice(replacesHalfYear ? 1 : 0, replacesHalfYear ? 3 : 2)];
    for (const earlier of common.items.slice(1)) asTheyStand.add(earlier);
  }

  // Preferred shares: outstanding at the start are this period's outstanding.
  const outstanding = scalarAt(doc, ['preferred_shares', replacesHalfYear ? 'outstanding_beginning' : 'outstanding']);

  // Period events do not roll forward, nor does a base stated day by day.
  for (const key of ['proxy', 'dividends_declared']) doc.delete(key);
  for (const path of [['flux', 'explanations'], ['preferred_shares', 'subsequent_dividends'], ['agreements', 'advisory', 'base_values']]) {
    if (doc.hasIn(path)) doc.deleteIn(path);
  }

  // Every period figure to be filled; then the period and the opening figures carried in.
  fill(doc.contents, [], asTheyStand);
  doc.setIn(['period', 'start'], start);
  doc.setIn(['period', 'end'], to);
  doc.setIn(['period', 'kind'], annual ? 'annual' : 'semiannual');
  if (changesColumn) {
    changesColumn.set('start', start);
    changesColumn.set('end', to);
    if (netAssetsBeginning) changesColumn.set('net_assets_beginning', netAssetsBeginning);
  }
  if (highlightsColumn) {
    highlightsColumn.set('end', to);
    if (nav) (highlightsColumn.get('values') as YAMLMap).set('nav_beginning', nav);
  }
  if (commonColumn && sharesBeginning) commonColumn.set('beginning', sharesBeginning);
  if (outstanding) doc.setIn(['preferred_shares', 'outstanding_beginning'], outstanding);

  doc.commentBefore = ` Rolled forward from ${file} by \`fundbook roll-forward --to ${to}\`. Every figure marked\n ${PLACEHOLDER} must be entered before the period's documents can be built; \`fundbook check\` lists them.\n${doc.commentBefore ?? ''}`;
  return { text: doc.toString({ lineWidth: 0 }) };
}

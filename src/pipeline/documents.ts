// The documents fundbook prints, as one table: `--only`, the document kinds, the template folders and
// each fund's prepare step all read it. Adding a document is a view, a template folder
// (templates/<kind>/) and one entry here.
import type { Figures } from '../calc/compute.js';
import type { Locator } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import type { PagedView } from '../render/render-document.js';
import type { TemplateFormat } from '../render/templates.js';
import { edgarFileName } from '../edgar/file-name.js';
import { boardView, whereIn } from '../view/board-view.js';
import { reportView } from '../view/report-view.js';

/** What a fund document's view is made from: one validated fund-period and its figures. */
interface FundData {
  fund: FundPeriod;
  figures: Figures;
  locate: Locator;
}

/** A view a document prints: its sections (for the contents and bookmarks) and the PDF's title and author. */
export type DocumentView = PagedView & { documentTitle: string; author: string };

interface FundDocument {
  /** The document's kind: its template folder `templates/<kind>/` and, for a PDF, its file `<kind>.pdf`. */
  kind: string;
  /** 'edgar': an EDGAR HTML document (docs/edgar.md), written as HTML, not printed. Default 'pdf'. */
  format?: 'pdf' | 'edgar';
  /** Its file name, where it is not `<kind>.pdf`. */
  file?(fund: FundPeriod): string;
  /** Its name for `build --only`, and in messages. */
  cli: string;
  title: string;
  /** The section of the fund file it needs beyond the core data; without it the document is not printed. */
  needs?: keyof FundPeriod;
  view(data: FundData): DocumentView;
  /** The PDF's Subject line (an EDGAR document has none). */
  subject(view: DocumentView): string;
}

/** One entry per document printed from a fund-period, in the order they are printed. */
export const FUND_DOCUMENTS = [
  {
    kind: 'shareholder-report',
    cli: 'report',
    title: 'shareholder report',
    view: ({ fund, figures }) => reportView(fund, figures),
    subject: (view) => {
      const v = view as ReturnType<typeof reportView>;
      return `${v.reportKind}, ${v.asOf}`;
    },
  },
  {
    kind: 'board-approval',
    cli: 'board',
    title: 'board-approval book',
    needs: 'board_review',
    view: ({ fund, figures, locate }) => boardView(fund, fund.board_review!, figures, figures.board!, whereIn(locate)),
    subject: (view) => `Section 15(c) contract renewal, ${(view as ReturnType<typeof boardView>).meeting}`,
  },
  {
    // The shareholder report as filed on EDGAR: the report's own view model in EDGAR's HTML.
    kind: 'edgar',
    cli: 'edgar',
    title: 'EDGAR HTML shareholder report',
    format: 'edgar',
    file: (fund) => edgarFileName(fund.fund.id, fund.period.end),
    view: ({ fund, figures }) => reportView(fund, figures),
    subject: (view) => {
      const v = view as ReturnType<typeof reportView>;
      return `${v.reportKind}, ${v.asOf}`;
    },
  },
] as const satisfies readonly FundDocument[];

/** The period diff, printed from two periods of one fund (pipeline/build-diff.ts). */
const PERIOD_DIFF = { kind: 'period-diff' } as const;

export type DocumentKind = (typeof FUND_DOCUMENTS)[number]['kind'] | (typeof PERIOD_DIFF)['kind'];
export type DocumentName = (typeof FUND_DOCUMENTS)[number]['cli'];

export const DOCUMENT_NAMES: readonly string[] = FUND_DOCUMENTS.map((d) => d.cli);

/** How each document's templates are compiled (render/templates.ts), by kind: every document fundbook prints. */
export const DOCUMENT_FORMATS: Readonly<Record<string, TemplateFormat>> = Object.fromEntries([
  ...FUND_DOCUMENTS.map((d) => [d.kind, 'format' in d ? d.format : 'pdf'] as const),
  [PERIOD_DIFF.kind, 'pdf'] as const,
]);

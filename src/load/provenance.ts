// Whether a fund-period file is synthetic, wholly or in part. Synthetic data is marked in the file:
// `fund.synthetic: true` for a wholly invented fund, the word SYNTHETIC (in capitals, usually a comment)
// where a part is generated, and `synthetic: true` on board-review data drawn up for illustration.
// Comments do not survive loading, so the source text is read here.
import type { FundPeriod } from './schema.js';

export interface Provenance {
  synthetic: 'wholly' | 'partly' | 'no';
  /** Lines of the file that carry the SYNTHETIC mark. */
  markedLines: number;
}

export function provenanceOf(source: string, fund: FundPeriod): Provenance {
  const markedLines = source.split('\n').filter((line) => /\bSYNTHETIC\b/.test(line)).length;
  const review = fund.board_review;
  const partly = markedLines > 0 || review?.expense_group.synthetic === true || review?.performance_universe.synthetic === true;
  return { synthetic: fund.fund.synthetic ? 'wholly' : partly ? 'partly' : 'no', markedLines };
}

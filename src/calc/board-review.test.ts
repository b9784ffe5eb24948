import { it } from 'vitest';
import { loadFundFile } from '../load/load-fund.js';
import { computeFigures } from './compute.js';
import { calculateBoardReview } from './board-review.js';
it('explore', () => {
  const l = loadFundFile('data/iqm/2011-08-31.yaml');
  console.log(l.problems);
  const f = l.fund!;
  const fig = computeFigures(f);
  const b = calculateBoardReview(f, f.board_review!, fig);
  console.log(JSON.stringify({ ...b, workings: undefined }, null, 1));
  console.log(b.workings.join('\n'));
  console.log(fig.preferredCoverage!.headroomFraction.toString(), fig.expenseCap!.coveredRatio.toString(), fig.advisoryFee.averageBase.toString());
});

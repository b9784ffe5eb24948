// `fundbook init` on files: check the fund id and the period end, generate the file (init/new-fund.ts)
// and write it as data/<fund-id>/<period-end>.yaml under --out, never over an existing file.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDate } from '../load/scalars.js';
import { schemasAt } from '../load/schema-keys.js';
import { writeNewFile, type RollForwardResult } from '../rollforward/roll-forward-file.js';
import { meaningsFrom, newFundText } from './new-fund.js';

// The format's own page, shipped with the package: where the comments' meanings come from.
const DATA_FORMAT = new URL('../../docs/data-format.md', import.meta.url);

/** The file written, or why not: `usage` for an id or date the format does not take. */
export function initFile(fundId: string, periodEnd: string, outDir: string): RollForwardResult | { usage: string } {
  // The fund id and the date are checked by the schema's own rules for fund.id and period.end.
  const idRule = schemasAt(['fund', 'id'])[0]!.safeParse(fundId);
  if (!idRule.success) return { usage: `"${fundId}": ${idRule.error.issues[0]!.message}` };
  const date = parseDate(periodEnd);
  if (!date.ok) return { usage: `--period-end ${periodEnd}: ${date.message}` };
  const meanings = meaningsFrom(existsSync(DATA_FORMAT) ? readFileSync(DATA_FORMAT, 'utf8') : '');
  const folder = join(outDir, fundId);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    return { error: `cannot make the folder ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  return writeNewFile(join(folder, `${date.value}.yaml`), newFundText(fundId, date.value, meanings));
}

// What README.md and docs/data-format.md say about the board book holds for a fresh clone: the files they
// name exist, every board_review key the schema knows is documented, and `check` accepts IQM's meeting file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const README = readFileSync('README.md', 'utf8');
const FORMAT = readFileSync('docs/data-format.md', 'utf8');

describe('the board book docs', () => {
  it('name files that exist', () => {
    for (const file of ['data/iqm/board/2011-06-15.yaml', 'data/iqm/board/2011-06-15-expense-group.csv', 'data/iqm/2011-02-28.yaml']) {
      expect(README).toContain(file);
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('document every board_review key of the meeting file', () => {
    const meeting = readFileSync('data/iqm/board/2011-06-15.yaml', 'utf8');
    const keys = [...meeting.matchAll(/^ {2}([a-z_]+):/gm)].map((m) => m[1]!);
    expect(keys).toContain('agreements_under_renewal');
    for (const key of keys) expect(FORMAT, key).toContain(`\`${key}\``);
    for (const key of ['peers_file', 'basis', 'return_basis', 'median_return', 'fund_period']) expect(FORMAT).toContain(key);
  });

  it('show a check of the meeting file that passes, as README says', async () => {
    expect(README).toContain('npx fundbook check data/iqm/board/2011-06-15.yaml');
    const run = await runCli(['check', 'data/iqm/board/2011-06-15.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('data/iqm/board/2011-06-15.yaml: 145 tie-outs checked, 0 failed; 0 errors, 3 warnings');
    expect(run.stdout).toContain('data/iqm/board/2011-06-15.yaml: the board review draws on data/iqm/2011-02-28.yaml; its own findings: fundbook check data/iqm/2011-02-28.yaml');
  });
});

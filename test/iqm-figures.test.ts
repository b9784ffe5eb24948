// Golden tests: the IQM figures that `fundbook figures` prints, against the real N-CSRS
// (shared/reference/iqm-2011-08-31-ncsrs.txt), and the filing's own inconsistencies that `check` reports.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const IQM = 'data/iqm/2011-08-31.yaml';

/** A command in this process (test/run-cli.ts), its status as `code`. */
async function fundbook(...args: string[]) {
  const r = await runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const figuresRun = await fundbook('figures', IQM);
const checkRun = await fundbook('check', IQM);

describe('fundbook figures data/iqm/2011-08-31.yaml', () => {
  const run = figuresRun;
  const figures = JSON.parse(run.stdout);

  it('exits 0 and names fund and period', () => {
    expect(run.code).toBe(0);
    expect(figures.fund.id).toBe('iqm');
    expect(figures.period).toMatchObject({ start: '2011-03-01', end: '2011-08-31', days: 184 });
  });

  it('expense cap: 0.78% gross, 0.52% excluding interest, facilities and maintenance fees, no waiver against 0.66%', () => {
    // 735,719 / 187,753,000 x 365/184 = 0.7773%; (735,719 - 247,430) / 187,753,000 x 365/184 = 0.5159%.
    expect(figures.expenseCap).toMatchObject({ limit: '0.0066', grossRatio: '0.0078', coveredRatio: '0.0052', waiver: '0', reimbursement: '0' });
    // Cap for the period: 0.0066 x 187,753,000 x 184/365 = 624,677.38.
    expect(figures.expenseCap.capAmount).toBe('624677');
    expect(figures.expenseCap.coveredExpenses).toBe('488289');
  });

  it('advisory fee: 0.27% for 184/365 of a year on the managed-asset base gives the booked $377,455', () => {
    expect(figures.advisoryFee).toMatchObject({ computed: '377455', booked: '377455', agrees: true });
    // 377,455 x 365 / (0.0027 x 184) = 277,316,978.7
    expect(figures.advisoryFee.impliedBase).toBe('277316979');
  });

  it('preferred coverage: $227,044 a share, 454%, compliant', () => {
    // (286,382,448 - 36,633,820) / 1,100 = 227,044.21; / 55,000,000 = 4.5409
    expect(figures.preferredCoverage).toMatchObject({ perShare: '227044', ratio: '4.5409', compliant: true, commonDividendsBlocked: false });
  });

  it('proxy: the five trustees elected by common and preferred together; the preferred-only vote short of quorum', () => {
    const [proposal] = figures.proxy.proposals;
    const [together, preferred] = proposal.groups;
    expect(together.nominees[0]).toMatchObject({ name: 'David C. Arch', for: '11285035', withheld: '392952', outcome: 'elected' });
    expect(together.nominees.map((n: { outcome: string }) => n.outcome)).toEqual(Array(5).fill('elected'));
    expect(preferred.nominees[0]).toMatchObject({ name: 'Frank S. Bayley', for: '106', withheld: '4', outcome: 'no quorum' });
  });

  it('market discount computed from NAV 14.47 and price 14.19 is -1.94%, not the stated -2.00%', () => {
    expect(figures.marketPremiumDiscount).toBe('-0.0194');
  });
});

describe('fundbook check data/iqm/2011-08-31.yaml', () => {
  const run = checkRun;

  it('exits 0: the filing ties out, and its own inconsistencies are warnings', () => {
    expect(run.code).toBe(0);
    // 9 of the filing's own (its board review is the meeting file's: test/board-findings.test.ts).
    expect(run.stdout).toMatch(/0 errors, 9 warnings/);
  });

  it.each([
    ['performance.market_discount', 'warning STATED_VS_COMPUTED: market price discount to NAV: stated -2.00%, computed -1.94%, difference 0.06% from market price 14.19 and NAV 14.47'],
    ['financial_highlights.printed_labels.expense_ratio_excluding_ifm', 'warning HIGHLIGHTS_LABEL'],
    ['financial_highlights.printed_labels.asset_coverage_per_preferred_share', 'warning HIGHLIGHTS_LABEL: financial highlights label "Net asset value per preferred share": the row holds asset coverage per preferred share'],
    ['performance.rows[0].value', 'warning STATED_INCONSISTENT: total return at NAV: the performance summary states 10.45%, the financial highlights 10.37%'],
    ['financial_highlights.columns[0].values.nii_ratio_before_preferred', "stated 6.55%, computed 6.54%, difference 0.01% (actual/365 on average daily net assets of 187,753,000); annualising on the fiscal year's 366 days instead of 365 gives the stated figure"],
    ['schedule_of_investments.groups[24].percent_of_net_assets', 'New Mexico: percent of net assets: stated 0.88%, computed 0.87%'],
    ['proxy[0].proposals[0].groups[1].group', 'QUORUM_NOT_MET: proposal 1 (preferred): 110 of 1,100 shares present (10.0%), below the 50% quorum'],
  ])('reports %s', (path, text) => {
    const line = run.stdout.split('\n').find((l) => l.includes(` ${path}: `));
    expect(line).toBeDefined();
    expect(line).toMatch(/^data\/iqm\/2011-08-31\.yaml:\d+:\d+ /);
    expect(line).toContain(text);
  });

  it('--strict turns the warnings into a failure', async () => {
    expect((await fundbook('check', '--strict', IQM)).code).toBe(1);
  });
});

describe('fundbook figures on data that does not tie out', () => {
  it('still prints the figures, with the error finding, and exits 1', async () => {
    const { mkdtempSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'fundbook-figures-'));
    try {
      const file = join(dir, '2011-08-31.yaml');
      writeFileSync(file, readFileSync(IQM, 'utf8').replace('      total: 735,719', '      total: 735,720'));
      const run = await fundbook('figures', file);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout);
      expect(json.findings.find((f: { code: string }) => f.code === 'TIE_OUT').message).toBe('Total expenses foot: stated 735,720, computed 735,719, difference 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

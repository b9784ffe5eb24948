// The bad-input corpus for `fundbook check`: each case is one deliberate mistake, made in a copy of
// base.yaml, with the exact lines fundbook must print for it. test/bad-input.test.ts writes every case
// to a temporary directory as `<name>.yaml`, runs the real CLI there (`node bin/fundbook.js check
// <name>.yaml`, so printed paths are just `<name>.yaml`) and compares.
//
// base.yaml is a byte-for-byte copy of data/iqm/2011-08-31.yaml as committed in b2883ef. It is frozen
// here, rather than read from data/ at test time, because every expected line:col below is written by
// hand against its line numbers; data/iqm is edited as the project moves (a line added near the top
// would shift every expectation). The test also checks that base.yaml itself still checks clean, so a
// schema change that invalidates it shows up as that one failure, not as a wall of unrelated ones.
//
// Line:col are 1-based, the column counting characters. For a value, the column is where the value
// starts (e.g. `      advisory_fees: 377,455` -> col 22); for an unknown key, where the key starts.

export type Mutation = (base: string) => string | Uint8Array;

export interface BadInputCase {
  /** The case's name; the input is written (or looked for) as `<name>.yaml`, or `<name>` for a directory. */
  name: string;
  /** What is wrong with the input, in a reader's words. */
  broken: string;
  input: { mutate: Mutation } | { directory: 'empty' } | { missing: true };
  /** A file that does not load: every stdout line, in order (the problems, then the summary). */
  stdout?: string[];
  /**
   * A file that loads and is then computed: the finding lines printed beyond base.yaml's own (base.yaml
   * has 8 warnings of its own, which every such case prints too), in order; base.yaml's lines that no
   * longer appear; and the summary line.
   */
  findings?: { added: string[]; removed?: string[]; summary: string };
  /** Every stderr line (none unless given). */
  stderr?: string[];
  /**
   * Set when fundbook prints something else today: the exact-output test is then `it.fails`, and this
   * says what it prints instead. Fix src/, then delete this field.
   */
  knownBug?: string;
}

// ---- mutation helpers: each checks that base.yaml still reads as the case expects ------------------

function lineIndex(lines: string[], line: number): number {
  if (line < 1 || line > lines.length) throw new Error(`base.yaml has no line ${line}`);
  return line - 1;
}

/** On 1-based `line`, which must contain `from` exactly once, replace it with `to`. */
export function onLine(line: number, from: string, to: string): Mutation {
  return (base) => {
    const lines = base.split('\n');
    const i = lineIndex(lines, line);
    const text = lines[i]!;
    if (text.split(from).length !== 2) {
      throw new Error(`base.yaml line ${line} is ${JSON.stringify(text)}: expected it to contain ${JSON.stringify(from)} once`);
    }
    lines[i] = text.replace(from, () => to);
    return lines.join('\n');
  };
}

/** Replace the whole of 1-based `line`, which must read `was`, with `text` (which may hold several lines). */
export function replaceLine(line: number, was: string, text: string): Mutation {
  return (base) => {
    const lines = base.split('\n');
    const i = lineIndex(lines, line);
    if (lines[i] !== was) throw new Error(`base.yaml line ${line} is ${JSON.stringify(lines[i])}, not ${JSON.stringify(was)}`);
    lines[i] = text;
    return lines.join('\n');
  };
}

/** Apply text mutations one after another (each sees the line numbers of base.yaml: none may add lines). */
export function all(...mutations: Mutation[]): Mutation {
  return (base) =>
    mutations.reduce<string>((text, m) => {
      const out = m(text);
      if (typeof out !== 'string') throw new Error('all() combines text mutations only');
      return out;
    }, base);
}

const text = (m: Mutation) => (base: string) => m(base) as string;

// The alias bomb ("billion laughs"): nine levels of nine aliases each, 9^9 = 387,420,489 strings if expanded.
const ALIAS_BOMB = [
  'lol:',
  '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((c, i) => {
    const prev = 'abcdefgh'[i]!;
    return `  ${c}: &${c} [${Array(9).fill(`*${prev}`).join(', ')}]`;
  }),
].join('\n');

/** base.yaml's own warnings, which every calculator case prints too (see the `findings` field). */
const SUMMARY_BASE_WARNINGS = '8 warnings';

export const CASES: BadInputCase[] = [
  // ---- YAML syntax --------------------------------------------------------------------------------
  {
    name: 'unclosed-quote',
    broken: 'line 9: the fund name opens a double quote and never closes it',
    input: { mutate: onLine(9, 'name: Invesco', 'name: "Invesco') },
    // Col 46 is just past the end of line 9, where the closing quote is missing.
    stdout: ['unclosed-quote.yaml:9:46 Missing closing "quote', 'unclosed-quote.yaml: not checked further (1 error)'],
  },
  {
    name: 'unclosed-bracket',
    broken: 'line 206: a footnote-mark list `[e` has no closing bracket',
    input: { mutate: onLine(206, '[e]', '[e') },
    // `        expense_ratio: [e` -> the `[` is at col 24; that is where the user must look.
    stdout: [
      'unclosed-bracket.yaml:206:24 Flow sequence in block collection must be sufficiently indented and end with a ]',
      'unclosed-bracket.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'tab-indent',
    broken: 'line 10: `ticker:` is indented with a tab instead of two spaces',
    input: { mutate: onLine(10, '  ticker: IQM', '\tticker: IQM') },
    // One tab, one problem.
    stdout: ['tab-indent.yaml:10:1 Tabs are not allowed as indentation', 'tab-indent.yaml: not checked further (1 error)'],
  },
  {
    name: 'duplicate-key',
    broken: 'line 11: `exchange:` renamed `ticker:`, so `fund` has `ticker` twice (lines 10 and 11)',
    input: { mutate: onLine(11, 'exchange: NYSE', 'ticker: NYSE') },
    stdout: ['duplicate-key.yaml:11:3 duplicate key "ticker"', 'duplicate-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'empty-file',
    broken: 'the file has no bytes at all',
    input: { mutate: () => '' },
    stdout: ['empty-file.yaml:1:1 the file is empty', 'empty-file.yaml: not checked further (1 error)'],
  },
  {
    name: 'only-a-comment',
    broken: 'the file holds one comment line and no data',
    input: { mutate: () => '# Invesco Quality Municipal Securities, 2011-08-31: to be transcribed\n' },
    stdout: ['only-a-comment.yaml:1:1 the file is empty', 'only-a-comment.yaml: not checked further (1 error)'],
  },
  {
    name: 'not-a-mapping',
    broken: 'the file is a YAML list, not a mapping of keys',
    input: { mutate: () => '- iqm\n- 2011-08-31\n' },
    stdout: [
      'not-a-mapping.yaml:1:1 a fund file is a mapping of keys (fundbook:, fund:, period:, ...)',
      'not-a-mapping.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'alias-bomb',
    broken: 'a "billion laughs" block of nested anchors and aliases replaces the blank line 6',
    input: { mutate: replaceLine(6, '', ALIAS_BOMB) },
    // Must stop quickly (the test also runs it under a timeout) with one clear error.
    stdout: [
      'alias-bomb.yaml:1:1 Excessive alias count indicates a resource exhaustion attack',
      'alias-bomb.yaml: not checked further (1 error)',
    ],
  },

  // ---- file-level -----------------------------------------------------------------------------------
  {
    name: 'empty-directory',
    broken: 'an (empty) directory is given where a fund file is expected',
    input: { directory: 'empty' },
    stdout: [],
    stderr: ['fundbook check: no fund-period files found in empty-directory'],
  },
  {
    name: 'missing-file',
    broken: 'the named file does not exist',
    input: { missing: true },
    stdout: ['missing-file.yaml:1:1 no such file', 'missing-file.yaml: not checked further (1 error)'],
  },
  {
    name: 'utf-16',
    broken: 'the whole file saved as UTF-16LE with a byte-order mark (bytes 0xff 0xfe ...)',
    input: { mutate: (base) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]) },
    stdout: ['utf-16.yaml:1:1 is not UTF-8 text (byte 0xff)', 'utf-16.yaml: not checked further (1 error)'],
  },
  {
    name: 'latin-1-byte',
    broken: 'line 9: one Latin-1 byte (0xe9, "é" in "Qualité") in an otherwise UTF-8 file',
    input: {
      mutate: (base) => {
        const [before, after] = text(onLine(9, 'Quality', 'Qualit\u0000'))(base).split('\u0000');
        return Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0xe9]), Buffer.from(after!, 'utf8')]);
      },
    },
    // `  name: Invesco Qualit` is 22 characters: the bad byte is character 23 of line 9.
    stdout: ['latin-1-byte.yaml:9:23 is not UTF-8 text (byte 0xe9)', 'latin-1-byte.yaml: not checked further (1 error)'],
  },

  // ---- schema: keys --------------------------------------------------------------------------------
  {
    name: 'unknown-key',
    broken: 'line 64: `advisory_fees` misspelt `advisory_fess`',
    input: { mutate: onLine(64, 'advisory_fees', 'advisory_fess') },
    stdout: [
      'unknown-key.yaml:64:7 statements.operations.expenses.advisory_fess: unknown key',
      'unknown-key.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'missing-required',
    broken: 'line 17: the required `fund.adviser` commented out',
    input: { mutate: onLine(17, '  adviser:', '  # adviser:') },
    // Pointed at the start of the `fund` mapping that lacks it (line 8, `id:`).
    stdout: ['missing-required.yaml:8:3 fund.adviser: is required', 'missing-required.yaml: not checked further (1 error)'],
  },
  {
    name: 'proto-key',
    broken: 'line 10: `ticker:` replaced by `__proto__:` holding a mapping (a prototype-pollution attempt)',
    input: { mutate: replaceLine(10, '  ticker: IQM', '  __proto__: { isAdmin: "true" }') },
    stdout: ['proto-key.yaml:10:3 fund.__proto__: unknown key', 'proto-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'proto-key-top-level',
    broken: 'line 6: a top-level `__proto__:` key',
    input: { mutate: replaceLine(6, '', '__proto__: { polluted: "yes" }') },
    stdout: ['proto-key-top-level.yaml:6:1 __proto__: unknown key', 'proto-key-top-level.yaml: not checked further (1 error)'],
  },
  {
    name: 'constructor-key',
    broken: 'line 6: a top-level `constructor:` key',
    input: { mutate: replaceLine(6, '', 'constructor: { prototype: { polluted: "yes" } }') },
    stdout: ['constructor-key.yaml:6:1 constructor: unknown key', 'constructor-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'format-version',
    broken: 'line 5: `fundbook: 2`, a file-format version that does not exist',
    input: { mutate: onLine(5, 'fundbook: 1', 'fundbook: 2') },
    stdout: ['format-version.yaml:5:11 fundbook: "2" is not a file format this fundbook reads (write fundbook: 1)', 'format-version.yaml: not checked further (1 error)'],
  },

  // ---- schema: values -------------------------------------------------------------------------------
  {
    name: 'list-for-amount',
    broken: 'line 64: advisory fees written as a list `[377,455]`',
    input: { mutate: onLine(64, '377,455', '[377,455]') },
    stdout: [
      'list-for-amount.yaml:64:22 statements.operations.expenses.advisory_fees: expected a single value, found a list',
      'list-for-amount.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-with-letters',
    broken: 'line 64: advisory fees `37x455`',
    input: { mutate: onLine(64, '377,455', '37x455') },
    stdout: [
      'amount-with-letters.yaml:64:22 statements.operations.expenses.advisory_fees: "37x455" is not an amount',
      'amount-with-letters.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'two-decimal-points',
    broken: 'line 57: NAV per share `14.4.7`',
    input: { mutate: onLine(57, '14.47', '14.4.7') },
    stdout: [
      'two-decimal-points.yaml:57:20 statements.assets_and_liabilities.nav_per_share: "14.4.7" is not an amount',
      'two-decimal-points.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'percent-for-amount',
    broken: 'line 36: cash `0.35%`',
    input: { mutate: onLine(36, '685,354', '0.35%') },
    stdout: [
      'percent-for-amount.yaml:36:13 statements.assets_and_liabilities.assets.cash: "0.35%" is not an amount (it is a percent)',
      'percent-for-amount.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-for-percent',
    broken: 'line 391: the advisory fee rate `0.27` without its % sign',
    input: { mutate: onLine(391, '0.27%', '0.27') },
    stdout: [
      'amount-for-percent.yaml:391:15 agreements.advisory.schedule[0].rate: "0.27" is not a percent (write it with a % sign, e.g. 0.27%)',
      'amount-for-percent.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'date-does-not-exist',
    broken: 'line 23: period start 2011-02-30',
    input: { mutate: onLine(23, '2011-03-01', '2011-02-30') },
    stdout: [
      'date-does-not-exist.yaml:23:10 period.start: "2011-02-30" is not a date that exists',
      'date-does-not-exist.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'negative-share-count',
    broken: 'line 56: common shares outstanding `-13,454,169`',
    input: { mutate: onLine(56, '13,454,169', '-13,454,169') },
    stdout: [
      'negative-share-count.yaml:56:32 statements.assets_and_liabilities.common_shares_outstanding: "-13,454,169" must not be negative',
      'negative-share-count.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'fractional-share-count',
    broken: 'line 150: preferred shares outstanding `1,100.5`',
    input: { mutate: onLine(150, '1,100', '1,100.5') },
    stdout: [
      'fractional-share-count.yaml:150:16 preferred_shares.outstanding: "1,100.5" is not a whole number',
      'fractional-share-count.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'invalid-enum',
    broken: 'line 423: proxy voting standard `plurarity` (a typo for plurality)',
    input: { mutate: onLine(423, 'plurality', 'plurarity') },
    stdout: [
      'invalid-enum.yaml:423:19 proxy[0].proposals[0].standard: "plurarity" is not one of: plurality, majority_of_votes_cast, majority_of_outstanding_1940_act',
      'invalid-enum.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'to-be-filled',
    broken: 'line 64: advisory fees left as the roll-forward placeholder `TO BE FILLED`',
    input: { mutate: onLine(64, '377,455', 'TO BE FILLED') },
    stdout: [
      'to-be-filled.yaml:64:22 statements.operations.expenses.advisory_fees: to be filled',
      'to-be-filled.yaml: not checked further (1 to be filled, 0 other errors)',
    ],
  },
  {
    name: 'multiple-errors',
    broken:
      'three fields broken at once, listed here out of line order: line 423 standard `plurarity`, line 16 fiscal year end `Feb 28`, line 64 `advisory_fess`',
    input: {
      mutate: all(onLine(423, 'plurality', 'plurarity'), onLine(16, '02-28', 'Feb 28'), onLine(64, 'advisory_fees', 'advisory_fess')),
    },
    stdout: [
      'multiple-errors.yaml:16:20 fund.fiscal_year_end: write the fiscal year end as MM-DD',
      'multiple-errors.yaml:64:7 statements.operations.expenses.advisory_fess: unknown key',
      'multiple-errors.yaml:423:19 proxy[0].proposals[0].standard: "plurarity" is not one of: plurality, majority_of_votes_cast, majority_of_outstanding_1940_act',
      'multiple-errors.yaml: not checked further (3 errors)',
    ],
  },

  // ---- calculator findings (the file loads; the figures do not agree) ------------------------------
  {
    name: 'votes-over-outstanding',
    broken:
      'line 428: David C. Arch given 13,285,035 votes for; with 392,952 withheld that is 13,677,987, more than the 13,455,269 common and preferred shares outstanding',
    input: { mutate: onLine(428, '"11,285,035"', '"13,285,035"') },
    findings: {
      // The finding points at the votes for of the nominee whose votes run over.
      added: [
        'votes-over-outstanding.yaml:428:45 proxy[0].proposals[0].groups[0].nominees[0].for: error VOTES_OVER_OUTSTANDING: proposal 1 (common and preferred): David C. Arch: 13,285,035 for + 392,952 withheld = 13,677,987 votes, but only 13,455,269 shares outstanding',
      ],
      summary: `votes-over-outstanding.yaml: 159 tie-outs checked, 2 failed; 1 error, ${SUMMARY_BASE_WARNINGS}`,
    },
  },
  {
    name: 'votes-over-outstanding-fourth-nominee',
    broken:
      'line 431: the fourth nominee, Philip A. Taylor, given 13,333,978 votes for; with 344,009 withheld that is 13,677,987, more than the 13,455,269 shares outstanding',
    input: { mutate: onLine(431, '"11,333,978"', '"13,333,978"') },
    findings: {
      // `              - { name: Philip A. Taylor, ...`: the nominee's `{` is at col 17.
      added: [
        'votes-over-outstanding-fourth-nominee.yaml:431:48 proxy[0].proposals[0].groups[0].nominees[3].for: error VOTES_OVER_OUTSTANDING: proposal 1 (common and preferred): Philip A. Taylor: 13,333,978 for + 344,009 withheld = 13,677,987 votes, but only 13,455,269 shares outstanding',
      ],
      summary: `votes-over-outstanding-fourth-nominee.yaml: 159 tie-outs checked, 2 failed; 1 error, ${SUMMARY_BASE_WARNINGS}`,
    },
  },
  {
    name: 'holding-off-subtotal',
    broken: 'line 475: the first Alabama holding valued 574,459 instead of 574,458, so Alabama\'s holdings no longer sum to its subtotal',
    input: { mutate: onLine(475, '574,458', '574,459') },
    findings: {
      // Only the group's own subtotal fails: total investments are checked against the stated subtotals,
      // which still sum, and Alabama's percent of net assets still rounds to 0.97%.
      added: [
        'holding-off-subtotal.yaml:467:17 schedule_of_investments.groups[0].subtotal: error TIE_OUT: Alabama: holdings sum to the subtotal: stated 1,880,511, computed 1,880,512',
      ],
      summary: `holding-off-subtotal.yaml: 159 tie-outs checked, 3 failed; 1 error, ${SUMMARY_BASE_WARNINGS}`,
    },
  },
  {
    name: 'expenses-do-not-foot',
    broken: 'line 71: total expenses 735,720, one more than the expense lines sum to (735,719)',
    input: { mutate: onLine(71, '735,719', '735,720') },
    findings: {
      // The total fails to foot, and net investment income (6,921,458 interest - 735,720) follows it.
      added: [
        'expenses-do-not-foot.yaml:71:14 statements.operations.expenses.total: error TIE_OUT: Total expenses foot: stated 735,720, computed 735,719',
        'expenses-do-not-foot.yaml:72:28 statements.operations.net_investment_income: error TIE_OUT: Net investment income = income - net expenses: stated 6,185,739, computed 6,185,738',
      ],
      summary: `expenses-do-not-foot.yaml: 159 tie-outs checked, 4 failed; 2 errors, ${SUMMARY_BASE_WARNINGS}`,
    },
  },
];

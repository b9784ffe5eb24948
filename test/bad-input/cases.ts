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
   * The exit status `check` must end with: 1 (the default) for bad input. 0 marks a robustness case, a
   * file written in an unusual but valid way (CRLF line endings, a byte-order mark, an alias) that must
   * load and check like base.yaml itself, or a calculator finding that is only a warning.
   */
  exit?: 0 | 1;
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

/**
 * On 1-based `line`, which must contain `from` once, put `parts` in its place: strings as UTF-8, number
 * arrays as raw bytes (which need not be UTF-8).
 */
export function bytesOnLine(line: number, from: string, parts: (string | number[])[]): Mutation {
  return (base) => {
    const [before, after] = text(onLine(line, from, '\u0000'))(base).split('\u0000');
    return Buffer.concat([before!, ...parts, after!].map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  };
}

/** Exactly 50 MiB: base.yaml followed by one long comment line. */
const FIFTY_MB = 50 * 1024 * 1024;
function padTo(bytes: number): Mutation {
  return (base) => {
    const head = Buffer.from(`${base}# padding\n#`, 'utf8');
    return Buffer.concat([head, Buffer.alloc(bytes - head.length - 1, 'x'), Buffer.from('\n')]);
  };
}

/**
 * A short board_review block (SYNTHETIC: a cut-down form of the one in data/iqm), appended after
 * base.yaml's last line (2269), so it starts at line 2270; the performance periods given are lines
 * 2286 onwards, one each.
 */
function withBoardReview(...periods: string[]): Mutation {
  return (base) => {
    if (!base.endsWith('\n') || base.split('\n').length !== 2270) throw new Error('base.yaml no longer has 2269 lines');
    const block = [
      'board_review:', // 2270
      '  meeting: { start: 2011-06-14, end: 2011-06-15, agreement_effective: 2011-07-01, term_months: 12 }',
      '  trustees:',
      '    - { name: Bruce L. Crockett, independent: true, chair: true }',
      '  expense_group:',
      '    source: Lipper Inc. expense group (SYNTHETIC rows)', // 2275
      '    as_of: 2010-12-31',
      '    common_asset_level: 250,000,000',
      '    fund_contractual_fee: 0.270%',
      '    peers:',
      '      - { name: Peer Municipal Trust A (synthetic), contractual_fee: 0.350%, total_expense_ratio: 0.92% }', // 2280
      '  performance_universe:',
      '    source: Lipper Inc. performance universe (SYNTHETIC returns and ranks)',
      '    as_of: 2010-12-31',
      '    index_name: Lipper Closed-End General Municipal Debt Funds (Leveraged) Index',
      '    periods:', // 2285
      ...periods.map((p) => `      - ${p}`), // 2286, ...
      '  services: Invesco Advisers provides the Trust\'s investment advisory services.',
      '  fall_out_benefits: Invesco Advisers and its affiliates receive fees for other services.',
    ];
    return `${base}${block.join('\n')}\n`;
  };
}

/** base.yaml's own warnings, which every calculator case prints too (see the `findings` field). */
const SUMMARY_BASE_WARNINGS = '8 warnings';

export const CASES: BadInputCase[] = [
  // ---- YAML syntax --------------------------------------------------------------------------------
  {
    name: 'unclosed-quote',
    broken: 'line 9: the fund name opens a double quote and never closes it',
    input: { mutate: onLine(9, 'name: Invesco', 'name: "Invesco') },
    // Col 46 is just past the end of line 9, where the closing quote is missing.
    stdout: ['unclosed-quote.yaml:9:46 fund.name: error YAML: Missing closing "quote', 'unclosed-quote.yaml: not checked further (1 error)'],
  },
  {
    name: 'unclosed-bracket',
    broken: 'line 206: a footnote-mark list `[e` has no closing bracket',
    input: { mutate: onLine(206, '[e]', '[e') },
    // `        expense_ratio: [e` -> the `[` is at col 24; that is where the user must look.
    stdout: [
      'unclosed-bracket.yaml:206:24 financial_highlights.columns[0].marks.expense_ratio: error YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'unclosed-bracket.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'tab-indent',
    broken: 'line 10: `ticker:` is indented with a tab instead of two spaces',
    input: { mutate: onLine(10, '  ticker: IQM', '\tticker: IQM') },
    // One tab, one problem.
    stdout: ['tab-indent.yaml:10:1 fund: error YAML: Tabs are not allowed as indentation', 'tab-indent.yaml: not checked further (1 error)'],
  },
  {
    name: 'duplicate-key',
    broken: 'line 11: `exchange:` renamed `ticker:`, so `fund` has `ticker` twice (lines 10 and 11)',
    input: { mutate: onLine(11, 'exchange: NYSE', 'ticker: NYSE') },
    stdout: ['duplicate-key.yaml:11:3 error DUPLICATE_KEY: duplicate key "ticker"', 'duplicate-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'empty-file',
    broken: 'the file has no bytes at all',
    input: { mutate: () => '' },
    stdout: ['empty-file.yaml:1:1 error YAML: the file is empty', 'empty-file.yaml: not checked further (1 error)'],
  },
  {
    name: 'only-a-comment',
    broken: 'the file holds one comment line and no data',
    input: { mutate: () => '# Invesco Quality Municipal Securities, 2011-08-31: to be transcribed\n' },
    stdout: ['only-a-comment.yaml:1:1 error YAML: the file is empty', 'only-a-comment.yaml: not checked further (1 error)'],
  },
  {
    name: 'not-a-mapping',
    broken: 'the file is a YAML list, not a mapping of keys',
    input: { mutate: () => '- iqm\n- 2011-08-31\n' },
    stdout: [
      'not-a-mapping.yaml:1:1 error YAML: a fund file is a mapping of keys (fundbook:, fund:, period:, ...)',
      'not-a-mapping.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'alias-bomb',
    broken: 'a "billion laughs" block of nested anchors and aliases replaces the blank line 6',
    input: { mutate: replaceLine(6, '', ALIAS_BOMB) },
    // Must stop quickly (the test also runs it under a timeout) with one clear error.
    stdout: [
      'alias-bomb.yaml:1:1 error YAML: Excessive alias count indicates a resource exhaustion attack',
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
    stdout: ['missing-file.yaml:1:1 error FILE: no such file', 'missing-file.yaml: not checked further (1 error)'],
  },
  {
    name: 'utf-16',
    broken: 'the whole file saved as UTF-16LE with a byte-order mark (bytes 0xff 0xfe ...)',
    input: { mutate: (base) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]) },
    stdout: ['utf-16.yaml:1:1 error FILE: is not UTF-8 text (byte 0xff)', 'utf-16.yaml: not checked further (1 error)'],
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
    stdout: ['latin-1-byte.yaml:9:23 error FILE: is not UTF-8 text (byte 0xe9)', 'latin-1-byte.yaml: not checked further (1 error)'],
  },

  // ---- schema: keys --------------------------------------------------------------------------------
  {
    name: 'unknown-key',
    broken: 'line 64: `advisory_fees` misspelt `advisory_fess`',
    input: { mutate: onLine(64, 'advisory_fees', 'advisory_fess') },
    stdout: [
      'unknown-key.yaml:64:7 statements.operations.expenses.advisory_fess: error UNKNOWN_KEY: unknown key; did you mean `advisory_fees`?',
      'unknown-key.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'missing-required',
    broken: 'line 17: the required `fund.adviser` commented out',
    input: { mutate: onLine(17, '  adviser:', '  # adviser:') },
    // Pointed at the start of the `fund` mapping that lacks it (line 8, `id:`).
    stdout: ['missing-required.yaml:8:3 fund.adviser: error REQUIRED: is required', 'missing-required.yaml: not checked further (1 error)'],
  },
  {
    name: 'proto-key',
    broken: 'line 10: `ticker:` replaced by `__proto__:` holding a mapping (a prototype-pollution attempt)',
    input: { mutate: replaceLine(10, '  ticker: IQM', '  __proto__: { isAdmin: "true" }') },
    stdout: ['proto-key.yaml:10:3 fund.__proto__: error UNKNOWN_KEY: unknown key', 'proto-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'proto-key-top-level',
    broken: 'line 6: a top-level `__proto__:` key',
    input: { mutate: replaceLine(6, '', '__proto__: { polluted: "yes" }') },
    stdout: ['proto-key-top-level.yaml:6:1 __proto__: error UNKNOWN_KEY: unknown key', 'proto-key-top-level.yaml: not checked further (1 error)'],
  },
  {
    name: 'constructor-key',
    broken: 'line 6: a top-level `constructor:` key',
    input: { mutate: replaceLine(6, '', 'constructor: { prototype: { polluted: "yes" } }') },
    stdout: ['constructor-key.yaml:6:1 constructor: error UNKNOWN_KEY: unknown key', 'constructor-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'format-version',
    broken: 'line 5: `fundbook: 2`, a file-format version that does not exist',
    input: { mutate: onLine(5, 'fundbook: 1', 'fundbook: 2') },
    stdout: ['format-version.yaml:5:11 fundbook: error INVALID_VALUE: "2" is not a file format this fundbook reads (write fundbook: 1)', 'format-version.yaml: not checked further (1 error)'],
  },

  // ---- schema: values -------------------------------------------------------------------------------
  {
    name: 'list-for-amount',
    broken: 'line 64: advisory fees written as a list `[377,455]`',
    input: { mutate: onLine(64, '377,455', '[377,455]') },
    stdout: [
      'list-for-amount.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: expected a single value, found a list',
      'list-for-amount.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-with-letters',
    broken: 'line 64: advisory fees `37x455`',
    input: { mutate: onLine(64, '377,455', '37x455') },
    stdout: [
      'amount-with-letters.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: "37x455" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'amount-with-letters.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'two-decimal-points',
    broken: 'line 57: NAV per share `14.4.7`',
    input: { mutate: onLine(57, '14.47', '14.4.7') },
    stdout: [
      'two-decimal-points.yaml:57:20 statements.assets_and_liabilities.nav_per_share: error INVALID_VALUE: "14.4.7" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'two-decimal-points.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'percent-for-amount',
    broken: 'line 36: cash `0.35%`',
    input: { mutate: onLine(36, '685,354', '0.35%') },
    stdout: [
      'percent-for-amount.yaml:36:13 statements.assets_and_liabilities.assets.cash: error INVALID_VALUE: "0.35%" is not an amount (it is a percent)',
      'percent-for-amount.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-for-percent',
    broken: 'line 391: the advisory fee rate `0.27` without its % sign',
    input: { mutate: onLine(391, '0.27%', '0.27') },
    stdout: [
      'amount-for-percent.yaml:391:15 agreements.advisory.schedule[0].rate: error INVALID_VALUE: "0.27" is not a percent (write it with a % sign, e.g. 0.27%)',
      'amount-for-percent.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'date-does-not-exist',
    broken: 'line 23: period start 2011-02-30',
    input: { mutate: onLine(23, '2011-03-01', '2011-02-30') },
    stdout: [
      'date-does-not-exist.yaml:23:10 period.start: error INVALID_VALUE: "2011-02-30" is not a date that exists',
      'date-does-not-exist.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'negative-share-count',
    broken: 'line 56: common shares outstanding `-13,454,169`',
    input: { mutate: onLine(56, '13,454,169', '-13,454,169') },
    stdout: [
      'negative-share-count.yaml:56:32 statements.assets_and_liabilities.common_shares_outstanding: error INVALID_VALUE: "-13,454,169" must not be negative',
      'negative-share-count.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'fractional-share-count',
    broken: 'line 150: preferred shares outstanding `1,100.5`',
    input: { mutate: onLine(150, '1,100', '1,100.5') },
    stdout: [
      'fractional-share-count.yaml:150:16 preferred_shares.outstanding: error INVALID_VALUE: "1,100.5" is not a whole number',
      'fractional-share-count.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'invalid-enum',
    broken: 'line 423: proxy voting standard `plurarity` (a typo for plurality)',
    input: { mutate: onLine(423, 'plurality', 'plurarity') },
    stdout: [
      'invalid-enum.yaml:423:19 proxy[0].proposals[0].standard: error INVALID_VALUE: "plurarity" is not one of: plurality, majority_of_votes_cast, majority_of_outstanding_1940_act',
      'invalid-enum.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'to-be-filled',
    broken: 'line 64: advisory fees left as the roll-forward placeholder `TO BE FILLED`',
    input: { mutate: onLine(64, '377,455', 'TO BE FILLED') },
    stdout: [
      'to-be-filled.yaml:64:22 statements.operations.expenses.advisory_fees: error TO_BE_FILLED: to be filled',
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
      'multiple-errors.yaml:16:20 fund.fiscal_year_end: error INVALID_VALUE: write the fiscal year end as MM-DD',
      'multiple-errors.yaml:64:7 statements.operations.expenses.advisory_fess: error UNKNOWN_KEY: unknown key; did you mean `advisory_fees`?',
      'multiple-errors.yaml:423:19 proxy[0].proposals[0].standard: error INVALID_VALUE: "plurarity" is not one of: plurality, majority_of_votes_cast, majority_of_outstanding_1940_act',
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
        // Arch's total now differs from the other three nominees' of the same voting group (issue 12).
        'votes-over-outstanding.yaml:429:44 proxy[0].proposals[0].groups[0].nominees[1].for: warning NOMINEE_TOTALS_DIFFER: proposal 1 (common and preferred): David C. Arch has 13,677,987 votes (for + withheld), Bob R. Baker 11,677,987; one voting group\'s nominees should have the same shares present',
        'votes-over-outstanding.yaml:430:42 proxy[0].proposals[0].groups[0].nominees[2].for: warning NOMINEE_TOTALS_DIFFER: proposal 1 (common and preferred): David C. Arch has 13,677,987 votes (for + withheld), Larry Soll 11,677,987; one voting group\'s nominees should have the same shares present',
        'votes-over-outstanding.yaml:431:48 proxy[0].proposals[0].groups[0].nominees[3].for: warning NOMINEE_TOTALS_DIFFER: proposal 1 (common and preferred): David C. Arch has 13,677,987 votes (for + withheld), Philip A. Taylor 11,677,987; one voting group\'s nominees should have the same shares present',
        'votes-over-outstanding.yaml:432:47 proxy[0].proposals[0].groups[0].nominees[4].for: warning NOMINEE_TOTALS_DIFFER: proposal 1 (common and preferred): David C. Arch has 13,677,987 votes (for + withheld), Wayne W. Whalen 11,677,987; one voting group\'s nominees should have the same shares present',
      ],
      summary: 'votes-over-outstanding.yaml: 159 tie-outs checked, 2 failed; 1 error, 12 warnings',
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
        // Taylor's total now differs from the first nominee's of the same voting group (issue 12).
        'votes-over-outstanding-fourth-nominee.yaml:431:48 proxy[0].proposals[0].groups[0].nominees[3].for: warning NOMINEE_TOTALS_DIFFER: proposal 1 (common and preferred): David C. Arch has 11,677,987 votes (for + withheld), Philip A. Taylor 13,677,987; one voting group\'s nominees should have the same shares present',
      ],
      summary: 'votes-over-outstanding-fourth-nominee.yaml: 159 tie-outs checked, 2 failed; 1 error, 9 warnings',
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
        'holding-off-subtotal.yaml:467:17 schedule_of_investments.groups[0].subtotal: error TIE_OUT: Alabama: holdings sum to the subtotal: stated 1,880,511, computed 1,880,512, difference 1',
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
        'expenses-do-not-foot.yaml:71:14 statements.operations.expenses.total: error TIE_OUT: Total expenses foot: stated 735,720, computed 735,719, difference 1',
        'expenses-do-not-foot.yaml:72:28 statements.operations.net_investment_income: error TIE_OUT: Net investment income = income - net expenses: stated 6,185,739, computed 6,185,738, difference 1',
      ],
      summary: `expenses-do-not-foot.yaml: 159 tie-outs checked, 4 failed; 2 errors, ${SUMMARY_BASE_WARNINGS}`,
    },
  },

  // ==== Added by the hardening pass: more values, keys, encodings, documents and calculator findings ====

  // ---- percents and amounts in each other's places ---------------------------------------------------
  {
    name: 'percent-for-nav',
    broken: 'line 57: NAV per share `14.47%`',
    input: { mutate: onLine(57, '14.47', '14.47%') },
    stdout: [
      'percent-for-nav.yaml:57:20 statements.assets_and_liabilities.nav_per_share: error INVALID_VALUE: "14.47%" is not an amount (it is a percent)',
      'percent-for-nav.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'accounting-percent-for-amount',
    broken: 'line 77: preferred distributions `(82,724%)`, an accounting negative with a % sign',
    input: { mutate: onLine(77, '(82,724)', '(82,724%)') },
    stdout: [
      'accounting-percent-for-amount.yaml:77:30 statements.operations.preferred_distributions: error INVALID_VALUE: "(82,724%)" is not an amount (it is a percent)',
      'accounting-percent-for-amount.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'percent-for-count',
    broken: 'line 56: common shares outstanding `13,454,169%`',
    input: { mutate: onLine(56, '13,454,169', '13,454,169%') },
    // A count says "not a whole number" for anything that is not one, a percent included.
    stdout: [
      'percent-for-count.yaml:56:32 statements.assets_and_liabilities.common_shares_outstanding: error INVALID_VALUE: "13,454,169%" is not a whole number',
      'percent-for-count.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-for-group-percent',
    broken: 'line 466: Alabama\'s percent of net assets `0.97` without its % sign',
    input: { mutate: onLine(466, '0.97%', '0.97') },
    stdout: [
      'amount-for-group-percent.yaml:466:30 schedule_of_investments.groups[0].percent_of_net_assets: error INVALID_VALUE: "0.97" is not a percent (write it with a % sign, e.g. 0.27%)',
      'amount-for-group-percent.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'fraction-for-coupon',
    broken: 'line 472: the first holding\'s coupon written as the fraction `0.0525` instead of 5.25%',
    input: { mutate: onLine(472, '5.25%', '0.0525') },
    stdout: [
      'fraction-for-coupon.yaml:472:17 schedule_of_investments.groups[0].holdings[0].rate: error INVALID_VALUE: "0.0525" is not a percent (write it with a % sign, e.g. 0.27%)',
      'fraction-for-coupon.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-for-total-return',
    broken: 'line 193: total return at NAV `10.37` without its % sign',
    input: { mutate: onLine(193, '10.37%', '10.37') },
    stdout: [
      'amount-for-total-return.yaml:193:27 financial_highlights.columns[0].values.total_return_nav: error INVALID_VALUE: "10.37" is not a percent (write it with a % sign, e.g. 0.27%)',
      'amount-for-total-return.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'percent-two-decimal-points',
    broken: 'line 391: the advisory fee rate `0.2.7%`',
    input: { mutate: onLine(391, '0.27%', '0.2.7%') },
    stdout: [
      'percent-two-decimal-points.yaml:391:15 agreements.advisory.schedule[0].rate: error INVALID_VALUE: "0.2.7%" is not a percent',
      'percent-two-decimal-points.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'percent-sign-twice',
    broken: 'line 391: the advisory fee rate `0.27%%`',
    input: { mutate: onLine(391, '0.27%', '0.27%%') },
    stdout: [
      'percent-sign-twice.yaml:391:15 agreements.advisory.schedule[0].rate: error INVALID_VALUE: "0.27%%" is not a percent',
      'percent-sign-twice.yaml: not checked further (1 error)',
    ],
  },

  // ---- amounts that are almost numbers ---------------------------------------------------------------
  {
    name: 'amount-trailing-letter',
    broken: 'line 64: advisory fees `12,345k`',
    input: { mutate: onLine(64, '377,455', '12,345k') },
    stdout: [
      'amount-trailing-letter.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: "12,345k" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'amount-trailing-letter.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-lone-parenthesis',
    broken: 'line 64: advisory fees `(`',
    input: { mutate: onLine(64, '377,455', '(') },
    stdout: [
      'amount-lone-parenthesis.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: "(" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'amount-lone-parenthesis.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-double-minus',
    broken: 'line 64: advisory fees `--5`',
    input: { mutate: onLine(64, '377,455', '--5') },
    stdout: [
      'amount-double-minus.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: "--5" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'amount-double-minus.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-misgrouped-commas',
    broken: 'line 64: advisory fees `1,2345`, commas not grouping by three',
    input: { mutate: onLine(64, '377,455', '1,2345') },
    stdout: [
      'amount-misgrouped-commas.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: "1,2345" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'amount-misgrouped-commas.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'amount-exponent',
    broken: 'line 64: advisory fees `1e400`, a number in exponent form beyond any double',
    input: { mutate: onLine(64, '377,455', '1e400') },
    stdout: [
      'amount-exponent.yaml:64:22 statements.operations.expenses.advisory_fees: error INVALID_VALUE: "1e400" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))',
      'amount-exponent.yaml: not checked further (1 error)',
    ],
  },

  // ---- dates and period ------------------------------------------------------------------------------
  {
    name: 'month-13',
    broken: 'line 23: period start 2011-13-01',
    input: { mutate: onLine(23, '2011-03-01', '2011-13-01') },
    stdout: ['month-13.yaml:23:10 period.start: error INVALID_VALUE: "2011-13-01" is not a date that exists', 'month-13.yaml: not checked further (1 error)'],
  },
  {
    name: 'period-end-before-start',
    broken: 'line 24: period end 2011-02-28, before the period start 2011-03-01',
    input: { mutate: onLine(24, '2011-08-31', '2011-02-28') },
    stdout: [
      "period-end-before-start.yaml:24:8 period.end: error INVALID_VALUE: 2011-02-28 is before the period's start, 2011-03-01",
      'period-end-before-start.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'average-net-assets-zero',
    broken: 'line 29: average daily net assets `0` (every ratio divides by it)',
    input: { mutate: onLine(29, '187,753,000', '0') },
    stdout: [
      'average-net-assets-zero.yaml:29:29 period.average_daily_net_assets: error INVALID_VALUE: must be more than zero',
      'average-net-assets-zero.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'average-net-assets-negative',
    broken: 'line 29: average daily net assets `(187,753,000)`',
    input: { mutate: onLine(29, '187,753,000', '(187,753,000)') },
    stdout: [
      'average-net-assets-negative.yaml:29:29 period.average_daily_net_assets: error INVALID_VALUE: must be more than zero',
      'average-net-assets-negative.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'fiscal-year-end-feb-30',
    broken: 'line 16: fiscal year end `02-30`',
    input: { mutate: onLine(16, '02-28', '02-30') },
    stdout: [
      'fiscal-year-end-feb-30.yaml:16:20 fund.fiscal_year_end: error INVALID_VALUE: is not a day every year has (write 02-28 for the end of February)',
      'fiscal-year-end-feb-30.yaml: not checked further (1 error)',
    ],
  },

  // ---- shapes: lists, mappings, nothing --------------------------------------------------------------
  {
    name: 'list-for-fund',
    broken: 'lines 7-20: the whole `fund:` mapping replaced by `fund: [a, b]` (its lines left blank)',
    input: {
      mutate: (base) => {
        const lines = base.split('\n');
        if (lines[6] !== 'fund:' || lines[19] !== '  transfer_agent: Computershare Trust Company, N.A.') throw new Error('base.yaml lines 7-20 moved');
        lines.splice(6, 14, 'fund: [a, b]', ...Array<string>(13).fill(''));
        return lines.join('\n');
      },
    },
    stdout: ['list-for-fund.yaml:7:7 fund: error INVALID_VALUE: expected a mapping, found a list', 'list-for-fund.yaml: not checked further (1 error)'],
  },
  {
    name: 'list-for-quorum',
    broken: 'line 419: the meeting\'s quorum written as a list `[50%, 50%]`',
    input: { mutate: onLine(419, '{ common_and_preferred: 50%, preferred: 50% }', '[50%, 50%]') },
    stdout: ['list-for-quorum.yaml:419:13 proxy[0].quorum: error INVALID_VALUE: expected a mapping, found a list', 'list-for-quorum.yaml: not checked further (1 error)'],
  },
  {
    name: 'mapping-for-list',
    broken: 'line 1899: the first letter\'s signer titles written as a mapping `{ chair: Independent Chair }`',
    input: { mutate: onLine(1899, '[Independent Chair, Invesco Funds Board of Trustees]', '{ chair: Independent Chair }') },
    stdout: [
      'mapping-for-list.yaml:1899:22 narrative.letters[0].signer_titles: error INVALID_VALUE: expected a list, found a mapping',
      'mapping-for-list.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'null-amount',
    broken: 'line 64: `advisory_fees:` with nothing after it',
    input: { mutate: onLine(64, ' 377,455', '') },
    // `      advisory_fees:` is 20 characters: the missing value would start at col 21.
    stdout: ['null-amount.yaml:64:21 statements.operations.expenses.advisory_fees: error INVALID_VALUE: has no value', 'null-amount.yaml: not checked further (1 error)'],
  },
  {
    name: 'null-text',
    broken: 'line 9: `name:` with nothing after it',
    input: { mutate: onLine(9, ' Invesco Quality Municipal Securities', '') },
    // Text fields say "must not be empty" where amounts say "has no value".
    stdout: ['null-text.yaml:9:8 fund.name: error INVALID_VALUE: must not be empty', 'null-text.yaml: not checked further (1 error)'],
  },
  {
    name: 'missing-required-enum',
    broken: 'line 25: the required `period.kind` (semiannual or annual) commented out',
    input: { mutate: onLine(25, 'kind: semiannual', '# kind: semiannual') },
    // Like missing-required: pointed at the start of the `period` mapping (line 23, `start:`).
    stdout: ['missing-required-enum.yaml:23:3 period.kind: error REQUIRED: is required', 'missing-required-enum.yaml: not checked further (1 error)'],
  },

  // ---- keys that reach for the prototype ------------------------------------------------------------
  {
    name: 'proto-key-nested',
    broken: 'line 65: `administrative_services_fees:` replaced by `__proto__:` holding a mapping, three levels down',
    input: { mutate: replaceLine(65, '      administrative_services_fees: 25,137', '      __proto__: { polluted: "yes" }') },
    stdout: ['proto-key-nested.yaml:65:7 statements.operations.expenses.__proto__: error UNKNOWN_KEY: unknown key', 'proto-key-nested.yaml: not checked further (1 error)'],
  },
  {
    name: 'proto-key-in-list-item',
    broken: 'line 157: a `__proto__:` key inside the first preferred series (a flow mapping in a list)',
    input: { mutate: onLine(157, '{ series: "1", ', '{ series: "1", __proto__: { shares: "1" }, ') },
    stdout: ['proto-key-in-list-item.yaml:157:22 preferred_shares.series[0].__proto__: error UNKNOWN_KEY: unknown key', 'proto-key-in-list-item.yaml: not checked further (1 error)'],
  },
  {
    name: 'proto-key-quoted',
    broken: 'line 10: `ticker:` replaced by a quoted `"__proto__": IQM`',
    input: { mutate: replaceLine(10, '  ticker: IQM', '  "__proto__": IQM') },
    stdout: ['proto-key-quoted.yaml:10:3 fund.__proto__: error UNKNOWN_KEY: unknown key', 'proto-key-quoted.yaml: not checked further (1 error)'],
  },
  {
    name: 'prototype-key',
    broken: 'line 11: `exchange:` replaced by `prototype:` holding a mapping',
    input: { mutate: replaceLine(11, '  exchange: NYSE', '  prototype: { polluted: "yes" }') },
    stdout: ['prototype-key.yaml:11:3 fund.prototype: error UNKNOWN_KEY: unknown key', 'prototype-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'constructor-key-in-list-item',
    broken: 'line 441: a `constructor:` key inside the first performance row',
    input: { mutate: onLine(441, '{ key: nav, ', '{ key: nav, constructor: x, ') },
    stdout: ['constructor-key-in-list-item.yaml:441:19 performance.rows[0].constructor: error UNKNOWN_KEY: unknown key', 'constructor-key-in-list-item.yaml: not checked further (1 error)'],
  },
  {
    name: 'duplicate-key-quoted',
    broken: 'line 11: `exchange:` replaced by `"ticker":`, the same key as line 10 in another quoting style',
    input: { mutate: replaceLine(11, '  exchange: NYSE', '  "ticker": NYSE') },
    stdout: ['duplicate-key-quoted.yaml:11:3 error DUPLICATE_KEY: duplicate key "ticker"', 'duplicate-key-quoted.yaml: not checked further (1 error)'],
  },
  {
    name: 'merge-key',
    broken: 'line 471: the first holding\'s `enhancement: INS AGM` written as a YAML 1.1 merge `<<: { enhancement: INS AGM }`',
    input: { mutate: replaceLine(471, '          enhancement: INS AGM', '          <<: { enhancement: INS AGM }') },
    // fundbook reads YAML 1.2 with the failsafe schema: `<<` is a plain key, and not one a holding has.
    stdout: ['merge-key.yaml:471:11 schedule_of_investments.groups[0].holdings[0].<<: error UNKNOWN_KEY: unknown key', 'merge-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'collection-key',
    broken: 'line 6: a top-level key that is itself a list, `[a, b]: c`',
    input: { mutate: replaceLine(6, '', '[a, b]: c') },
    stdout: ['collection-key.yaml:6:1 error YAML: a key must be plain text, not a list or mapping', 'collection-key.yaml: not checked further (1 error)'],
  },
  {
    name: 'fund-id-path',
    broken: 'line 8: fund id `../../etc` (the id names the output directory)',
    input: { mutate: onLine(8, 'id: iqm', 'id: ../../etc') },
    stdout: ['fund-id-path.yaml:8:7 fund.id: error INVALID_VALUE: a fund id is lower-case letters, digits and dashes', 'fund-id-path.yaml: not checked further (1 error)'],
  },

  // ---- tags: nothing in a fund file is a type or a function -----------------------------------------
  {
    name: 'js-function-tag',
    broken: 'line 9: the fund name tagged `!!js/function`',
    input: { mutate: onLine(9, 'name: Invesco', 'name: !!js/function Invesco') },
    stdout: ['js-function-tag.yaml:9:9 fund.name: error YAML_TAG: the YAML tag !!js/function is not used in fund files; write the value without it', 'js-function-tag.yaml: not checked further (1 error)'],
  },
  {
    name: 'custom-tag',
    broken: 'line 9: the fund name tagged `!env` (as if it could read the environment)',
    input: { mutate: onLine(9, 'name: Invesco', 'name: !env Invesco') },
    stdout: ['custom-tag.yaml:9:9 fund.name: error YAML_TAG: the YAML tag !env is not used in fund files; write the value without it', 'custom-tag.yaml: not checked further (1 error)'],
  },

  {
    name: 'binary-tag',
    broken: 'line 10: the ticker tagged `!!binary` (a tag the YAML library resolves, into bytes)',
    input: { mutate: onLine(10, 'ticker: IQM', 'ticker: !!binary SVFN') },
    stdout: ['binary-tag.yaml:10:11 fund.ticker: error YAML_TAG: the YAML tag !!binary is not used in fund files; write the value without it', 'binary-tag.yaml: not checked further (1 error)'],
  },
  {
    name: 'str-tag',
    broken: 'line 10: the ticker tagged `!!str`, harmless in YAML but not part of the format',
    input: { mutate: onLine(10, 'ticker: IQM', 'ticker: !!str IQM') },
    stdout: ['str-tag.yaml:10:11 fund.ticker: error YAML_TAG: the YAML tag !!str is not used in fund files; write the value without it', 'str-tag.yaml: not checked further (1 error)'],
  },
  {
    name: 'hundred-thousand-character-key',
    broken: 'line 10: `ticker` replaced by a key of 100,000 characters',
    input: { mutate: onLine(10, 'ticker: IQM', `${'k'.repeat(100_000)}: IQM`) },
    stdout: ['hundred-thousand-character-key.yaml:10:3 fund: error YAML: a key is at most 1024 characters long; this one is longer', 'hundred-thousand-character-key.yaml: not checked further (1 error)'],
  },

  // ---- size, encoding, line endings -----------------------------------------------------------------
  {
    name: 'fifty-megabytes',
    broken: 'base.yaml padded with one comment line to 50 MiB, more than the 20 MB limit',
    input: { mutate: padTo(FIFTY_MB) },
    // Refused from its size alone, before it is read or parsed.
    stdout: ['fifty-megabytes.yaml:1:1 error FILE: is 50.0 MB; fund files are limited to 20 MB', 'fifty-megabytes.yaml: not checked further (1 error)'],
  },
  {
    name: 'bad-utf8-in-quoted-string',
    broken: 'line 469: a lead byte 0xc3 followed by "(" (not a continuation byte) inside the first issuer\'s double-quoted name',
    input: { mutate: bytesOnLine(469, '"Birmingham (City', ['"Birmingham', [0xc3], '(City']) },
    // `          issuer: "Birmingham` is 29 characters: the bad byte is character 30.
    stdout: ['bad-utf8-in-quoted-string.yaml:469:30 error FILE: is not UTF-8 text (byte 0xc3)', 'bad-utf8-in-quoted-string.yaml: not checked further (1 error)'],
  },
  {
    name: 'overlong-utf8-in-block-text',
    broken: 'line 1902: an overlong encoding of "/" (0xc0 0xaf) inside the first letter\'s block-scalar body',
    input: { mutate: bytesOnLine(1902, "In today's", ['In today', [0xc0, 0xaf], 's']) },
    // `        In today` is 16 characters.
    stdout: ['overlong-utf8-in-block-text.yaml:1902:17 error FILE: is not UTF-8 text (byte 0xc0)', 'overlong-utf8-in-block-text.yaml: not checked further (1 error)'],
  },
  {
    name: 'utf8-surrogate',
    broken: 'line 9: a UTF-16 surrogate encoded as UTF-8 (0xed 0xa0 0x80) in the fund name',
    input: { mutate: bytesOnLine(9, 'Quality', ['Q', [0xed, 0xa0, 0x80]]) },
    // `  name: Invesco Q` is 17 characters.
    stdout: ['utf8-surrogate.yaml:9:18 error FILE: is not UTF-8 text (byte 0xed)', 'utf8-surrogate.yaml: not checked further (1 error)'],
  },
  {
    name: 'crlf-line-endings',
    broken: 'not broken: base.yaml with every line ending CRLF, as saved on Windows',
    input: { mutate: (base) => base.replaceAll('\n', '\r\n') },
    exit: 0,
    // Loads like base.yaml: the same 8 warnings at the same lines and columns.
    findings: { added: [], summary: 'crlf-line-endings.yaml: 159 tie-outs checked, 2 failed; 0 errors, 8 warnings' },
  },
  {
    name: 'utf8-bom',
    broken: 'not broken: base.yaml starting with a UTF-8 byte-order mark (0xef 0xbb 0xbf)',
    input: { mutate: (base) => `\uFEFF${base}` },
    exit: 0,
    findings: { added: [], summary: 'utf8-bom.yaml: 159 tie-outs checked, 2 failed; 0 errors, 8 warnings' },
  },

  // ---- documents ------------------------------------------------------------------------------------
  {
    name: 'sequence-of-fund',
    broken: 'the whole of base.yaml made the one item of a top-level list (`- fundbook: 1`, every other line indented two spaces)',
    input: { mutate: (base) => base.split('\n').map((l, i) => (i === 4 ? `- ${l}` : l === '' ? l : `  ${l}`)).join('\n') },
    stdout: [
      'sequence-of-fund.yaml:1:1 error YAML: a fund file is a mapping of keys (fundbook:, fund:, period:, ...)',
      'sequence-of-fund.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'two-documents',
    broken: 'line 21 (blank): `---`, so `fund:` and everything after it are a second YAML document',
    input: { mutate: replaceLine(21, '', '---') },
    stdout: ['two-documents.yaml:21:1 error YAML: a fund file is one YAML document, but a second one starts here', 'two-documents.yaml: not checked further (1 error)'],
  },
  {
    name: 'document-appended',
    broken: 'after the last line: `---` and a second document `fundbook: 1`',
    input: { mutate: (base) => `${base}---\nfundbook: 1\n` },
    stdout: ['document-appended.yaml:2270:1 error YAML: a fund file is one YAML document, but a second one starts here', 'document-appended.yaml: not checked further (1 error)'],
  },
  {
    name: 'alias-legitimate',
    broken: 'not broken: line 17 anchors the adviser (`adviser: &adviser Invesco Advisers, Inc.`) and line 386 reuses it (`adviser: *adviser`)',
    input: {
      mutate: all(onLine(17, 'adviser: Invesco', 'adviser: &adviser Invesco'), onLine(386, 'adviser: Invesco Advisers, Inc.', 'adviser: *adviser')),
    },
    exit: 0,
    // One alias is far below the alias limit; the file loads and checks like base.yaml.
    findings: { added: [], summary: 'alias-legitimate.yaml: 159 tie-outs checked, 2 failed; 0 errors, 8 warnings' },
  },
  {
    name: 'alias-undefined',
    broken: 'line 386: `adviser: *adviser`, an alias of an anchor that is never set',
    input: { mutate: onLine(386, 'adviser: Invesco Advisers, Inc.', 'adviser: *adviser') },
    stdout: ['alias-undefined.yaml:386:14 error YAML: no anchor &adviser is set before this alias', 'alias-undefined.yaml: not checked further (1 error)'],
  },
  {
    name: 'deep-nesting',
    broken: 'line 6: `deep: [[[...]]]`, 1,000 lists nested in each other',
    input: { mutate: replaceLine(6, '', `deep: ${'['.repeat(1000)}${']'.repeat(1000)}`) },
    // No crash and exit 1 today; but the message is JavaScript's own.
    stdout: ['deep-nesting.yaml:6:7 error YAML: lists and mappings are nested too deeply here', 'deep-nesting.yaml: not checked further (1 error)'],
  },

  // ---- calculator findings --------------------------------------------------------------------------
  {
    name: 'group-percent-far-off',
    broken: 'line 466: Alabama\'s percent of net assets `9.70%`, ten times the 0.97% its holdings give',
    input: { mutate: onLine(466, '0.97%', '9.70%') },
    exit: 0,
    // A printed percent of net assets that disagrees is a warning, however far off (tie-outs.ts: "a printed
    // percentage that is off is a warning"): exit 0, one more failed tie-out and one more warning.
    findings: {
      added: [
        'group-percent-far-off.yaml:466:30 schedule_of_investments.groups[0].percent_of_net_assets: warning STATED_PERCENT: Alabama: percent of net assets: stated 9.70%, computed 0.97%, difference 8.73%',
      ],
      summary: 'group-percent-far-off.yaml: 159 tie-outs checked, 3 failed; 0 errors, 9 warnings',
    },
  },
  {
    name: 'preferred-series-do-not-sum',
    broken: 'line 157: series 1 given 194 preferred shares instead of 193, so the series sum to 1,101, not the 1,100 outstanding',
    input: { mutate: onLine(157, 'shares: 193', 'shares: 194') },
    findings: {
      // Both the sum and the series' own shares x $50,000 = amount (9,650 thousand) fail.
      added: [
        'preferred-series-do-not-sum.yaml:150:16 preferred_shares.outstanding: error TIE_OUT: Preferred series shares sum to shares outstanding: stated 1,100, computed 1,101, difference 1',
        'preferred-series-do-not-sum.yaml:157:47 preferred_shares.series[0].amount_000: error TIE_OUT: Preferred series 1: shares x liquidation preference: stated 9,650,000, computed 9,700,000, difference 50,000',
      ],
      summary: `preferred-series-do-not-sum.yaml: 159 tie-outs checked, 4 failed; 2 errors, ${SUMMARY_BASE_WARNINGS}`,
    },
  },
  {
    name: 'preferred-votes-over-outstanding',
    broken: 'line 436: Frank S. Bayley, elected by the preferred shares alone, given 1,106 votes for; with 4 withheld that is 1,110, more than the 1,100 preferred shares',
    input: { mutate: onLine(436, 'for: 106', 'for: "1,106"') },
    findings: {
      added: [
        'preferred-votes-over-outstanding.yaml:436:47 proxy[0].proposals[0].groups[1].nominees[0].for: error VOTES_OVER_OUTSTANDING: proposal 1 (preferred): Frank S. Bayley: 1,106 for + 4 withheld = 1,110 votes, but only 1,100 shares outstanding',
      ],
      // Over-voted replaces base.yaml's quorum warning for the preferred group (110 of 1,100 present).
      removed: [
        'preferred-votes-over-outstanding.yaml:433:20 proxy[0].proposals[0].groups[1].group: warning QUORUM_NOT_MET: proposal 1 (preferred): 110 of 1,100 shares present (10.0%), below the 50% quorum',
      ],
      summary: 'preferred-votes-over-outstanding.yaml: 159 tie-outs checked, 2 failed; 1 error, 7 warnings',
    },
  },

  // ---- board review ---------------------------------------------------------------------------------
  {
    name: 'board-rank-over-universe',
    broken: 'appended board_review, line 2286: the fund ranked 40th in a performance universe of 30',
    input: { mutate: withBoardReview('{ years: 1, fund_return: 3.10%, rank: 40, universe_size: 30 }') },
    // `      - { years: 1, fund_return: 3.10%, rank: ` is 46 characters.
    stdout: [
      'board-rank-over-universe.yaml:2286:47 board_review.performance_universe.periods[0].rank: error INVALID_VALUE: 40 is not a rank in a universe of 30',
      'board-rank-over-universe.yaml: not checked further (1 error)',
    ],
  },
  {
    name: 'board-universe-without-fund',
    broken: "appended board_review, line 2286: a performance universe's returns that do not include the fund's own 3.10%",
    input: { mutate: withBoardReview('{ years: 1, fund_return: 3.10%, universe_returns: [5.12%, 4.88%, 3.11%, 2.95%, 1.40%] }') },
    stdout: [
      "board-universe-without-fund.yaml:2286:59 board_review.performance_universe.periods[0].universe_returns: error INVALID_VALUE: must include the fund's own return",
      'board-universe-without-fund.yaml: not checked further (1 error)',
    ],
  },

  // ---- narrative ------------------------------------------------------------------------------------
  {
    name: 'unknown-note-slot',
    broken: 'line 2066: note 2\'s slot `advisory_fees` (the slot is `advisory_fee`)',
    input: { mutate: onLine(2066, 'slot: advisory_fee', 'slot: advisory_fees') },
    stdout: ['unknown-note-slot.yaml:2066:11 narrative.notes[1].body[0]: error INVALID_VALUE: expected Markdown text or { slot: NAME }', 'unknown-note-slot.yaml: not checked further (1 error)'],
  },
  {
    name: 'to-be-filled-text',
    broken: 'line 9: the fund name left as `TO BE FILLED`',
    input: { mutate: onLine(9, 'Invesco Quality Municipal Securities', 'TO BE FILLED') },
    stdout: ['to-be-filled-text.yaml:9:9 fund.name: error TO_BE_FILLED: to be filled', 'to-be-filled-text.yaml: not checked further (1 to be filled, 0 other errors)'],
  },
  {
    name: 'to-be-filled-markdown',
    broken: 'line 2252: the first back-matter body (a Markdown block) left as `TO BE FILLED`',
    input: {
      mutate: replaceLine(2252, '        Send general correspondence to Computershare, P.O. Box 43078, Providence, RI 02940-3078.', '        TO BE FILLED'),
    },
    // A block scalar is located at its `|` indicator, on the line before its text.
    stdout: [
      'to-be-filled-markdown.yaml:2251:13 narrative.back_matter[0].body: error TO_BE_FILLED: to be filled',
      'to-be-filled-markdown.yaml: not checked further (1 to be filled, 0 other errors)',
    ],
  },
];

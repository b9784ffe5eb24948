import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';
import { bySource, formatDiagnostic, locateAll, statedComputedText, type Diagnostic } from './diagnostic.js';
import { fmtMoney, fmtPct } from './calc/workings-format.js';

const at = (file: string, line: number, col = 1) => ({ file, line, col });

describe('formatDiagnostic', () => {
  it('file:line:col, field path, severity, code, message', () => {
    const d: Diagnostic = { severity: 'error', code: 'TIE_OUT', message: 'Total expenses foot: stated 735,720, computed 735,719, difference 1', path: ['statements', 'operations', 'expenses', 'total'], location: at('f.yaml', 71, 14) };
    expect(formatDiagnostic(d)).toBe('f.yaml:71:14 statements.operations.expenses.total: error TIE_OUT: Total expenses foot: stated 735,720, computed 735,719, difference 1');
  });

  it('leaves out an empty path, and a location it does not have', () => {
    expect(formatDiagnostic({ severity: 'error', code: 'YAML', message: 'Unknown directive %FOO', path: [], location: at('f.yaml', 1) })).toBe('f.yaml:1:1 error YAML: Unknown directive %FOO');
    expect(formatDiagnostic({ severity: 'warning', code: 'X', message: 'm', path: ['a', 0, 'b'] })).toBe('a[0].b: warning X: m');
  });
});

describe('bySource', () => {
  it('orders by file, then line, then column; unlocated last', () => {
    const ds: Diagnostic[] = [
      { severity: 'warning', code: 'A', message: '', location: at('b.yaml', 2) },
      { severity: 'warning', code: 'B', message: '' },
      { severity: 'warning', code: 'C', message: '', location: at('a.yaml', 1335, 30) },
      { severity: 'warning', code: 'D', message: '', location: at('a.yaml', 435, 20) },
      { severity: 'warning', code: 'E', message: '', location: at('a.yaml', 435, 7) },
    ];
    expect([...ds].sort(bySource).map((d) => d.code)).toEqual(['E', 'D', 'C', 'A', 'B']);
  });
});

describe('locateAll', () => {
  it('finds a location from the path only where there is none', () => {
    const located = locateAll(
      [
        { severity: 'info', code: 'A', message: '', path: ['x'] },
        { severity: 'info', code: 'B', message: '', path: ['y'], location: at('g.yaml', 9) },
      ],
      (path) => at('f.yaml', path.length + 4),
    );
    expect(located.map((d) => d.location)).toEqual([at('f.yaml', 5), at('g.yaml', 9)]);
  });
});

describe('statedComputedText', () => {
  it('gives the unsigned difference in the figures\' own format', () => {
    expect(statedComputedText(new Decimal('36633802'), new Decimal('36633820'), (d) => fmtMoney(d))).toBe('stated 36,633,802, computed 36,633,820, difference 18');
    expect(statedComputedText(new Decimal('0.0655'), new Decimal('0.0654'), (d) => fmtPct(d))).toBe('stated 6.55%, computed 6.54%, difference 0.01%');
  });
});

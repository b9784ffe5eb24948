import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInput } from './validated.js';

describe('validateInput keeps one validation a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fundbook-validated-'));
  const file = join(dir, '2011-08-31.yaml');
  copyFileSync('data/iqm/2011-08-31.yaml', file);
  const original = readFileSync(file, 'utf8');

  it('reuses the validation of unchanged bytes, and replaces it when the file changes', () => {
    const first = validateInput(file);
    expect(first.figures?.findings.length).toBe(9);
    expect(validateInput(file)).toBe(first);

    writeFileSync(file, `${original}# edited\n`);
    const edited = validateInput(file);
    expect(edited).not.toBe(first);

    // Back to the first bytes: the first validation was replaced, not kept beside the edit, so the
    // file is validated afresh (a long-lived preview keeps one entry a file, not one a save).
    writeFileSync(file, original);
    const again = validateInput(file);
    expect(again).not.toBe(first);
    expect(again.figures?.findings.map((f) => f.code)).toEqual(first.figures?.findings.map((f) => f.code));
  });
});

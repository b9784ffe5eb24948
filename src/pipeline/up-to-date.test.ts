// The verdict on one output, against a real folder: kept only when the record and every hash agree.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumNumber, differences, judge, type OutputInputs } from './up-to-date.js';

const dir = mkdtempSync(join(tmpdir(), 'fundbook-up-to-date-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const record: OutputInputs = {
  input: { file: 'data/a/2024-06-30.yaml', sha256: sha('a') },
  review: null,
  templates: { 'shared/print.css': sha('css'), 'shareholder-report/report.hbs': sha('hbs') },
  fonts: sha('fonts'),
  fundbook: '0.1.0',
  chromium: '156.0.8078.114',
};

describe('differences', () => {
  it('is empty for the same record, and names each change', () => {
    expect(differences(record, structuredClone(record))).toEqual([]);
    const now: OutputInputs = {
      ...record,
      input: { ...record.input, sha256: sha('b') },
      review: { file: 'data/a/2024-06-30.review.yaml', sha256: sha('r') },
      templates: { 'shareholder-report/report.hbs': sha('hbs2'), 'shareholder-report/partials/cover.hbs': sha('c') },
      chromium: '157.0.1.2',
    };
    expect(differences(record, now)).toEqual([
      'the input data/a/2024-06-30.yaml changed',
      'the review file data/a/2024-06-30.review.yaml is new',
      'template shared/print.css is gone',
      'template shareholder-report/partials/cover.hbs is new',
      'template shareholder-report/report.hbs changed',
      'Chromium 156.0.8078.114 -> 157.0.1.2',
    ]);
  });
});

describe('judge', () => {
  writeFileSync(join(dir, 'shareholder-report.pdf'), 'pdf bytes');
  const entry = { file: 'shareholder-report.pdf', sha256: sha('pdf bytes'), inputs: record };
  const manifest = { files: { 'shareholder-report.pdf': { sha256: sha('pdf bytes') } } };

  it('keeps an output whose record and hashes all agree', () => {
    expect(judge(record, manifest, entry, dir)).toEqual({ keep: true });
  });

  it('prints, saying why, when anything disagrees', () => {
    expect(judge(record, undefined, entry, dir)).toEqual({ keep: false, reason: 'not built before (no manifest.json)' });
    expect(judge(record, manifest, undefined, dir)).toEqual({ keep: false, reason: 'not in manifest.json' });
    expect(judge(record, manifest, { ...entry, inputs: undefined }, dir)).toEqual({ keep: false, reason: 'manifest.json does not record what went into it' });
    expect(judge({ ...record, fundbook: '0.2.0' }, manifest, entry, dir)).toEqual({ keep: false, reason: 'fundbook 0.1.0 -> 0.2.0' });
    expect(judge(record, { files: { 'shareholder-report.pdf': { sha256: sha('other') } } }, entry, dir)).toEqual({ keep: false, reason: 'manifest.json disagrees with itself about shareholder-report.pdf: not trusted' });
    expect(judge(record, { files: { 'x.pdf': { sha256: sha('pdf bytes') } } }, { ...entry, file: 'x.pdf' }, dir)).toEqual({ keep: false, reason: 'x.pdf is missing' });
    writeFileSync(join(dir, 'edited.pdf'), 'pdf bytes, edited');
    expect(judge(record, { files: { 'edited.pdf': { sha256: sha('pdf bytes') } } }, { ...entry, file: 'edited.pdf' }, dir).keep).toBe(false);
  });

  it('reads the dotted version from what Chromium calls itself', () => {
    expect(chromiumNumber('HeadlessChrome/156.0.8078.114')).toBe('156.0.8078.114');
    expect(chromiumNumber('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)')).toBe('156.0.8078.114');
  });
});

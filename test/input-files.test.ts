// Inputs that are not plain fund files: devices, FIFOs, folders, links, files past the size limit, and
// text whose YAML uses what fund files do not (tags, overlong keys). All in-process: each must become
// one located problem, at once, with nothing read past the limit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInputs } from '../src/load/find-inputs.js';
import { formatDiagnostic } from '../src/diagnostic.js';
import { loadFundFile, loadFundText, MAX_FILE_BYTES } from '../src/load/load-fund.js';
import { readInput } from '../src/load/read-input.js';

const BASE = readFileSync(resolve('test/bad-input/base.yaml'), 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-input-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (file: string) => loadFundFile(file).problems.map(formatDiagnostic);

describe('only regular files are read', () => {
  it('refuses a character device by kind, reading nothing (/dev/zero reports size 0 and never ends)', () => {
    expect(problemsOf('/dev/zero')).toEqual(['/dev/zero:1:1 error FILE: is a character device, not a regular file; fundbook reads only regular files']);
  });
  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(problemsOf(fifo)).toEqual([`${fifo}:1:1 error FILE: is a FIFO (named pipe), not a regular file; fundbook reads only regular files`]);
  });
  it('refuses a directory and a missing file', () => {
    expect(problemsOf(dir)).toEqual([`${dir}:1:1 error FILE: is a directory, not a fund file`]);
    expect(problemsOf(join(dir, 'nope.yaml'))).toEqual([`${join(dir, 'nope.yaml')}:1:1 error FILE: no such file`]);
  });
  it('bounds reading by bytes read: a limit of 10 refuses an 11-byte file and reads a 10-byte one whole', () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, '0123456789');
    expect(readInput(file, 10)).toEqual({ bytes: Buffer.from('0123456789') });
    writeFileSync(file, '0123456789A');
    expect(readInput(file, 10)).toEqual({ error: 'is 11 bytes; fund files are limited to 10 bytes' });
    // /proc files are regular files that report a size of 0: only the bytes read can stop them.
    expect(readInput('/proc/self/maps', 10)).toEqual({ error: 'is more than 10 bytes (read so far; its reported size was 0); fund files are limited to 10 bytes' });
  });
  it('refuses a file over the 20 MB limit', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    expect(problemsOf(file)).toEqual([`${file}:1:1 error FILE: is 20.0 MB; fund files are limited to 20 MB`]);
    rmSync(file);
  });
});

describe('finding inputs in a folder', () => {
  it('follows a symlinked fund file and a symlinked folder, walks a looping link once, and passes a FIFO or broken link on to be reported', () => {
    const root = join(dir, 'scan');
    mkdirSync(join(root, 'fund-a'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'), { recursive: true });
    writeFileSync(join(dir, 'elsewhere', '2011-08-31.yaml'), BASE);
    writeFileSync(join(root, 'fund-a', '2011-02-28.yaml'), BASE);
    symlinkSync(join(dir, 'elsewhere', '2011-08-31.yaml'), join(root, 'fund-a', '2011-08-31.yaml'));
    symlinkSync(join(dir, 'elsewhere'), join(root, 'fund-b'));
    symlinkSync(root, join(root, 'loop'));
    symlinkSync(join(dir, 'missing.yaml'), join(root, 'fund-a', '2012-02-29.yaml'));
    spawnSync('mkfifo', [join(root, 'fund-a', '2012-08-31.yaml')]);
    const found = findInputs([root]).map((f) => f.slice(root.length + 1));
    expect(found).toEqual(['fund-a/2011-02-28.yaml', 'fund-a/2011-08-31.yaml', 'fund-a/2012-02-29.yaml', 'fund-a/2012-08-31.yaml', 'fund-b/2011-08-31.yaml']);
    expect(loadFundFile(join(root, 'fund-a', '2011-08-31.yaml')).fund?.fund.id).toBe('iqm');
    expect(problemsOf(join(root, 'fund-a', '2012-02-29.yaml'))[0]).toMatch(/2012-02-29\.yaml:1:1 error FILE: no such file$/);
  });
});

describe('YAML that fund files do not use', () => {
  const problems = (text: string) => loadFundText(text, 'x.yaml').problems.map(formatDiagnostic);
  it('refuses a tag by name, at the tag, with the field it is on', () => {
    expect(problems(BASE.replace('name: Invesco', 'name: !!binary aGVsbG8= Invesco'))).toEqual(['x.yaml:9:9 fund.name: error YAML_TAG: the YAML tag !!binary is not used in fund files; write the value without it']);
    expect(problems(BASE.replace('name: Invesco', 'name: !env Invesco'))).toEqual(['x.yaml:9:9 fund.name: error YAML_TAG: the YAML tag !env is not used in fund files; write the value without it']);
    expect(problems(BASE.replace('  ticker: IQM', '  ticker: !!str IQM'))).toEqual(['x.yaml:10:11 fund.ticker: error YAML_TAG: the YAML tag !!str is not used in fund files; write the value without it']);
  });
  it('names the mapping that holds a key over 1024 characters, in its own words', () => {
    expect(problems(BASE.replace('  ticker: IQM', `  ${'k'.repeat(100_000)}: IQM`))).toEqual(['x.yaml:10:3 fund: error YAML: a key is at most 1024 characters long; this one is longer']);
  });
  it('names the field a syntax error is in', () => {
    expect(problems(BASE.replace('  ticker: IQM', '  ticker: [IQM'))).toEqual(['x.yaml:10:11 fund.ticker: error YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });
  it('reads a four-digit year as written: 0099-02-29 does not exist, 0096-02-29 and 0000-02-29 do (read as 1900, the last would not)', () => {
    expect(problems(BASE.replace('start: 2011-03-01', 'start: 0000-02-29'))).toEqual([]);
    expect(problems(BASE.replace('start: 2011-03-01', 'start: 0099-02-29'))).toEqual(['x.yaml:23:10 period.start: error INVALID_VALUE: "0099-02-29" is not a date that exists']);
    expect(problems(BASE.replace('start: 2011-03-01', 'start: 0096-02-29'))).toEqual([]);
  });
});

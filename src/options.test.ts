import { describe, expect, it } from 'vitest';
import { parseInRange, RANGES } from './options.js';

describe('parseInRange', () => {
  it('takes values within the range, ends included', () => {
    expect(parseInRange('--timeout', '120', RANGES.timeout)).toBe(120);
    expect(parseInRange('--timeout', '1', RANGES.timeout)).toBe(1);
    expect(parseInRange('--timeout', '3600', RANGES.timeout)).toBe(3600);
    expect(parseInRange('--timeout', '2.5', RANGES.timeout)).toBe(2.5);
    expect(parseInRange('--concurrency', '64', RANGES.concurrency)).toBe(64);
  });
  it('refuses, in one line, what overflowed the timers before (2200000, Infinity) and everything else outside the range', () => {
    expect(parseInRange('--timeout', '2200000', RANGES.timeout)).toBe('--timeout takes a number of seconds from 1 to 3600, not "2200000"');
    expect(parseInRange('--timeout', 'Infinity', RANGES.timeout)).toBe('--timeout takes a number of seconds from 1 to 3600, not "Infinity"');
    for (const bad of ['0', '-1', '1e3', '0x10', '', 'NaN', '3600.5']) expect(parseInRange('--timeout', bad, RANGES.timeout)).toMatch(/^--timeout takes/);
    expect(parseInRange('--concurrency', '2.5', RANGES.concurrency)).toBe('--concurrency takes a whole number of documents in flight from 1 to 64, not "2.5"');
    expect(parseInRange('--concurrency', '65', RANGES.concurrency)).toMatch(/from 1 to 64/);
    expect(parseInRange('--launch-timeout', '601', RANGES.launchTimeout)).toBe('--launch-timeout takes a number of seconds from 1 to 600, not "601"');
  });
});

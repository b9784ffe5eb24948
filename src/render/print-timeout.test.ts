import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printTimeoutMs } from './print-timeout.js';

describe('printTimeoutMs', () => {
  it('is the base up to 1 MB of HTML, and grows in proportion above it', () => {
    expect(printTimeoutMs(120_000, 300_000)).toBe(120_000);
    expect(printTimeoutMs(120_000, 1024 * 1024)).toBe(120_000);
    expect(printTimeoutMs(120_000, 6 * 1024 * 1024)).toBe(720_000);
    expect(printTimeoutMs(1_000, 1.5 * 1024 * 1024)).toBe(1_500);
  });
  it('property: never below the base, never decreasing with size, and within setTimeout\'s range for every allowed --timeout and a 20 MB file\'s HTML', () => {
    fc.assert(fc.property(fc.integer({ min: 1_000, max: 3_600_000 }), fc.nat(64 * 1024 * 1024), fc.nat(1024 * 1024), (base, bytes, more) => {
      const t = printTimeoutMs(base, bytes);
      expect(t).toBeGreaterThanOrEqual(base);
      expect(printTimeoutMs(base, bytes + more)).toBeGreaterThanOrEqual(t);
      expect(t).toBeLessThanOrEqual(2 ** 31 - 1);
    }));
  });
});

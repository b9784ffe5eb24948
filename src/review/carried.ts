// Acknowledgements carried into the period diff: each one the previous period's review file made whose
// finding recurs this period, so the reviewer sees which accepted differences come back. Pure.
import type { Review } from './schema.js';
import { findingKey, keyOfFinding, type ReviewStatus } from './status.js';

export interface CarriedAcknowledgement {
  code: string;
  path: string;
  /** The previous period's decision. */
  reason: string;
  by: string;
  on: string;
  /** This period: accepted again (with its reason), or still open. */
  now: { acknowledged: true; reason: string; by: string; on: string } | { acknowledged: false };
}

export function carriedAcknowledgements(previous: Review, current: ReviewStatus): CarriedAcknowledgement[] {
  const open = new Set(current.open.map(keyOfFinding));
  const again = new Map(current.acknowledged.map(({ finding, ack }) => [keyOfFinding(finding), ack]));
  return previous.acknowledged.flatMap((ack) => {
    const key = findingKey(ack.code, ack.path);
    const now = again.get(key);
    if (!now && !open.has(key)) return [];
    return [{ code: ack.code, path: ack.path, reason: ack.reason, by: ack.by, on: ack.on, now: now ? { acknowledged: true as const, reason: now.reason, by: now.by, on: now.on } : { acknowledged: false as const } }];
  });
}

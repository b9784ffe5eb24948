// The figures as JSON: a public interface for spreadsheets and review tools. Keep these paths stable
// (documented in docs/figures-json.md). Decimals are strings; ratios are fractions (0.0078), not percents.
import type { Figures } from '../calc/compute.js';
import type { CalculatorPass } from '../calc/pass.js';
import { PASSES } from '../calc/passes.js';
import type { FundPeriod } from '../load/schema.js';
import type { Locator } from '../load/locate.js';
import { formatPath } from '../load/locate.js';

type PassJson<P> = P extends { json: (...args: never[]) => infer J } ? J : Record<never, never>;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** figures.json's parts as the passes declare them. */
type PassesJson = Intersect<PassJson<(typeof PASSES)[number]>>;

/** The fund, each calculator pass's part (in pass order, as the pass declares it), then every finding. */
export function figuresJson(fund: FundPeriod, figures: Figures, locate?: Locator) {
  const out: Record<string, unknown> = { fund: { id: fund.fund.id, name: fund.fund.name, synthetic: fund.fund.synthetic ?? false } };
  for (const pass of PASSES as readonly CalculatorPass<never>[]) Object.assign(out, pass.json?.(figures, fund, locate));
  out.findings = figures.findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    message: f.message,
    stated: f.stated ?? null,
    computed: f.computed ?? null,
    difference: f.difference ?? null,
    rule: f.rule ?? null,
    threshold: f.threshold ?? null,
    path: f.path ? formatPath(f.path) : null,
    location: f.location ?? (f.path && locate ? locate(f.path) : null),
  }));
  return out as { fund: { id: string; name: string; synthetic: boolean } } & PassesJson & { findings: FindingJson[] };
}

interface FindingJson {
  severity: string;
  code: string;
  message: string;
  stated: string | null;
  computed: string | null;
  difference: string | null;
  rule: string | null;
  threshold: string | null;
  path: string | null;
  location: { file: string; line: number; col: number } | null;
}
export type FiguresJson = ReturnType<typeof figuresJson>;

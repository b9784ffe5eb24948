// A fund with many holdings that still ties out exactly, generated from the IQM file: each of IQM's 177
// holdings is split into tranches whose values and principal amounts sum to the original holding's
// (`BENCH_PARTS=large npm run bench`; test/shared-build.ts writes one a run, which test/large-fund.test.ts
// builds and test/signals.test.ts uses as an input that takes seconds to validate).
import { isMap, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

const asNumber = (s: string) => Number(s.replaceAll(',', ''));
const grouped = (n: number) => n.toLocaleString('en-US');

/** `total` as `parts` whole numbers that sum to it exactly (the remainder spread over the first ones). */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/** IQM's text with its 177 holdings split into `count` tranches; the other lines are left as they are. */
export function largeFundText(iqmText: string, count: number): { text: string; holdings: number } {
  const doc = parseDocument(iqmText, { schema: 'failsafe' });
  const groups = doc.getIn(['schedule_of_investments', 'groups']) as YAMLSeq<YAMLMap>;
  const originals = groups.items.reduce((n, g) => n + (g.get('holdings') as YAMLSeq).items.length, 0);
  let index = 0;
  let made = 0;
  for (const group of groups.items) {
    const holdings = group.get('holdings') as YAMLSeq<YAMLMap>;
    const tranches: Record<string, unknown>[] = [];
    for (const node of holdings.items) {
      if (!isMap(node)) throw new Error('a holding is not a mapping');
      const h = node.toJSON() as Record<string, string | string[]>;
      // Spread `count` over the originals as evenly as whole numbers allow.
      const parts = Math.floor(((index + 1) * count) / originals) - Math.floor((index * count) / originals);
      index++;
      const values = split(asNumber(h.value as string), parts);
      const principals = split(asNumber(h.principal_000 as string), parts);
      for (let k = 0; k < parts; k++) {
        tranches.push({ ...h, issue: `${h.issue as string}, tranche ${made + 1}`, principal_000: grouped(principals[k]!), value: grouped(values[k]!) });
        made++;
      }
    }
    // Each tranche's notes written out, as a person's file has them: yaml's default would alias the
    // notes list the tranches of one holding share (thousands of aliases, each resolved on every load).
    group.set('holdings', doc.createNode(tranches, { aliasDuplicateObjects: false }));
  }
  return { text: doc.toString({ lineWidth: 0 }), holdings: made };
}

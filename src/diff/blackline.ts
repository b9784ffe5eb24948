// Blackline of the narrative: each section's paragraphs compared, changed paragraphs marked word by
// word (insertions and deletions), unchanged ones counted so a reader can skip them. Uses `diff`.
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { FundPeriod } from '../load/schema.js';

export interface Piece {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

export type BlacklineBlock =
  | { kind: 'unchanged'; count: number }
  | { kind: 'changed'; pieces: Piece[] }
  | { kind: 'inserted'; text: string }
  | { kind: 'deleted'; text: string };

export interface BlacklineSection {
  key: string;
  title: string;
  changed: boolean;
  blocks: BlacklineBlock[];
}

interface NarrativeSection {
  key: string;
  title: string;
  paragraphs: string[];
}

function paragraphs(markdown: string): string[] {
  return markdown.split(/\n\s*\n/).map((p) => p.trim().replace(/\s*\n\s*/g, ' ')).filter(Boolean);
}

/** The narrative of a fund-period, section by section, as plain paragraphs. */
export function narrativeSections(fund: FundPeriod): NarrativeSection[] {
  const n = fund.narrative;
  const out: NarrativeSection[] = [];
  n.letters.forEach((l, i) => out.push({ key: `letters[${i}]`, title: `Letter: ${l.signer}`, paragraphs: [l.salutation, ...paragraphs(l.body), l.closing] }));
  out.push({ key: 'performance_text', title: 'Trust performance', paragraphs: [...paragraphs(n.performance_text.intro), ...paragraphs(n.performance_text.index_descriptions)] });
  if (n.portfolio_managers) out.push({ key: 'portfolio_managers', title: 'Portfolio management', paragraphs: [n.portfolio_managers.intro, ...n.portfolio_managers.managers.map((m) => m.text)] });
  out.push({ key: 'dividend_reinvestment_plan', title: 'Dividend reinvestment plan', paragraphs: paragraphs(n.dividend_reinvestment_plan) });
  for (const note of n.notes) {
    out.push({ key: `notes[${note.number}]`, title: `Note ${note.number}: ${note.title}`, paragraphs: note.body.flatMap((b) => (typeof b === 'string' ? paragraphs(b) : [])) });
  }
  out.push({ key: 'board_approval', title: n.board_approval.title, paragraphs: paragraphs(n.board_approval.body) });
  out.push({ key: 'proxy_text', title: 'Proxy results', paragraphs: [n.proxy_text.intro, n.proxy_text.proposal] });
  n.back_matter.forEach((b, i) => out.push({ key: `back_matter[${i}]`, title: b.title || 'Closing', paragraphs: paragraphs(b.body) }));
  return out;
}

function wordPieces(before: string, after: string): Piece[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? 'inserted' : c.removed ? 'deleted' : 'same', text: c.value }));
}

/** Paragraph-level comparison; a deleted paragraph followed by an inserted one is one changed paragraph. */
export function blacklineSection(key: string, title: string, before: string[], after: string[]): BlacklineSection {
  const blocks: BlacklineBlock[] = [];
  const changes = diffArrays(before, after);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      blocks.push({ kind: 'unchanged', count: c.value.length });
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const pairs = Math.min(c.value.length, next.value.length);
      for (let k = 0; k < pairs; k++) blocks.push({ kind: 'changed', pieces: wordPieces(c.value[k]!, next.value[k]!) });
      for (const text of c.value.slice(pairs)) blocks.push({ kind: 'deleted', text });
      for (const text of next.value.slice(pairs)) blocks.push({ kind: 'inserted', text });
      i++;
      continue;
    }
    for (const text of c.value) blocks.push(c.added ? { kind: 'inserted', text } : { kind: 'deleted', text });
  }
  return { key, title, changed: blocks.some((b) => b.kind !== 'unchanged'), blocks };
}

export function blackline(previous: FundPeriod, current: FundPeriod): BlacklineSection[] {
  const before = new Map(narrativeSections(previous).map((s) => [s.key, s]));
  const after = narrativeSections(current);
  const keys = new Set(after.map((s) => s.key));
  const sections = after.map((s) => blacklineSection(s.key, s.title, before.get(s.key)?.paragraphs ?? [], s.paragraphs));
  for (const [key, s] of before) if (!keys.has(key)) sections.push(blacklineSection(key, s.title, s.paragraphs, []));
  return sections;
}

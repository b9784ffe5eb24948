// Blackline of the narrative: each section's paragraphs compared, unchanged ones counted so a reader can
// skip them, changed ones marked phrase by phrase: a run of changed words, and the few unchanged words
// caught between two changes, read as one deleted phrase followed by one inserted phrase. Numbers are
// compared as numbers ("$1,193" is "$1193"), and a dollar figure a changed paragraph carries forward
// unchanged is listed, since the statements it reports on changed. Uses `diff`.
import { diffArrays } from 'diff';
import { Decimal } from '../decimal.js';
import type { FundPeriod } from '../load/schema.js';

interface Piece {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

export type BlacklineBlock =
  | { kind: 'unchanged'; count: number }
  | { kind: 'changed'; pieces: Piece[]; carriedForward: string[] }
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
function narrativeSections(fund: FundPeriod): NarrativeSection[] {
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

/** Words, numbers (with a leading $ and a trailing %), runs of spaces, and single other characters. */
const TOKEN = /\$?\d+(?:,\d{3})*(?:\.\d+)?%?|[\p{L}\p{M}\p{N}'’]+|\s+|[^]/gu;
const NUMBER = /^\$?\d+(?:,\d{3})*(?:\.\d+)?%?$/;
const WORD = /[\p{L}\p{N}]/u;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function numberValue(token: string): string {
  return `${token.startsWith('$') ? '$' : ''}${new Decimal(token.replace(/[$,%]/g, '')).toString()}${token.endsWith('%') ? '%' : ''}`;
}

/** Tokens are the same when equal as text, or when both are numbers of the same value and kind. */
function sameToken(a: string, b: string): boolean {
  return a === b || (NUMBER.test(a) && NUMBER.test(b) && numberValue(a) === numberValue(b));
}

/** Unchanged runs of fewer words than this, between two changes, are read as part of the change. */
const JOIN_WORDS = 3;

type Segment = { same: string[] } | { deleted: string[]; inserted: string[] };

/** Phrase-level pieces of one changed paragraph, and the dollar figures it carries forward unchanged. */
function phrasePieces(before: string, after: string): { pieces: Piece[]; carriedForward: string[] } {
  const segments: Segment[] = [];
  const carriedForward: string[] = [];
  for (const c of diffArrays(tokens(before), tokens(after), { comparator: sameToken })) {
    const last = segments.at(-1);
    if (!c.added && !c.removed) {
      carriedForward.push(...c.value.filter((t) => t.startsWith('$') && NUMBER.test(t)));
      segments.push({ same: c.value });
    } else if (last && 'deleted' in last) {
      (c.added ? last.inserted : last.deleted).push(...c.value);
    } else {
      segments.push(c.added ? { deleted: [], inserted: [...c.value] } : { deleted: [...c.value], inserted: [] });
    }
  }
  // A short unchanged run between two changes joins them: "the market volatility of recent months"
  // against "economic uncertainty and market volatility" reads as one phrase each.
  const merged: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const prev = merged.at(-1);
    const next = segments[i + 1];
    if ('same' in s && prev && 'deleted' in prev && next && 'deleted' in next && s.same.filter((t) => WORD.test(t)).length < JOIN_WORDS) {
      prev.deleted.push(...s.same, ...next.deleted);
      prev.inserted.push(...s.same, ...next.inserted);
      i++;
      continue;
    }
    if ('deleted' in s && prev && 'deleted' in prev) {
      prev.deleted.push(...s.deleted);
      prev.inserted.push(...s.inserted);
      continue;
    }
    merged.push('same' in s ? { same: [...s.same] } : { deleted: [...s.deleted], inserted: [...s.inserted] });
  }
  const pieces: Piece[] = [];
  for (const s of merged) {
    if ('same' in s) pieces.push({ kind: 'same', text: s.same.join('') });
    else {
      if (s.deleted.length) pieces.push({ kind: 'deleted', text: s.deleted.join('') });
      if (s.inserted.length) pieces.push({ kind: 'inserted', text: s.inserted.join('') });
    }
  }
  return { pieces, carriedForward: [...new Set(carriedForward)] };
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
      for (let k = 0; k < pairs; k++) blocks.push({ kind: 'changed', ...phrasePieces(c.value[k]!, next.value[k]!) });
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

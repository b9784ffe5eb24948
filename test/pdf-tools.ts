// Helpers for tests that read real PDFs with poppler (pdftotext, pdfinfo) and qpdf, independent of
// fundbook's own PDF reading.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HANG_MS } from './hang.js';
import { runCli } from './run-cli.js';

/**
 * The text of a PDF, or of one page: exactly what `pdftotext [-layout] [-f N -l N] file -` prints. Tests
 * read page after page of the same PDF, so the text comes from one pdftotext run over the whole file,
 * kept per file content, and a page is its part of it: pdftotext ends each page with a form feed (a
 * pdftotext process a page cost more CPU than the rest of some of those tests).
 */
export function pdfText(file: string, options: { layout?: boolean; page?: number } = {}): string {
  const layout = options.layout ? ['-layout'] : [];
  const key = `${layout.join()}:${sha256File(file)}`;
  let text = textByContent.get(key);
  if (!text) {
    const whole = execFileSync('pdftotext', [...layout, file, '-'], { encoding: 'utf8' });
    text = { whole, pages: whole.split('\f').slice(0, -1).map((page) => `${page}\f`) };
    textByContent.set(key, text);
  }
  if (!options.page) return text.whole;
  const page = text.pages[options.page - 1];
  if (page === undefined) throw new Error(`pdfText: ${file} has ${text.pages.length} pages, not a page ${options.page}`);
  return page;
}
const textByContent = new Map<string, { whole: string; pages: string[] }>();

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

export interface Outline {
  title: string;
  page: number;
  kids: Outline[];
}

export function pdfOutlines(file: string): Outline[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
  };
  const map = (o: { title: string; destpageposfrom1: number; kids: unknown[] }): Outline => ({
    title: o.title,
    page: o.destpageposfrom1,
    kids: (o.kids as typeof json.outlines).map(map),
  });
  return json.outlines.map(map);
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** `fundbook <args>`, in this process on the worker's warm browser (test/run-cli.ts). */
export async function fundbook(args: string[], cwd?: string) {
  const r = await runCli(args, cwd);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `fundbook <args>` in a process of its own, which starts its own Chromium. */
export function fundbookProcess(args: string[], cwd?: string) {
  const r = spawnSync('node', [new URL('../bin/fundbook.js', import.meta.url).pathname, ...args], { encoding: 'utf8', cwd, timeout: HANG_MS });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

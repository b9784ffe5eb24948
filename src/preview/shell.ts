// The preview's page around a document: which documents there are, the findings (each linked to the
// section of the document that prints its figure), the "Print PDF" button, and, when the file does not
// load, its diagnostics in place of the document. Its one script (SHELL_SCRIPT, served by the preview
// itself) reloads the page when the server says the documents changed and asks for a print; the
// document is shown in a sandboxed frame in which no script runs.
import type { PreviewDocument, PreviewState } from './preview-render.js';
import { PREVIEW_DOCUMENTS } from './preview-render.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function shellPage(p: { file: string; state: PreviewState; version: number; doc: PreviewDocument; templates: readonly string[] }): string {
  const { state } = p;
  const title = state.ok ? state.fundName : p.file;
  const tabs = PREVIEW_DOCUMENTS.map((d) => {
    const present = state.ok && state.documents[d.name] !== undefined;
    if (!present) return `<span class="tab absent">${d.title}</span>`;
    return `<a class="tab${d.name === p.doc ? ' current' : ''}" href="/?doc=${d.name}">${d.title}</a>`;
  }).join('');
  const body = state.ok
    ? `<aside id="findings"><h2>Findings (${state.findings.length})</h2>
${state.diffProblem ? `<p class="note">${escapeHtml(state.diffProblem)}</p>` : ''}<ol>
${state.findings.map((f) => `<li class="${escapeHtml(f.severity)}">${f.target && state.documents[f.target.doc] ? `<a href="/?doc=${f.target.doc}#${escapeHtml(f.target.section)}">` : '<span>'}${escapeHtml(f.text)}${f.target && state.documents[f.target.doc] ? '</a>' : '</span>'}</li>`).join('\n')}
</ol></aside>
<iframe id="doc" name="doc" title="${escapeHtml(title)}" sandbox="allow-same-origin" src="/doc/${state.documents[p.doc] ? p.doc : 'report'}"></iframe>`
    : `<section id="problems"><h1>${escapeHtml(p.file)} does not load</h1>
<p>The preview shows the document again once the file is fixed and saved.</p>
<pre>${state.problems.map(escapeHtml).join('\n')}</pre></section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — fundbook preview</title>
<link rel="stylesheet" href="/assets/preview.css">
<script src="/assets/preview.js" defer></script>
</head>
<body data-version="${p.version}">
<header>
<span class="brand">fundbook preview</span>
<a class="source" href="/files/${encodeURIComponent(p.file)}">${escapeHtml(p.file)}</a>
${p.templates.length > 0 ? `<span class="layers">templates: ${p.templates.map(escapeHtml).join(', ')}</span>` : ''}
<nav>${tabs}</nav>
<button id="print" type="button">Print PDF</button>
<output id="print-status"></output>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export const SHELL_CSS = `
html, body { margin: 0; height: 100%; font: 13px/1.4 "Liberation Sans", "DejaVu Sans", sans-serif; color: #1b2330; }
body { display: flex; flex-direction: column; }
header { display: flex; align-items: center; gap: 14px; padding: 8px 14px; background: #1d3c6e; color: #fff; flex-wrap: wrap; }
header a { color: #fff; }
.brand { font-weight: bold; }
.layers { opacity: 0.8; }
nav { display: flex; gap: 4px; margin-left: auto; }
.tab { padding: 3px 10px; border-radius: 3px; text-decoration: none; }
.tab.current { background: #fff; color: #1d3c6e; }
.tab.absent { opacity: 0.45; }
#print { padding: 4px 12px; }
#print-status { max-width: 40ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
main { flex: 1; display: flex; min-height: 0; }
#findings { width: 340px; overflow: auto; padding: 0 12px; background: #f3f4f7; border-right: 1px solid #ccd; }
#findings h2 { font-size: 14px; }
#findings ol { padding-left: 18px; }
#findings li { margin-bottom: 8px; word-break: break-word; font-size: 12px; }
#findings li.error { color: #a00; }
#findings li.warning { color: #7a4b00; }
#findings a { color: inherit; }
#doc { flex: 1; border: 0; }
#problems { padding: 20px 28px; overflow: auto; }
#problems h1 { color: #a00; font-size: 18px; }
#problems pre { white-space: pre-wrap; background: #fff4f4; border: 1px solid #e3b5b5; padding: 10px; }
.note { color: #555; }
`;

/**
 * The shell's script: reload when the server reports a change (keeping the document's scroll position),
 * move the document to a finding's section, and ask for a print.
 */
export const SHELL_SCRIPT = `'use strict';
(() => {
  const shown = Number(document.body.dataset.version);
  const frame = document.getElementById('doc');
  const key = 'fundbook-preview-scroll:' + location.search;
  const source = new EventSource('/events');
  const reload = () => {
    if (frame && frame.contentWindow) sessionStorage.setItem(key, String(frame.contentWindow.scrollY));
    location.reload();
  };
  source.addEventListener('version', (e) => { if (Number(e.data) !== shown) reload(); });
  source.addEventListener('change', reload);
  if (frame) {
    frame.addEventListener('load', () => {
      const section = location.hash.slice(1);
      const target = section && frame.contentDocument.getElementById(section);
      if (target) target.scrollIntoView();
      else frame.contentWindow.scrollTo(0, Number(sessionStorage.getItem(key) || 0));
    });
  }
  for (const a of document.querySelectorAll('#findings a')) {
    a.addEventListener('click', (e) => {
      const url = new URL(a.href);
      if (url.search !== location.search || !frame) return;
      e.preventDefault();
      history.replaceState(null, '', url.search + url.hash);
      const target = frame.contentDocument.getElementById(url.hash.slice(1));
      if (target) target.scrollIntoView();
    });
  }
  const button = document.getElementById('print');
  const status = document.getElementById('print-status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'printing...';
    try {
      const reply = await (await fetch('/print', { method: 'POST' })).json();
      status.textContent = reply.lines.join(' ');
      status.title = reply.lines.join('\\n');
      status.className = reply.ok ? 'ok' : 'failed';
    } finally {
      button.disabled = false;
    }
  });
})();
`;

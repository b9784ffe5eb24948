// `fundbook preview`: a local web server showing a fund-period's documents as HTML, styled by the same
// print stylesheets, with the period's findings beside them. It watches the fund's folder (the YAML, its
// review file, the previous period) and the template folders, re-renders on a save and tells the page
// to reload (Server-Sent Events). A file that does not load shows its diagnostics instead of the last
// good document. Only the preview's own shell runs a script (its own, served from here); each document
// is shown in a sandboxed frame without scripts, under a Content-Security-Policy that allows no script
// and no request beyond this server. Files are served only from the fund's folder and the template
// folders; every other path is refused.
import { createHash } from 'node:crypto';
import { createReadStream, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve, sep } from 'node:path';
import { buildAll } from '../pipeline/build-all.js';
import type { BrowserPool } from '../render/browser-pool.js';
import { PREVIEW_DOCUMENTS, renderPreview, type PreviewDocument, type PreviewState } from './preview-render.js';
import { shellPage, SHELL_CSS, SHELL_SCRIPT } from './shell.js';

export interface PreviewOptions {
  file: string;
  templates?: readonly string[];
  /** Default 127.0.0.1: the preview is for this machine. */
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** Where "Print PDF" builds (as `fundbook build --out`). */
  outDir?: string;
  /** How long to wait for more changes before re-rendering. */
  debounceMs?: number;
  log?: (line: string) => void;
  /** A browser pool "Print PDF" prints with, kept by the caller (with-pool.ts); else each print starts one. */
  pool?: BrowserPool;
}

export interface Preview {
  url: string;
  /** How many times the documents changed since the start. */
  readonly version: number;
  close(): Promise<void>;
}

/** The shell's policy: its own script, style and frames from this server only. */
const SHELL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** A document's policy: no script at all, its inline styles, nothing fetched. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * `rest` (a URL path's remainder, still percent-encoded) as a file inside `root`, or undefined when it
 * is not one: `..`, encoded or not, an absolute path, a NUL, or a link out of the folder are refused.
 */
function fileInside(root: string, rest: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return undefined;
  const base = realpathSync(root);
  const candidate = resolve(base, `.${sep}${decoded}`);
  if (!candidate.startsWith(base + sep)) return undefined;
  try {
    const real = realpathSync(candidate);
    return real.startsWith(base + sep) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const file = options.file;
  const templates = options.templates ?? [];
  const log = options.log ?? (() => undefined);
  const fundDir = dirname(resolve(file));
  let state: PreviewState = renderPreview(file, templates);
  let stateHash = hashOf(state);
  let version = 0;
  const listeners = new Set<ServerResponse>();
  let printing = false;

  // Re-render once the saves settle; the pages reload only when what they show changed.
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = renderPreview(file, templates);
      const hash = hashOf(state);
      if (hash === stateHash) return;
      stateHash = hash;
      version++;
      log(state.ok ? `re-rendered (${version})` : `does not load (${version}): ${state.problems[0] ?? ''}`);
      for (const res of listeners) res.write(`event: change\ndata: ${version}\n\n`);
    }, options.debounceMs ?? 150);
  };
  const watchers: FSWatcher[] = [watch(fundDir, changed), ...templates.map((dir) => watch(dir, { recursive: true }, changed))];

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      send(res, 500, 'text/plain', `fundbook preview: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Only this machine's names for this server (a page elsewhere cannot rebind its own name to it).
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host) && host !== `${options.host}:${port}`) return send(res, 421, 'text/plain', 'not this server');
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    if (req.method === 'POST' && path === '/print') return print(res);
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    if (path === '/') {
      const asked = new URLSearchParams(query).get('doc');
      const doc = PREVIEW_DOCUMENTS.find((d) => d.name === asked)?.name ?? 'report';
      return send(res, 200, 'text/html; charset=utf-8', shellPage({ file: basename(file), state, version, doc, templates }), SHELL_CSP);
    }
    if (path === '/assets/preview.js') return send(res, 200, 'text/javascript; charset=utf-8', SHELL_SCRIPT, SHELL_CSP);
    if (path === '/assets/preview.css') return send(res, 200, 'text/css; charset=utf-8', SHELL_CSS, SHELL_CSP);
    if (path === '/events') return events(req, res);
    const doc = /^\/doc\/([a-z]+)$/.exec(path)?.[1] as PreviewDocument | undefined;
    if (doc) {
      const html = state.ok ? state.documents[doc] : undefined;
      return html ? send(res, 200, 'text/html; charset=utf-8', html, DOCUMENT_CSP) : send(res, 404, 'text/plain', `no ${doc} document`);
    }
    // The fund's folder and the template folders, read-only, as plain text.
    const m = /^\/files\/(.+)$/.exec(path) ?? /^\/templates\/(\d+)\/(.+)$/.exec(path);
    if (m) {
      const root = path.startsWith('/files/') ? fundDir : templates[Number(m[1])];
      const found = root === undefined ? undefined : fileInside(root, m[m.length - 1]!);
      if (!found) return send(res, 404, 'text/plain', 'not found');
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-security-policy': DOCUMENT_CSP, 'cache-control': 'no-store' });
      createReadStream(found).pipe(res);
      return;
    }
    send(res, 404, 'text/plain', 'not found');
  };

  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`event: version\ndata: ${version}\n\n`);
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  };

  // "Print PDF": the normal build of this file, into --out.
  const print = (res: ServerResponse) => {
    if (printing) return send(res, 409, 'application/json', JSON.stringify({ ok: false, lines: ['a print is already running'] }));
    printing = true;
    const lines: string[] = [];
    buildAll([file], { outDir: options.outDir ?? 'output', templates, progress: false, pool: options.pool }, (line) => lines.push(line))
      .then((code) => send(res, 200, 'application/json', JSON.stringify({ ok: code === 0, lines: lines.filter((l) => l.startsWith('built ') || l.startsWith('FAILED') || l.startsWith('  ')) })))
      .catch((err: unknown) => send(res, 200, 'application/json', JSON.stringify({ ok: false, lines: [err instanceof Error ? err.message : String(err)] })))
      .finally(() => (printing = false));
  };

  const port = await new Promise<number>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
  const shownHost = (options.host ?? '127.0.0.1').includes(':') ? `[${options.host}]` : options.host ?? '127.0.0.1';
  return {
    url: `http://${shownHost}:${port}/`,
    get version() {
      return version;
    },
    close: () => closeAll(server, watchers, listeners, () => clearTimeout(timer)),
  };
}

function hashOf(state: PreviewState): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

function send(res: ServerResponse, status: number, type: string, body: string, csp = DOCUMENT_CSP): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end(body);
}

function closeAll(server: Server, watchers: FSWatcher[], listeners: Set<ServerResponse>, stop: () => void): Promise<void> {
  stop();
  for (const w of watchers) w.close();
  for (const res of listeners) res.end();
  listeners.clear();
  return new Promise((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}

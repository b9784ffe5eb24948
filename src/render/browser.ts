// The Chromium fundbook prints with, and how it is started. fundbook depends on puppeteer-core, which
// downloads nothing when installed. The program: FUNDBOOK_CHROMIUM when set (checked: it must exist, be a
// file and be executable; never a silent fallback), else PUPPETEER_EXECUTABLE_PATH (checked the same
// way), else the system's Chromium or Chrome (Debian's /usr/bin/chromium), else a browser downloaded into
// Puppeteer's cache with `npx @puppeteer/browsers install chrome-headless-shell@stable`; none is an error.
// fundbook starts it itself, headless and talking over a pipe, in a process group of its own, so that it
// can say what went wrong: a program that exits at once is reported with its path and exit status, and
// one that does not answer within the launch timeout is ended and reported by path.
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { getInstalledBrowsers } from '@puppeteer/browsers';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BrowserStartError } from './browser-error.js';
import { PipeTransport } from './pipe-transport.js';
import { pinnedFontEnvironment } from './fontconfig.js';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Chromium 156 opens the address bar's popup as two WebUI pages (chrome://omnibox-popup.top-chrome)
  // even when headless: a renderer of its own that cost about 1.8 of the 4.2 CPU-seconds a launch and
  // its first print took here, and prints nothing. Puppeteer adds these to its own disabled features.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;

/**
 * Puppeteer's own limit on any one DevTools call (its default, 180 s, cut a 10,000-holding report's print
 * short on a loaded machine, before fundbook's print timeout, which scales with the document, and
 * without naming it). fundbook times each print and launch itself; this only catches a call that hangs.
 */
const PROTOCOL_TIMEOUT_MS = 60 * 60_000;

/** What Chromium adds to TMPDIR for a socket: "/.org.chromium.Chromium.XXXXXX/SingletonSocket". */
const SOCKET_PATH_TAIL = 47;

export { BrowserStartError };

/** No browser was named or found, or the one named cannot be run. */
export class ChromiumNotFoundError extends BrowserStartError {
  override name = 'ChromiumNotFoundError';
}

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Why `path`, given by `setting`, cannot be run, or undefined if it can. */
function unusable(path: string, setting: string): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return `${setting}=${path}: no such file`;
  }
  if (stat.isDirectory()) return `${setting}=${path} is a directory; it must name the Chromium program`;
  if (!stat.isFile()) return `${setting}=${path} is not a file; it must name the Chromium program`;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return `${setting}=${path} is not executable`;
  }
  return undefined;
}

/** A browser named by the environment (checked), or installed on the system; undefined when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const setting of ['FUNDBOOK_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH']) {
    const path = env[setting];
    if (path === undefined || path === '') continue;
    const problem = unusable(path, setting);
    if (problem) throw new ChromiumNotFoundError(problem);
    return path;
  }
  return SYSTEM_BROWSERS.find((p) => existsSync(p));
}

/** Puppeteer's browser cache: PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer (where @puppeteer/browsers installs). */
const puppeteerCache = (env: NodeJS.ProcessEnv) => env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');

/** The browser to launch: chromiumPath(), else the newest Chrome in Puppeteer's cache; or a clear error. */
async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const found = chromiumPath(env);
  if (found) return found;
  const cache = puppeteerCache(env);
  const installed = existsSync(cache) ? await getInstalledBrowsers({ cacheDir: cache }).catch(() => []) : [];
  const usable = installed.filter((b) => b.browser === 'chrome-headless-shell' || b.browser === 'chrome' || b.browser === 'chromium').sort((x, y) => y.buildId.localeCompare(x.buildId, 'en', { numeric: true }));
  const cached = usable.find((b) => existsSync(b.executablePath));
  if (cached) return cached.executablePath;
  throw new ChromiumNotFoundError(
    'fundbook prints with Chromium and found none: install Debian\'s (`apt-get install chromium`), ' +
      'set FUNDBOOK_CHROMIUM=/path/to/chrome, or download one (needs internet) with ' +
      '`npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`',
  );
}

export interface Chromium {
  browser: Browser;
  path: string;
  /** The process (and process-group) id. */
  pid: number;
  /** End the process group and remove the profile folder, synchronously (signal handlers use it). */
  kill(): void;
}

/** Start Chromium and connect to it, within `timeoutMs`. */
export async function launchChromium(options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; onSpawn?: (started: Pick<Chromium, 'pid' | 'kill'>) => void } = {}): Promise<Chromium> {
  const env = options.env ?? process.env;
  const path = await resolveChromium(env);
  const timeoutMs = options.timeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
  const profile = mkdtempSync(join(tmpdir(), 'fundbook-chromium-'));
  // Chromium's own temporary files (its shared memory, with --disable-dev-shm-usage) go inside the
  // profile folder, so that removing it leaves nothing behind, however Chromium ended; unless that
  // makes the path of the sockets Chromium creates there too long for a socket (108 bytes on Linux).
  const chromiumTmp = join(profile, 't');
  mkdirSync(chromiumTmp);
  const tmpEnv = Buffer.byteLength(chromiumTmp) + SOCKET_PATH_TAIL <= 107 ? { TMPDIR: chromiumTmp } : {};
  const args = [...puppeteer.defaultArgs({ headless: true, args: [...CHROMIUM_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`] })];
  const child = spawn(path, args, { detached: true, env: { ...env, ...pinnedFontEnvironment(), ...tmpEnv }, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderrTail = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderrTail = (stderrTail + d).slice(-2000)));
  let exited = false;
  const kill = () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(profile, { recursive: true, force: true });
  };
  // Told at once, so that a signal while Chromium is still starting up ends it too (render/browser-pool.ts).
  if (child.pid) options.onSpawn?.({ pid: child.pid, kill });
  const exit = new Promise<never>((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      exited = true;
      reject(new BrowserStartError(`could not start Chromium at ${path}: ${err.code ?? err.message}`));
    });
    child.once('exit', (code, signal) => {
      exited = true;
      rmSync(profile, { recursive: true, force: true });
      const lastLine = stderrTail.trim().split('\n').at(-1)?.trim().slice(0, 200);
      const status = signal ? `signal ${signal}` : `status ${code}`;
      reject(new BrowserStartError(`Chromium at ${path} exited at once, with ${status}, before it could be used${lastLine ? ` (it said: ${lastLine})` : ''}`));
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserStartError(`Chromium at ${path} did not answer within ${timeoutMs / 1000} s of starting (a longer wait: --launch-timeout)`)), timeoutMs);
  });
  exit.catch(() => undefined);
  try {
    const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const browser = await Promise.race([puppeteer.connect({ transport, defaultViewport: { width: 800, height: 600 }, protocolTimeout: PROTOCOL_TIMEOUT_MS }), exit, timeout]);
    return { browser, path, pid: child.pid!, kill };
  } catch (err) {
    // A program that ends at once closes its pipe too, and the connection can fail before its exit is
    // seen: give the exit a moment to be reported, so the message says the program ended and how.
    const ended = err instanceof BrowserStartError ? err : await Promise.race([exit.catch((e: unknown) => e), new Promise((r) => setTimeout(r, 2000))]);
    kill();
    throw ended instanceof BrowserStartError ? ended : new BrowserStartError(`Chromium at ${path} could not be used: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The version of the Chromium a run would launch, asked without starting it (`--version`, a fraction of
 * a launch): the dotted number, or undefined when it cannot be read.
 */
export async function chromiumVersion(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const path = await resolveChromium(env);
  return new Promise((resolve) => {
    execFile(path, ['--version'], { timeout: 30_000, env }, (err, stdout) => resolve(err ? undefined : /\d+(?:\.\d+){3}/.exec(stdout)?.[0]));
  });
}

/** A browser for one-off use (tests, the bench): its processes end when it disconnects. */
export async function launchBrowser(options: { timeoutMs?: number } = {}): Promise<Browser> {
  const chromium = await launchChromium(options);
  chromium.browser.once('disconnected', chromium.kill);
  return chromium.browser;
}

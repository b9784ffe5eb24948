// The Chromium fundbook prints with. fundbook depends on puppeteer-core, which downloads nothing when
// installed (Puppeteer's own postinstall download breaks an install on machines that reach only a
// package registry). It looks, in order, at FUNDBOOK_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, the system's
// Chromium or Chrome (Debian's /usr/bin/chromium), and a browser downloaded into Puppeteer's cache with
// `npx @puppeteer/browsers install chrome-headless-shell@stable`; none found is an error that says so.
// Headless, with the flags that keep it off the network at start-up.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { getInstalledBrowsers } from '@puppeteer/browsers';
import puppeteer, { type Browser } from 'puppeteer-core';
import { pinnedFontEnvironment } from './fontconfig.js';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/** A browser named by the environment, or installed on the system; undefined when there is none. */
export function chromiumPath(): string | undefined {
  for (const variable of ['FUNDBOOK_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH'] as const) {
    const path = process.env[variable];
    if (path) {
      if (!existsSync(path)) throw new ChromiumNotFoundError(`${variable}=${path}: no such file`);
      return path;
    }
  }
  return SYSTEM_BROWSERS.find((p) => existsSync(p));
}

/** Puppeteer's browser cache: PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer (where @puppeteer/browsers installs). */
const puppeteerCache = () => process.env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');

/** The browser to launch: chromiumPath(), else the newest Chrome in Puppeteer's cache; or a clear error. */
export async function resolveChromium(): Promise<string> {
  const found = chromiumPath();
  if (found) return found;
  const cache = puppeteerCache();
  const installed = existsSync(cache) ? await getInstalledBrowsers({ cacheDir: cache }).catch(() => []) : [];
  const usable = installed.filter((b) => b.browser === 'chrome-headless-shell' || b.browser === 'chrome' || b.browser === 'chromium').sort((a, b) => b.buildId.localeCompare(a.buildId, 'en', { numeric: true }));
  const cached = usable.find((b) => existsSync(b.executablePath));
  if (cached) return cached.executablePath;
  throw new ChromiumNotFoundError(
    'fundbook prints with Chromium and found none: install Debian\'s (`apt-get install chromium`), ' +
      'set FUNDBOOK_CHROMIUM=/path/to/chrome, or download one (needs internet) with ' +
      '`npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`',
  );
}

export async function launchBrowser(): Promise<Browser> {
  const fonts = pinnedFontEnvironment();
  return puppeteer.launch({
    executablePath: await resolveChromium(),
    headless: true,
    args: CHROMIUM_FLAGS,
    pipe: true,
    env: { ...process.env, ...fonts },
  });
}

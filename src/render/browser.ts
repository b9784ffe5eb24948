// The Chromium fundbook prints with: Debian's /usr/bin/chromium where it exists (machines that cannot
// download Puppeteer's browser), else Puppeteer's own. Headless, with the flags that keep it off the
// network at start-up.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
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

export function chromiumPath(): string | undefined {
  const candidates = [process.env.FUNDBOOK_CHROMIUM, process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p!));
}

export async function launchBrowser(): Promise<Browser> {
  const fonts = pinnedFontEnvironment();
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    pipe: true,
    env: { ...process.env, ...fonts },
  });
}

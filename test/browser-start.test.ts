// FUNDBOOK_CHROMIUM checked before use, and a browser that will not start reported in one line that names
// it: missing, a folder, not executable, a program that exits at once, one that never answers. These start
// real processes (the browser is a process); nothing is left running after any of them.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserStartError, chromiumPath, launchChromium } from '../src/render/browser.js';
import { gone } from './processes.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-browser-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FUNDBOOK_CHROMIUM is checked before use, never silently replaced', () => {
  it('refuses a missing file, a folder and a file that is not executable, each in one line naming it', () => {
    const notExecutable = join(dir, 'chromium.txt');
    writeFileSync(notExecutable, 'not a program');
    chmodSync(notExecutable, 0o644);
    const refused = (path: string) => {
      try {
        chromiumPath({ FUNDBOOK_CHROMIUM: path });
        return 'accepted';
      } catch (err) {
        expect(err).toBeInstanceOf(BrowserStartError);
        return (err as Error).message;
      }
    };
    expect(refused(join(dir, 'nope'))).toBe(`FUNDBOOK_CHROMIUM=${join(dir, 'nope')}: no such file`);
    expect(refused(dir)).toBe(`FUNDBOOK_CHROMIUM=${dir} is a directory; it must name the Chromium program`);
    expect(refused(notExecutable)).toBe(`FUNDBOOK_CHROMIUM=${notExecutable} is not executable`);
    expect(chromiumPath({ FUNDBOOK_CHROMIUM: '/bin/true' })).toBe('/bin/true');
  });
});

describe('a browser that will not start', () => {
  it('reports a program that exits at once with its path and exit status', async () => {
    await expect(launchChromium({ env: { ...process.env, FUNDBOOK_CHROMIUM: '/bin/true' } })).rejects.toThrow(new BrowserStartError('Chromium at /bin/true exited at once, with status 0, before it could be used'));
    const failing = join(dir, 'fails.sh');
    writeFileSync(failing, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n');
    chmodSync(failing, 0o755);
    await expect(launchChromium({ env: { ...process.env, FUNDBOOK_CHROMIUM: failing } })).rejects.toThrow(
      new BrowserStartError(`Chromium at ${failing} exited at once, with status 127, before it could be used (it said: error while loading shared libraries: libnss3.so)`),
    );
  });

  it('ends a program that never answers after the launch timeout, names it, and leaves no process behind', async () => {
    const silent = join(dir, 'silent.sh');
    const pidFile = join(dir, 'silent.pid');
    writeFileSync(silent, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`);
    chmodSync(silent, 0o755);
    await expect(launchChromium({ timeoutMs: 1000, env: { ...process.env, FUNDBOOK_CHROMIUM: silent } })).rejects.toThrow(
      new BrowserStartError(`Chromium at ${silent} did not answer within 1 s of starting (a longer wait: --launch-timeout)`),
    );
    const { readFileSync } = await import('node:fs');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // The program was started as the leader of a process group of its own: the whole group must end.
    expect(await gone(pid)).toBe(true);
  });

  it('starts the real Chromium, without the address bar\'s WebUI pages, and ends it', async () => {
    const chromium = await launchChromium();
    expect(await chromium.browser.version()).toMatch(/^(Headless)?Chrome\/\d+/);
    // Every target the browser has: without --disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup
    // (render/browser.ts) two chrome://omnibox-popup.top-chrome pages are already here at connect.
    const session = await chromium.browser.target().createCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    expect(targetInfos.map((t) => t.url)).toEqual(['about:blank']);
    await chromium.browser.close();
    chromium.kill();
    expect(await gone(chromium.pid)).toBe(true);
  });
});

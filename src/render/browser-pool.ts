// One Chromium shared by every document of a run, relaunched when it crashes or is killed. Jobs take the
// browser with its generation; a job that fails because the browser died retries once on the next one.
// Chromium runs in its own process group, so ending the group leaves no process behind.
import type { Browser } from 'puppeteer-core';
import { launchChromium, type Chromium } from './browser.js';

export class BrowserPool {
  private browser?: Browser;
  private launching?: Promise<Browser>;
  private generation = 0;
  private readonly running = new Map<number, Pick<Chromium, 'pid' | 'kill'>>();
  version = '';

  /** `onLaunch` is called just before a Chromium is started (with-pool.ts then takes over Ctrl-C). */
  constructor(
    private readonly launchTimeoutMs?: number,
    private readonly onLaunch: () => void = () => undefined,
  ) {}

  /** The live browser and its generation, launching one if none is running. */
  async acquire(): Promise<{ browser: Browser; generation: number }> {
    if (this.browser?.connected) return { browser: this.browser, generation: this.generation };
    this.launching ??= this.launch();
    const browser = await this.launching;
    return { browser, generation: this.generation };
  }

  private async launch(): Promise<Browser> {
    try {
      this.onLaunch();
      // Listed from the moment it is spawned: killAll ends one still starting up too.
      const chromium = await launchChromium({ timeoutMs: this.launchTimeoutMs, onSpawn: (started) => this.running.set(started.pid, started) });
      const { browser, pid } = chromium;
      this.version = await browser.version();
      this.generation++;
      browser.once('disconnected', () => {
        if (this.browser === browser) this.browser = undefined;
        this.killGroup(pid);
      });
      this.browser = browser;
      return browser;
    } finally {
      this.launching = undefined;
    }
  }

  /** Whether `generation`'s browser has died since a job took it. */
  crashed(generation: number): boolean {
    return generation !== this.generation || !this.browser?.connected;
  }

  private killGroup(pid: number): void {
    this.running.get(pid)?.kill();
    this.running.delete(pid);
  }

  /** Close the browser (one still starting up included); then end every process group this pool started. */
  async close(): Promise<void> {
    if (this.launching) await this.launching.catch(() => undefined);
    const browser = this.browser;
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
    for (const pid of [...this.running.keys()]) this.killGroup(pid);
  }

  /** For signal handlers: end everything now, synchronously. */
  killAll(): void {
    for (const pid of [...this.running.keys()]) this.killGroup(pid);
  }
}

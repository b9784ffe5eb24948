// Run once per `vitest run`, in vitest's own process: a folder the test files share for the one build of
// IQM they all read (test/shared-build.ts) and for their temporary files, removed when the run ends.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { commandLineHolds } from './processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRoot: string;
    /** The system's temporary folder, whose short path a test needs for Chromium's sockets (signals). */
    systemTmpdir: string;
  }
}

/** Whether a process still runs with a profile folder under `root` (Chromium's --user-data-dir). */
const chromiumWithProfileIn = (root: string) => commandLineHolds(`--user-data-dir=${root}/`);

export default function setup(project: TestProject): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fundbook-shared-'));
  project.provide('sharedRoot', root);
  project.provide('systemTmpdir', tmpdir());
  // The test workers' temporary folder: whatever a test leaves there (the profile folder of a worker's
  // warm Chromium, test/warm-browser.ts, which outlives every test file) goes when the run ends.
  mkdirSync(join(root, 'tmp'));
  process.env.TMPDIR = join(root, 'tmp');
  return async () => {
    // A worker's warm Chromium (test/warm-browser.ts) ends when its worker does, once its pipe closes,
    // and writes its profile folder until then: wait for it to be gone, then remove the folder.
    for (let i = 0; i < 300 && chromiumWithProfileIn(root); i++) await new Promise((r) => setTimeout(r, 100));
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
}

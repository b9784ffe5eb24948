// Run once per `vitest run`, in vitest's own process: a folder the test files share for the one build of
// IQM they all read (test/shared-build.ts), removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'fundbook-shared-'));
  project.provide('sharedRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}

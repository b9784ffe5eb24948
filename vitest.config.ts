import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The longest test files, longest first (measured on the two-core machine under load: 60 to 100 s each).
// A fresh clone has no record of how long each file took, so vitest would order by size, and these small
// files would start last and run on alone at the end. Started first, the rest fill in around them.
const LONGEST = ['large-fund', 'signals', 'batch', 'no-nan', 'incremental', 'package'].map((name) => `/test/${name}.test.ts`);
const rank = (file: TestSpecification) => {
  const i = LONGEST.findIndex((tail) => file.moduleId.endsWith(tail));
  return i === -1 ? LONGEST.length : i;
};
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map((x) => x.file);
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The folder for the one build of IQM the test files share (test/shared-build.ts).
    globalSetup: ['test/global-setup.ts'],
    // Three test files at once on the two-core machine: most of a file's time is Chromium's or a child
    // process's, so while one file waits on a print another computes.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    // A worker runs file after file with its modules loaded once (no test mocks modules; a test that
    // changes process.env or the working directory puts it back).
    isolate: false,
    // Hang detection only (see test/hang.ts): no test may depend on how fast a shared machine is.
    testTimeout: 15 * 60_000,
    hookTimeout: 20 * 60_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The folder for the one build of IQM the test files share (test/shared-build.ts).
    globalSetup: ['test/global-setup.ts'],
    // Three test files at once on the two-core machine: most of a file's time is Chromium's or a child
    // process's, so while one file waits on a print another computes.
    maxWorkers: 3,
    // A worker runs file after file with its modules loaded once (no test mocks modules; a test that
    // changes process.env or the working directory puts it back).
    isolate: false,
    // Hang detection only (see test/hang.ts): no test may depend on how fast a shared machine is.
    testTimeout: 15 * 60_000,
    hookTimeout: 20 * 60_000,
  },
});

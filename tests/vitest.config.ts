import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The project folder: the unit tests sit beside their modules all over the tree.
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: [
      'corpus/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'build/**/*.test.ts',
      // The test helpers' own tests and the benchmarks' (tests/e2e and tests/electron have their own runners).
      'tests/support/**/*.test.ts',
      'tests/bench/**/*.test.ts',
    ],
    exclude: ['node_modules', 'corpus/dist/**'],
    // Says once which sources the tests read (../shared/corpus or the committed sample).
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    // No test blocks its worker long enough for Vitest's 60 s RPC to time out on a loaded machine.
    setupFiles: ['tests/support/event-loop-guard.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Tests that read the real git bundles are I/O heavy; two workers match the 2-core CI machine.
    maxWorkers: 2,
    allowOnly: false,
  },
});

/**
 * `describeWholeCorpus`: a suite that needs the whole histories of `../shared/corpus` (see
 * `shared-corpus.ts`). Apart from it so that `shared-corpus.ts` stays importable outside Vitest
 * (benchmarks, test helpers).
 */
import { describe } from 'vitest';
import { getCurrentSuite } from 'vitest/suite';
import { hasSharedCorpus, WHOLE_CORPUS_REASON } from './shared-corpus.ts';

export { WHOLE_CORPUS_REASON };

declare module 'vitest' {
  interface TaskMeta {
    /** Set on a suite whose tests need a whole history: the reason they are skipped without it. */
    needs?: string;
  }
}

/**
 * A suite that needs the whole histories: run with `../shared/corpus`, skipped without it, its
 * reason kept on the suite for the reporter of `npm test` (`tests/support/skip-reasons-reporter.ts`).
 */
export function describeWholeCorpus(title: string, body: () => void): void {
  describe.skipIf(!hasSharedCorpus)(title, () => {
    const suite = getCurrentSuite().suite;
    if (suite) suite.meta.needs = WHOLE_CORPUS_REASON;
    body();
  });
}

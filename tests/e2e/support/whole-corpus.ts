/**
 * For the end-to-end tests whose article is only in the whole histories of `../shared/corpus` (the
 * Code du travail's former code, L115-7's repeal, a change set of 2004): skipped where the default
 * corpus is the committed sample, with the reason `npm test` sums (`build/test-all.ts`).
 */
import { hasSharedCorpus, WHOLE_CORPUS_REASON } from '../../support/shared-corpus.ts';
import { test } from './fixtures.ts';

/** Call first in a test's body. */
export function needsWholeCorpus(): void {
  test.skip(!hasSharedCorpus, WHOLE_CORPUS_REASON);
}

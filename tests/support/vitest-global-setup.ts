/**
 * Vitest's global setup: says once, before the unit tests, which sources they read — the whole
 * histories of `../shared/corpus`, or the committed sample (`tests/support/shared-corpus.ts`).
 * `npm test` says it itself for every step (`PALIMPSESTE_SOURCES_SAID`).
 */
import { hasSharedCorpus, missingSharedSources, WHOLE_CORPUS_REASON } from './shared-corpus.ts';

export default function sayWhichSources(): void {
  if (hasSharedCorpus || process.env.PALIMPSESTE_SOURCES_SAID) return;
  console.log(
    `${missingSharedSources()}: the tests read the committed sample (corpus/sample); those that ${WHOLE_CORPUS_REASON} are skipped.`,
  );
}

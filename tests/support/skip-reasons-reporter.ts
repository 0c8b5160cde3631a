/**
 * A Vitest reporter for `npm test`: every skipped test with the reason it was skipped — the one its
 * suite states (`describeWholeCorpus` in `whole-corpus.ts`), or the note of a `ctx.skip(note)` —
 * grouped by reason and written to the JSON file `PALIMPSESTE_SKIPS_FILE` names (the summary of
 * `build/test-all.ts` reads it). Skipped tests that say no reason are counted as such: a skip
 * should always say why.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export const UNSTATED_REASON = 'skipped without a stated reason';

/** The reason a skipped test gives: its own note, else the nearest suite's `needs`. */
export function skipReason(test: TestCase): string {
  const result = test.result();
  if (result.state === 'skipped' && result.note) return result.note;
  for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) {
    const needs = parent.meta().needs;
    if (needs) return needs;
  }
  return UNSTATED_REASON;
}

export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts: Record<string, number> = {};
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        const reason = skipReason(test);
        counts[reason] = (counts[reason] ?? 0) + 1;
      }
    }
    const file = process.env.PALIMPSESTE_SKIPS_FILE;
    if (file) writeFileSync(file, JSON.stringify(counts, null, 2) + '\n');
  }
}

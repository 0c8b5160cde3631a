/**
 * Where the tests read the real sources — the one place that knows the path `../shared`.
 *
 * - `../shared/` beside the project (as on CI): the whole histories (`corpus/*.bundle`) and the
 *   seed documents (`seeds/`).
 * - Without it (a fresh clone): the committed sample `corpus/sample/`, the histories of a few dozen
 *   articles cut from the same bundles by `npm run corpus:sample`, and the seeds, copied. The
 *   bundles have the same names, so a test asks for one by name and reads whichever is here.
 *
 * A test of one article's history reads `historyBundle(name)` and runs everywhere. A test that
 * needs a whole history (counts over a code, every version of 2006-01-28, 95 % of the references)
 * goes in `describeWholeCorpus` (`whole-corpus.ts`), which skips it without `../shared/corpus` and marks it so that
 * `npm test` counts it in its summary (« N tests need ../shared/corpus: skipped »).
 *
 * `PALIMPSESTE_SHARED_DIR` points elsewhere (another copy of the sources; a folder that does not
 * exist runs the tests as on a fresh clone).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED_DIR = path.resolve(process.env.PALIMPSESTE_SHARED_DIR ?? path.join(PROJECT_ROOT, '..', 'shared'));
export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'corpus', 'sample');

/** The four histories of the default corpus (`../shared/corpus/<name>.bundle`). */
export type HistoryName =
  | 'lexlib-code-de-la-securite-sociale'
  | 'lexlib-code-de-la-mutualite'
  | 'lexhub-code-de-la-securite-sociale'
  | 'lexhub-code-de-la-mutualite';

const HISTORIES: readonly HistoryName[] = [
  'lexlib-code-de-la-securite-sociale',
  'lexlib-code-de-la-mutualite',
  'lexhub-code-de-la-securite-sociale',
  'lexhub-code-de-la-mutualite',
];

/** The whole histories that are not here (all four on a fresh clone). */
export const missingHistories: readonly string[] = HISTORIES.map((name) => path.join(SHARED_DIR, 'corpus', `${name}.bundle`)).filter(
  (file) => !existsSync(file),
);

/** All four whole histories are here. */
export const hasSharedCorpus = missingHistories.length === 0;

/** What is missing, in one line: the folder when it is absent, else the bundles absent from it. */
export function missingSharedSources(): string {
  const folder = path.join(SHARED_DIR, 'corpus');
  if (!existsSync(folder)) return `${folder} is absent`;
  return `${missingHistories.map((file) => path.basename(file)).join(', ')} absent from ${folder}`;
}

/** Why a test of `describeWholeCorpus` did not run; `npm test` groups its skipped tests by this. */
export const WHOLE_CORPUS_REASON = 'need ../shared/corpus (whole histories; corpus/sample holds a few dozen articles)';

/** The bundle a test reads: the whole history when `../shared/corpus` is here, else the sample's. */
export function historyBundle(name: HistoryName): string {
  return hasSharedCorpus ? path.join(SHARED_DIR, 'corpus', `${name}.bundle`) : path.join(SAMPLE_DIR, `${name}.bundle`);
}

/** The seed documents: `../shared/seeds/`, or their copy in the sample. */
export function seedsDir(): string {
  const shared = path.join(SHARED_DIR, 'seeds');
  return existsSync(shared) ? shared : path.join(SAMPLE_DIR, 'seeds');
}

/** A seed by its number: `seedFile('000')` is `…/000_957ebed65d058a0e.txt` (L611-3 as of 1995). */
export function seedFile(number: '000' | '001' | '002' | '003' | '004'): string {
  const dir = seedsDir();
  const name = readdirSync(dir).find((f) => f.startsWith(`${number}_`));
  if (!name) throw new Error(`seed ${number} absent from ${dir} (npm run corpus:sample copies the seeds there)`);
  return path.join(dir, name);
}

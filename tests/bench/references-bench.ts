/**
 * References in the texts (issue 2 §3): finding and resolving every reference of the whole default
 * corpus, « Cité par » included, on the merged articles (the sources imported as the compiler does).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../corpus/model/model.ts';
import { mergeSources } from '../../corpus/compiler/merge/merge.ts';
import { resolveReferences } from '../../corpus/compiler/references/resolve-references.ts';
import type { SourceImport } from '../../corpus/compiler/sources/source-import.ts';
import { importSource, SOURCE_PRIORITY } from '../../corpus/compiler/sources/source-registry.ts';
import { readSourcesFile } from '../../corpus/compiler/sources/source-spec.ts';
import { listKnownCodes } from '../../corpus/compiler/sources/common/known-codes.ts';
import { createCodeNameMatcher } from '../../corpus/text/code-names.ts';
import { median, ms, printTable, time } from './table.ts';

const root = path.resolve(import.meta.dirname, '../..');
const specs = readSourcesFile(path.join(root, 'corpus/sources.json'), root)
  .filter((spec) => spec.kind === 'legi-data' || existsSync(spec.path))
  .sort((a, b) => SOURCE_PRIORITY[a.kind] - SOURCE_PRIORITY[b.kind]);

const imports: SourceImport[] = [];
for (const spec of specs) {
  try {
    imports.push(...(await importSource(spec, { cacheDir: path.join(root, 'corpus/cache'), onProgress: () => {} })));
  } catch (error) {
    console.warn(`${spec.id}: ignoré (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}
const dataDate = new Date().toISOString().slice(0, 10);
const articles: Article[] = [...mergeSources(imports, { dataDate }).articles.values()].flat();
const versions = articles.reduce((n, a) => n + a.versions.length, 0);
const codeNames = createCodeNameMatcher(listKnownCodes());

const full: number[] = [];
const resolveOnly: number[] = [];
let last = resolveReferences(articles, { codeNames, dataDate }); // warm-up
for (let i = 0; i < 3; i++) {
  const [result, elapsed] = time(() => resolveReferences(articles, { codeNames, dataDate }));
  full.push(elapsed);
  last = result;
  resolveOnly.push(time(() => resolveReferences(articles, { codeNames, extract: false, dataDate }))[1]);
}
const { counts } = last;
printTable([
  ['mesure', 'valeur', 'objectif'],
  ['articles / versions', `${articles.length} / ${versions}`, ''],
  ['renvois trouvés', String(counts.total), ''],
  [
    'renvois résolus (code dans le corpus)',
    `${counts.resolvedInCorpus}/${counts.inCorpus} (${((100 * counts.resolvedInCorpus) / counts.inCorpus).toFixed(1)} %)`,
    '≥ 95 %',
  ],
  ['liens « Cité par » calculés', String(last.citedByLinks), ''],
  ['lecture + résolution + Cité par (médiane de 3)', ms(median(full)), '< 5 s'],
  ['résolution + Cité par seules (médiane de 3)', ms(median(resolveOnly)), ''],
]);

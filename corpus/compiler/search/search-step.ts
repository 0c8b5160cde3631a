/** The compile step that builds the search indexes of the merged corpus. */
import type { IsoDate } from '../../model/model.ts';
import { buildSearchIndexes, type SearchBuild } from '../../search/build.ts';
import type { MergedCorpus } from '../merge/merge.ts';

export function buildSearchStep(corpus: MergedCorpus, asOf: IsoDate, onProgress: (done: number, total: number) => void): SearchBuild {
  const articles = corpus.codes.flatMap((code) => corpus.articles.get(code.id) ?? []);
  return buildSearchIndexes(articles, corpus.codes, { asOf, onProgress });
}

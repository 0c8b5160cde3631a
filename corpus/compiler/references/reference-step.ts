/**
 * The compile step that finds and resolves the references of every version, computes « Cité par »
 * from the texts, and produces the unresolved-references report.
 */
import type { ReferenceCounts } from '../../model/bundle.ts';
import type { IsoDate } from '../../model/model.ts';
import { createCodeNameMatcher } from '../../text/code-names.ts';
import type { MergedCorpus } from '../merge/merge.ts';
import { resolveListLinks, resolveReferences } from './resolve-references.ts';
import { listKnownCodes } from '../sources/common/known-codes.ts';
import { formatUnresolvedReport } from './unresolved-report.ts';

export interface ReferenceStepResult {
  counts: ReferenceCounts;
  /** TSV text of the unresolved references. */
  report: string;
  citedByLinks: number;
  /** Entries of the links lists given a target in the corpus. */
  listLinks: number;
}

export function resolveCorpusReferences(corpus: MergedCorpus, dataDate: IsoDate): ReferenceStepResult {
  // Every French code is recognised by name (legi-data's index), so a reference to a code outside
  // the corpus is reported as such, not mistaken for one of the citing article's own code.
  const known = new Map<string, string>();
  for (const code of listKnownCodes()) known.set(code.id, code.title);
  for (const code of corpus.codes) known.set(code.id, code.title);
  const codeNames = createCodeNameMatcher([...known].map(([id, title]) => ({ id, title })));
  const articles = [...corpus.articles.values()].flat();
  const result = resolveReferences(articles, {
    codeNames,
    codeTitles: new Map(corpus.codes.map((c) => [c.id, c.title])),
    dataDate,
  });
  const listLinks = resolveListLinks(articles, codeNames, dataDate);
  return { counts: result.counts, report: formatUnresolvedReport(result.unresolved), citedByLinks: result.citedByLinks, listLinks };
}

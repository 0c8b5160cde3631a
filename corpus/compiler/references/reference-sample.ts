/**
 * The labelled sample of real references (`fixtures/reference-sample.json`), and how a compiled
 * corpus is scored against it: a reference resolved to the wrong article is worse than one left
 * unresolved, so both are counted — precision (of the references the corpus resolves, how many go
 * to the right article) and recall (of the references that should resolve, how many do).
 *
 * The labels were written by reading each sentence, not from any resolver's output; the rule is in
 * the fixture's `rule`. A reference is found in the compiled corpus by its citing article, the text
 * of its paragraph (a hash: versions may be re-dated, texts are the sources') and its span.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, ArticleId, CodeId, IsoDate } from '../../model/model.ts';
import { looseNumberKey } from './resolve-references.ts';

export const SAMPLE_FILE = path.join(import.meta.dirname, 'fixtures/reference-sample.json');

/** What the sentence names: an article of a code of the corpus, or nothing the corpus holds. */
export interface Expected {
  code: CodeId;
  /** LEGI number of the article (`R*7123-9` for « R. * 7123-9 »). */
  num: string;
}

export interface SampleItem {
  n: number;
  /** `uniform`: drawn among every reference of the corpus; `changed`: among those this branch reads differently. */
  stratum: 'uniform' | 'changed';
  article: ArticleId;
  /** Number of the citing article, to find it again if its id changed. */
  citing: string;
  validFrom: IsoDate;
  paragraph: number;
  textSha1: string;
  start: number;
  end: number;
  written: string;
  context: string;
  /** null: the reference should stay unresolved (`why` says why). */
  expect: Expected | null;
  why?: string;
  note?: string;
}

export interface SampleFile {
  $comment: string;
  rule: string[];
  items: SampleItem[];
}

export function readSample(file = SAMPLE_FILE): SampleFile {
  return JSON.parse(readFileSync(file, 'utf8')) as SampleFile;
}

/** What the compiled corpus made of one sampled reference. */
export interface Outcome {
  /** The citing paragraph was found (its article and text). */
  located: boolean;
  /** The reference read there, if the corpus found one at that span. */
  found: boolean;
  /** Its target, when it is a link (an ambiguous reference is not). */
  target?: { id: ArticleId; code: CodeId; num: string };
}

export type Verdict = 'right' | 'wrong' | 'missed' | 'left-unresolved' | 'not-located';

export function judge(item: SampleItem, outcome: Outcome): Verdict {
  if (!outcome.located) return 'not-located';
  const target = outcome.target;
  if (!item.expect) return target ? 'wrong' : 'left-unresolved';
  if (!target) return 'missed';
  const same = target.code === item.expect.code && looseNumberKey(target.num) === looseNumberKey(item.expect.num);
  return same ? 'right' : 'wrong';
}

/** Reads a compiled corpus (the host's `CorpusStore` has this shape). */
export interface CorpusReader {
  article(id: ArticleId): Promise<Article>;
  findArticles(num: string, code?: CodeId): Promise<{ id: ArticleId; num: string }[]>;
  catalog(code: CodeId): Promise<{ id: ArticleId; num: string }[]>;
}

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Finds the sampled reference in a compiled corpus. */
export async function locate(
  reader: CorpusReader,
  item: SampleItem,
  numbers: (code: CodeId) => Promise<Map<ArticleId, string>>,
): Promise<Outcome> {
  const code = item.article.slice(0, item.article.indexOf('/'));
  const articles: Article[] = [];
  try {
    articles.push(await reader.article(item.article));
  } catch {
    for (const entry of await reader.findArticles(item.citing, code).catch(() => [])) articles.push(await reader.article(entry.id));
  }
  const day = (d: IsoDate): number => Date.parse(d) / 86_400_000;
  let best: { version: Article['versions'][number]; paragraph: number; distance: number } | undefined;
  for (const article of articles) {
    for (const version of article.versions) {
      const paragraph = version.paragraphs.findIndex((p) => sha1(p) === item.textSha1);
      if (paragraph < 0) continue;
      const distance = Math.abs(day(version.validFrom) - day(item.validFrom)) + (paragraph === item.paragraph ? 0 : 0.5);
      if (!best || distance < best.distance) best = { version, paragraph, distance };
    }
  }
  if (!best) return { located: false, found: false };
  const { version, paragraph } = best;
  const reference = version.references.find((r) => r.paragraph === paragraph && r.start < item.end && item.start < r.end);
  if (!reference) return { located: true, found: false };
  if (reference.target === undefined || reference.unresolved === 'ambiguous') return { located: true, found: true };
  const targetCode = reference.target.slice(0, reference.target.indexOf('/'));
  const num = (await numbers(targetCode)).get(reference.target) ?? '';
  return { located: true, found: true, target: { id: reference.target, code: targetCode, num } };
}

export interface Score {
  items: number;
  notLocated: number;
  /** Items that should resolve. */
  shouldResolve: number;
  /** Items the corpus resolved (right or wrong). */
  resolved: number;
  right: number;
  wrong: number;
  missed: number;
  leftUnresolved: number;
  /** right / resolved. */
  precision: number;
  /** right / shouldResolve. */
  recall: number;
}

export function score(verdicts: readonly { item: SampleItem; verdict: Verdict }[]): Score {
  const count = (v: Verdict) => verdicts.filter((x) => x.verdict === v).length;
  const right = count('right');
  const wrong = count('wrong');
  const shouldResolve = verdicts.filter((x) => x.item.expect && x.verdict !== 'not-located').length;
  return {
    items: verdicts.length,
    notLocated: count('not-located'),
    shouldResolve,
    resolved: right + wrong,
    right,
    wrong,
    missed: count('missed'),
    leftUnresolved: count('left-unresolved'),
    precision: right + wrong === 0 ? 1 : right / (right + wrong),
    recall: shouldResolve === 0 ? 1 : right / shouldResolve,
  };
}

/** Scores every item of the sample against a compiled corpus: the verdicts, and a score per stratum. */
export async function scoreCorpus(reader: CorpusReader, items: readonly SampleItem[]) {
  const catalogs = new Map<CodeId, Promise<Map<ArticleId, string>>>();
  const numbers = (code: CodeId) => {
    let map = catalogs.get(code);
    if (!map) {
      map = reader
        .catalog(code)
        .then((entries) => new Map(entries.map((e) => [e.id, e.num] as const)))
        .catch(() => new Map<ArticleId, string>());
      catalogs.set(code, map);
    }
    return map;
  };
  const verdicts: { item: SampleItem; verdict: Verdict; outcome: Outcome }[] = [];
  for (const item of items) {
    const outcome = await locate(reader, item, numbers);
    verdicts.push({ item, verdict: judge(item, outcome), outcome });
  }
  const strata = new Map<string, Score>();
  for (const stratum of ['uniform', 'changed'] as const) strata.set(stratum, score(verdicts.filter((v) => v.item.stratum === stratum)));
  strata.set('all', score(verdicts));
  return { verdicts, strata };
}

/** The table printed by the test and the CLI. */
export function formatScores(strata: ReadonlyMap<string, Score>): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = ['échantillon  renvois  à résoudre  résolus  justes  faux  manqués  précision  rappel'];
  for (const [name, s] of strata) {
    lines.push(
      `${name.padEnd(11)}  ${String(s.items).padStart(7)}  ${String(s.shouldResolve).padStart(10)}  ${String(s.resolved).padStart(7)}  ${String(s.right).padStart(6)}  ${String(s.wrong).padStart(4)}  ${String(s.missed).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}` +
        (s.notLocated ? `  (${s.notLocated} introuvables)` : ''),
    );
  }
  return lines.join('\n');
}

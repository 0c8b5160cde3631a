/**
 * The search engine on real data: the Code de la sécurité sociale in force (legi-data, through the
 * test input builder) plus the whole lexlib history of article L611-3 (four texts, 1985 → 2005),
 * built, written as the bundle writer writes it, loaded back and searched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GitRepository } from '../compiler/sources/common/git-repository.ts';
import type { Article, Version } from '../model/model.ts';
import { articleId, legiArticleId } from '../model/ids.ts';
import { rebuildParagraphs } from '../text/paragraphs.ts';
import type { SearchBuild } from './build.ts';
import { articleDocuments, articlePart } from './documents.ts';
import { SearchEngine, SearchIndexFileError, SearchIndexVersionError } from './engine.ts';
import { articlesFromLegiData, type LegiDataNode } from './fixtures/legi-data-fixture.ts';
import { foldForSearch } from './fold.ts';
import { SEARCH_SCHEMA_VERSION } from './shard-format.ts';
import { inWorkerThread } from '../../tests/support/in-worker-thread.ts';
import { historyBundle } from '../../tests/support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CSS_JSON = path.join(root, 'node_modules/@socialgouv/legi-data/data/LEGITEXT000006073189.json');
// The whole lexlib history with ../shared, else the sample's: every commit of L611-3 either way.
const LEXLIB_CSS = historyBundle('lexlib-code-de-la-securite-sociale');
const L611_3_FILE = '01. Partie législative/Article L611-3 - 6743538.md';
const CODE = 'code-de-la-securite-sociale';
/** legi-data's date for this code. */
const AS_OF = '2026-03-14';
const missing = [CSS_JSON, LEXLIB_CSS].filter((file) => !existsSync(file));
if (missing.length) console.log(`search engine tests skipped: missing ${missing.join(', ')}`);

/**
 * TEST INPUT BUILDER: every version of one lexlib article file (L611-3), dated by the commit
 * messages (`Version consolidée du 1985-12-21`), text up to the links section.
 */
async function lexlibHistory(bundle: string, file: string): Promise<Article> {
  const repo = await GitRepository.open(bundle, path.join(root, 'corpus/cache'));
  const commits = (await repo.history()).filter((commit) => commit.changes.some((change) => change.path === file));
  const blobs = await repo.readBlobs(commits.map((commit) => `${commit.sha}:${file}`));
  const versions: Version[] = [];
  for (const commit of commits) {
    const date = /Version consolidée du (\d{4}-\d{2}-\d{2})/.exec(commit.message)?.[1];
    const body = blobs.get(`${commit.sha}:${file}`);
    if (!date || body === undefined) continue;
    const lines = body.split('\n');
    const end = lines.findIndex((line) => line.startsWith('**Liens relatifs'));
    const paragraphs = rebuildParagraphs(lines.slice(1, end < 0 ? undefined : end));
    const previous = versions[versions.length - 1];
    if (previous && previous.paragraphs.join('\n') === paragraphs.join('\n')) continue;
    if (previous) {
      previous.validTo = date;
      previous.status = 'MODIFIE';
    }
    versions.push({ validFrom: date, status: 'VIGUEUR', paragraphs, links: [], references: [], sources: ['lexlib'] });
  }
  const legiId = legiArticleId('6743538');
  return { id: articleId(CODE, legiId, 'L611-3'), code: CODE, num: 'L611-3', legiId, versions };
}

let build: SearchBuild;
let engine: SearchEngine;
let corpus: Article[];
const readBuilt = async (file: string) => {
  const content = build.files.get(file);
  if (content === undefined) throw new Error(`no such file ${file}`);
  return content;
};

beforeAll(async () => {
  if (missing.length) return;
  const { code, articles } = articlesFromLegiData(JSON.parse(readFileSync(CSS_JSON, 'utf8')) as LegiDataNode, AS_OF);
  // legi-data has no L611-3 any more (repealed since): its history comes from lexlib.
  corpus = [...articles.filter((article) => article.num !== 'L611-3'), await lexlibHistory(LEXLIB_CSS, L611_3_FILE)];
  // Building the index is 5 s of CPU in one synchronous call: in a worker thread, so that this
  // worker answers Vitest meanwhile (tests/support/stretch-watch.ts). The same function either way.
  await breath();
  build = await inWorkerThread<SearchBuild>(new URL('./build.ts', import.meta.url), 'buildSearchIndexes', [
    corpus,
    [code],
    { asOf: AS_OF },
  ]);
  await breath();
  engine = await SearchEngine.load(build.manifest, readBuilt);
  await breath();
  await engine.loadPast();
});

const breath = () => new Promise((resolve) => setImmediate(resolve));

const textOf = (id: string) => {
  const article = corpus.find((a) => a.id === id);
  return article ? article.versions.map((v) => [...v.paragraphs, ...(v.nota ?? [])].join('\n')).join('\n') : '';
};

describe.skipIf(missing.length > 0)('search on the Code de la sécurité sociale', () => {
  it('builds one index of the law in force and one of the past texts of L611-3', () => {
    expect(build.manifest.current).toBe('search/current.json');
    expect(build.manifest.past).toEqual(['search/past-1.json']);
    // L611-3 has 4 distinct texts in lexlib (1985, 1994, 1995, 2005); the last is in force.
    expect(build.manifest.documents['search/past-1.json']).toBe(3);
    expect(build.manifest.documents['search/current.json']).toBeGreaterThan(7000);
  });

  it('makes one document per distinct text, the one in force on the build date current', () => {
    const l611 = corpus.find((article) => article.num === 'L611-3')!;
    const docs = articleDocuments(l611, AS_OF);
    expect(docs.map((doc) => [doc.current, doc.ranges])).toEqual([
      [false, [{ from: '1985-12-21', to: '1994-01-19' }]],
      [false, [{ from: '1994-01-19', to: '1995-02-05' }]],
      [false, [{ from: '1995-02-05', to: '2005-12-09' }]],
      [true, [{ from: '2005-12-09' }]],
    ]);
    expect(docs[0]!.text.split('\n')[0]).toMatch(/^Les caisses mutuelles régionales sont responsables , dans leur circonscription/);
  });

  it('knows the part of every article from its number', () => {
    const parts = new Map<string, number>();
    for (const article of corpus) parts.set(articlePart(article.num), (parts.get(articlePart(article.num)) ?? 0) + 1);
    for (const part of ['L', 'R', 'D', 'other'] as const) expect(parts.get(part), part).toBeGreaterThan(100);
    expect(articlePart('LO111-3')).toBe('L');
    expect(articlePart('R*611-3')).toBe('R');
    expect(articlePart("Annexe 1 à l'art. R611-9")).toBe('other');
  });

  it('stems: « cotisations » finds articles that only say « cotisation »', async () => {
    const response = await engine.search('cotisations', { limit: 5000 });
    const singularOnly = response.results.filter((r) => {
      const text = foldForSearch(textOf(r.article));
      return /\bcotisation\b/.test(text) && !/\bcotisations\b/.test(text);
    });
    expect(singularOnly.length).toBeGreaterThan(50);
    expect(response.total).toBe(response.results.length);
  });

  it('folds accents: « securite sociale » finds what « sécurité sociale » finds', async () => {
    const accented = await engine.search('sécurité sociale', { limit: 20 });
    const plain = await engine.search('SECURITE sociale', { limit: 20 });
    expect(accented.total).toBeGreaterThan(1000);
    expect(plain.total).toBe(accented.total);
    expect(plain.results.map((r) => r.article)).toEqual(accented.results.map((r) => r.article));
    // The highlight is on the accented word of the text.
    const first = plain.results[0]!;
    const highlighted = first.snippet.highlights.map(([start, end]) => first.snippet.text.slice(start, end).toLowerCase());
    expect(highlighted).toContain('sécurité');
  });

  it('splits elisions: « employeur » finds « l’employeur », « assurance » finds « d’assurance »', async () => {
    for (const [query, elided] of [
      ['employeur', /\bl['’]employeur/i],
      ['assurance', /\bd['’]assurance/i],
    ] as const) {
      const response = await engine.search(query, { limit: 5000 });
      const onlyElided = response.results.filter((r) => {
        const text = textOf(r.article);
        return elided.test(text) && !new RegExp(`(^|[\\s(«])${query}`, 'i').test(text);
      });
      expect(onlyElided.length, query).toBeGreaterThan(10);
    }
  });

  it('finds L611-3 first from every written form of its number', async () => {
    for (const query of ['L611-3', 'L. 611-3', 'l 611-3', 'art. L611-3', 'article L.611-3', 'L 611-3']) {
      const response = await engine.search(query);
      expect(response.results[0]?.num, query).toBe('L611-3');
      expect(response.results[0]?.match, query).toBe('number');
    }
  });

  it('jumps to a number over the law in force with the past texts of that article', async () => {
    const response = await engine.search('L611-3');
    const l611 = response.results[0]!;
    expect(l611.inForce).toBe(true);
    expect(l611.matchedVersions).toBe(4);
    expect(l611.matchedRanges[0]).toEqual({ from: '1985-12-21', to: '1994-01-19' });
    expect(response.results.filter((r) => r.num === 'L611-3')).toHaveLength(1);
  });

  it('finds the family of a number after it, then the articles that cite it', async () => {
    const response = await engine.search('l. 242-1', { limit: 200 });
    expect(response.results[0]?.num).toBe('L242-1');
    const family = response.results.filter((r) => r.match === 'number-family').map((r) => r.num);
    expect(family.slice(0, 4)).toEqual(['L242-1-1', 'L242-1-2', 'L242-1-3', 'L242-1-4']);
    for (const num of family) expect(num).toMatch(/^L242-1[- ]/);
    // Every other article whose text cites « L. 242-1 » comes next, the reference highlighted.
    const citing = response.results.filter((r) => r.match === 'text');
    const inFamily = (num: string) => num === 'L242-1' || num.startsWith('L242-1-') || num.startsWith('L242-1 ');
    const expected = corpus.filter((a) => !inFamily(a.num) && /L\.\s?242-1(?![\d-]|\s?-\s?\d)/.test(textOf(a.id)));
    expect(expected.length).toBeGreaterThan(50);
    expect(citing.map((r) => r.article).sort()).toEqual(expected.map((a) => a.id).sort());
    for (const r of citing) {
      const highlighted = r.snippet.highlights.map(([s, e]) => r.snippet.text.slice(s, e).replace(/\s/g, ''));
      expect(highlighted, r.num).toContain('L.242-1');
    }
  });

  it('checks quoted phrases on the text', async () => {
    const words = await engine.search('caisse nationale', { limit: 10000 });
    const phrase = await engine.search('"caisse nationale"', { limit: 10000 });
    expect(phrase.total).toBeGreaterThan(100);
    expect(phrase.total).toBeLessThan(words.total);
    for (const r of phrase.results) expect(foldForSearch(textOf(r.article))).toMatch(/caisses? nationales?|caisse nationale/);
    for (const r of phrase.results.slice(0, 50)) {
      const highlighted = r.snippet.highlights.map(([s, e]) => foldForSearch(r.snippet.text.slice(s, e)));
      expect(highlighted).toContain('caisse nationale');
    }
  });

  it('reads the last word of a phrase still being typed as the start of a word', async () => {
    const whole = await engine.search('"caisse nationale"', { limit: 10000 });
    // « "caisse nation »: the phrase being typed finds what the whole one does, and more
    // (« caisse nationaliste » would do); read as a whole word, « nation » found none of them.
    const typing = await engine.search('"caisse nation', { limit: 10000 });
    expect(typing.total).toBeGreaterThanOrEqual(whole.total);
    expect(new Set(typing.results.map((r) => r.article))).toEqual(expect.objectContaining({ size: typing.total }));
    for (const r of whole.results) expect(typing.results.map((t) => t.article)).toContain(r.article);
    for (const r of typing.results.slice(0, 30)) {
      const highlighted = r.snippet.highlights.map(([s, e]) => foldForSearch(r.snippet.text.slice(s, e)));
      expect(
        highlighted.some((h) => h.startsWith('caisse nation')),
        r.num,
      ).toBe(true);
    }
    // Closed, the same words are a whole phrase: « nation » is not « nationale ».
    expect((await engine.search('"caisse nation"', { limit: 10000 })).total).toBeLessThan(typing.total);
  });

  it('finds a phrase that only existed from 1985 to 1995, labelled with its dates', async () => {
    // « groupements régionaux de sociétés d'assurance »: L611-3's texts of 1985 and 1994 only (the
    // 1995 text says « groupements de sociétés d'assurance »).
    const query = '"groupements régionaux de sociétés d\'assurance"';
    const inForce = await engine.search(query);
    expect(inForce.results.map((r) => r.num)).not.toContain('L611-3');
    const all = await engine.search(query, { scope: 'all' });
    const l611 = all.results.find((r) => r.num === 'L611-3');
    expect(l611).toBeDefined();
    expect(l611!.inForce).toBe(false);
    expect(l611!.matchedVersions).toBe(2);
    expect(l611!.matchedRanges).toEqual([
      { from: '1985-12-21', to: '1994-01-19' },
      { from: '1994-01-19', to: '1995-02-05' },
    ]);
    expect(all.pastNeeded && all.pastLoaded).toBe(true);
  });

  it('reads the past texts only when a search shows or checks one of them', async () => {
    const reads: string[] = [];
    const lazy = await SearchEngine.load(build.manifest, async (file) => {
      reads.push(file);
      return readBuilt(file);
    });
    await lazy.textsLoaded();
    await lazy.loadPast();
    const pastTexts = () => reads.filter((file) => /^search\/past-\d+\.text-\d+\.json$/.test(file));
    expect(reads).toContain('search/past-1.json');
    expect(pastTexts()).toEqual([]);
    const query = '"groupements régionaux de sociétés d\'assurance"';
    await lazy.search(query);
    expect(pastTexts()).toEqual([]);
    const all = await lazy.search(query, { scope: 'all' });
    expect(pastTexts()).toEqual(['search/past-1.text-1.json']);
    const eager = await engine.search(query, { scope: 'all' });
    expect(all.results).toEqual(eager.results);
    expect(all.results.find((r) => r.num === 'L611-3')?.snippet.text).toMatch(/groupements régionaux de sociétés d'assurance/);
    await lazy.search(query, { scope: 'all', offset: 1 });
    expect(pastTexts()).toHaveLength(1);
  });

  it('restricts to what was in force on a date', async () => {
    const in1990 = await engine.search('L611-3', { inForceOn: '1990-01-01' });
    expect(in1990.results[0]?.num).toBe('L611-3');
    expect(in1990.results[0]?.ranges).toEqual([{ from: '1985-12-21', to: '1994-01-19' }]);
    expect(in1990.results[0]?.snippet.text).toMatch(/^Les caisses mutuelles régionales sont responsables/);
    // « caisses mutuelles régionales » in L611-3: 1985 → 2005 (three texts), not since.
    const phrase = await engine.search('"caisses mutuelles régionales"', { scope: 'all', codes: [CODE] });
    const l611 = phrase.results.find((r) => r.num === 'L611-3')!;
    expect(l611.matchedVersions).toBe(3);
    expect(l611.matchedRanges.map((range) => range.from)).toEqual(['1985-12-21', '1994-01-19', '1995-02-05']);
    const in2010 = await engine.search('"caisses mutuelles régionales"', { inForceOn: '2010-01-01' });
    expect(in2010.results.map((r) => r.num)).not.toContain('L611-3');
  });

  it('cuts the snippet around the match, in the paragraph or the NOTA where it is', async () => {
    // L111-2-1: the phrase is in its NOTA only.
    const response = await engine.search('"ces dispositions s\'appliquent aux pensions prenant effet"', { limit: 500 });
    const result = response.results.find((r) => r.num === 'L111-2-1')!;
    expect(result.snippet.nota).toBe(true);
    expect(result.snippet.paragraph).toBe(0);
    const [start, end] = result.snippet.highlights[0]!;
    expect(result.snippet.text.slice(start, end)).toBe("ces dispositions s'appliquent aux pensions prenant effet");
    // A long paragraph is cut on word boundaries and says so.
    const long = (await engine.search('attachement universel solidaire', { limit: 500 })).results.find((r) => r.num === 'L111-2-1')!;
    expect(long.snippet.nota).toBe(false);
    expect(long.snippet.text.length).toBeLessThanOrEqual(220);
    expect(long.snippet.highlights.map(([s, e]) => long.snippet.text.slice(s, e))).toEqual(['attachement', 'universel', 'solidaire']);
  });

  it('filters by part and by code', async () => {
    const regulatory = await engine.search('cotisations', { parts: ['R'], limit: 200 });
    expect(regulatory.results.length).toBeGreaterThan(50);
    for (const r of regulatory.results) expect(r.num).toMatch(/^R/);
    const other = await engine.search('cotisations', { codes: ['code-du-travail'] });
    expect(other.total).toBe(0);
  });

  it('expands a prefix to the stems it starts with and those it starts', async () => {
    const prefix = await engine.search('cotisat*', { limit: 10 });
    const word = await engine.search('cotisation');
    expect(prefix.total).toBeGreaterThanOrEqual(word.total);
    expect(prefix.results[0]!.snippet.highlights.length).toBeGreaterThan(0);
  });

  it('says when nothing is asked, and relaxes to any word when no article has them all', async () => {
    expect((await engine.search('de la')).empty).toBe(true);
    const relaxed = await engine.search('cotisations zzyzx');
    expect(relaxed.relaxed).toBe(true);
    expect(relaxed.total).toBeGreaterThan(100);
  });
});

describe.skipIf(missing.length > 0)('loading the index', () => {
  it('refuses an index built by another lunr version, in French', async () => {
    await expect(SearchEngine.load({ ...build.manifest, lunrVersion: '2.3.8' }, readBuilt)).rejects.toThrow(SearchIndexVersionError);
    await expect(SearchEngine.load({ ...build.manifest, lunrVersion: '2.3.8' }, readBuilt)).rejects.toThrow(
      'Index de recherche d’une autre version (manifeste : Lunr 2.3.8, attendu 2.3.9) : relancez `npm run corpus`.',
    );
  });

  it('refuses a shard of another schema, naming the file', async () => {
    const shard = JSON.parse(await readBuilt('search/current.json')) as { schema: number };
    shard.schema = 0;
    const read = async (file: string) => (file === 'search/current.json' ? JSON.stringify(shard) : readBuilt(file));
    await expect(SearchEngine.load(build.manifest, read)).rejects.toThrow(
      `search/current.json : schéma 0, attendu ${SEARCH_SCHEMA_VERSION}`,
    );
  });

  it('names a missing or broken file', async () => {
    await expect(SearchEngine.load(build.manifest, async () => '{"not":')).rejects.toThrow(SearchIndexFileError);
    await expect(SearchEngine.load(build.manifest, async () => '{"not":')).rejects.toThrow(/search\/current\.json \(JSON invalide/);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_VERSION } from '../../corpus/model/bundle.ts';
import { CorpusStore } from './corpus-store.ts';
import { CORPUS_DIR } from './paths.ts';
import { HostError } from './result.ts';
import { SEED_CODE, seedParagraphs, writeSeedBundle } from '../../tests/support/seed-bundle.ts';
import { describeWholeCorpus } from '../../tests/support/whole-corpus.ts';

let base: string;
let bundleDir: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-corpus-'));
  bundleDir = path.join(base, 'dist');
  writeSeedBundle(bundleDir);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function errorOf(promise: Promise<unknown>): Promise<HostError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HostError) return error;
    throw error;
  }
  throw new Error('expected a HostError');
}

describe('CorpusStore on the seed bundle', () => {
  it('reads the manifest, the table of contents and the catalog', async () => {
    const store = new CorpusStore(bundleDir);
    const manifest = await store.manifest();
    expect(manifest.schemaVersion).toBe(BUNDLE_SCHEMA_VERSION);
    expect(manifest.codes.map((c) => c.id)).toEqual([SEED_CODE]);
    expect((await store.toc(SEED_CODE)).toc[0]?.title).toBe('Chapitre 1er : Dispositions générales');
    expect((await store.catalog(SEED_CODE)).map((e) => e.num)).toEqual(['L611-3', 'L611-20']);
  });

  it('finds an article by its number in any written form, in one code or in all', async () => {
    const store = new CorpusStore(bundleDir);
    for (const form of ['L611-3', 'L. 611-3', 'l 611-3', 'art. L611-3', 'article L.611-3']) {
      expect(
        (await store.findArticles(form)).map((e) => e.id),
        form,
      ).toEqual([`${SEED_CODE}/num:L611-3`]);
    }
    expect((await store.findArticles('L. 611-20', SEED_CODE)).map((e) => e.num)).toEqual(['L611-20']);
    expect(await store.findArticles('L611-4')).toEqual([]);
    expect((await errorOf(store.findArticles('L611-3', 'code-civil'))).code).toBe('not-found');
  });

  it('reads an article with the text of its seed', async () => {
    const store = new CorpusStore(bundleDir);
    const article = await store.article(`${SEED_CODE}/num:L611-3`);
    const paragraphs = article.versions[0]?.paragraphs ?? [];
    expect(paragraphs[0]).toMatch(/^Les caisses mutuelles régionales sont responsables , dans leur circonscription/);
    expect(paragraphs).toEqual(seedParagraphs('000_957ebed65d058a0e.txt').paragraphs);
    expect(paragraphs).toHaveLength(5);
  });

  it('answers not-found for an unknown article or code, in French', async () => {
    const store = new CorpusStore(bundleDir);
    const unknown = await errorOf(store.article(`${SEED_CODE}/num:L999-9`));
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toBe(`L’article « ${SEED_CODE}/num:L999-9 » n’est pas dans le corpus.`);
    expect((await errorOf(store.article('code-civil/num:1'))).code).toBe('not-found');
    expect((await errorOf(store.toc('code-civil'))).message).toBe('Le code « code-civil » n’est pas dans le corpus.');
  });

  it('warms every catalog in the background: numbers are then found without reading them', async () => {
    const dir = path.join(base, 'warmed');
    writeSeedBundle(dir);
    const store = new CorpusStore(dir);
    expect(await store.warm()).toEqual([SEED_CODE]);
    // The catalog gone from the disk, the number index built by the warm-up still answers.
    const manifest = await store.manifest();
    rmSync(path.join(dir, manifest.codes[0]!.catalog));
    expect((await store.findArticles('L. 611-20')).map((e) => e.num)).toEqual(['L611-20']);
    expect((await errorOf(new CorpusStore(dir).findArticles('L. 611-20'))).code).toBe('io');
    expect(await new CorpusStore(path.join(base, 'absent')).warm()).toEqual([]);
  });

  it('reads the change sets', async () => {
    const changeSets = await new CorpusStore(bundleDir).changeSets(SEED_CODE);
    expect(changeSets.map((c) => [c.date, c.created.length])).toEqual([['1985-06-25', 2]]);
  });
});

describe('CorpusStore refusals', () => {
  it('says to run npm run corpus when there is no bundle, and recovers once it is built', async () => {
    const dir = path.join(base, 'later');
    const store = new CorpusStore(dir);
    const missing = await errorOf(store.manifest());
    expect(missing.code).toBe('corpus-missing');
    expect(missing.message).toBe(
      `Aucun corpus n’a été trouvé dans « ${dir} ». Compilez le corpus avec « npm run corpus », puis relancez Palimpseste.`,
    );
    writeSeedBundle(dir);
    expect((await store.manifest()).codes).toHaveLength(1);
  });

  it('refuses a bundle of another schema version', async () => {
    const dir = path.join(base, 'old-schema');
    writeSeedBundle(dir);
    const manifestFile = path.join(dir, 'manifest.json');
    writeFileSync(
      manifestFile,
      JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), schemaVersion: BUNDLE_SCHEMA_VERSION + 1 }),
    );
    const error = await errorOf(new CorpusStore(dir).manifest());
    expect(error.code).toBe('corpus-schema');
    expect(error.message).toContain(
      `est au format ${BUNDLE_SCHEMA_VERSION + 1}, cette version de Palimpseste lit le format ${BUNDLE_SCHEMA_VERSION}`,
    );
    expect(error.message).toContain('npm run corpus');
  });

  it('refuses a search index built with another Lunr version', async () => {
    const dir = path.join(base, 'old-lunr');
    writeSeedBundle(dir, '2.1.0');
    const error = await errorOf(new CorpusStore(dir).manifest());
    expect(error.code).toBe('corpus-schema');
    expect(error.message).toContain(`construit avec Lunr 2.1.0, Palimpseste utilise Lunr ${lunr.version}`);
  });

  it('refuses an unreadable manifest', async () => {
    const dir = path.join(base, 'broken');
    writeSeedBundle(dir);
    writeFileSync(path.join(dir, 'manifest.json'), '{"schemaVersion": 1,');
    expect((await errorOf(new CorpusStore(dir).manifest())).code).toBe('corpus-schema');
  });

  it('notices a rebuilt bundle and reads the new one', async () => {
    const dir = path.join(base, 'rebuilt');
    writeSeedBundle(dir);
    const store = new CorpusStore(dir);
    expect((await store.manifest()).inputHash).toBe('seed-bundle');
    const manifestFile = path.join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), inputHash: 'rebuilt-bundle' }));
    expect((await store.manifest()).inputHash).toBe('rebuilt-bundle');
  });
});

const realManifest = path.join(CORPUS_DIR, 'manifest.json');
const hasRealCorpus = existsSync(realManifest);
if (!hasRealCorpus) console.log(`[corpus-store.test] real-corpus checks skipped: ${realManifest} is absent (run « npm run corpus »).`);

describe('CorpusStore on the default corpus (corpus/dist)', () => {
  it.skipIf(!hasRealCorpus)('finds L611-3 of the sécurité sociale by « L. 611-3 » and reads its versions', async () => {
    const store = new CorpusStore(CORPUS_DIR);
    const [entry, ...others] = await store.findArticles('L. 611-3', 'code-de-la-securite-sociale');
    expect(others).toEqual([]);
    expect(entry?.num).toBe('L611-3');
    const article = await store.article(entry?.id ?? '');
    expect(article.versions.length).toBe(entry?.versionCount);
    expect(article.versions.some((v) => (v.paragraphs[0] ?? '').startsWith('Les caisses mutuelles régionales sont responsables'))).toBe(
      true,
    );
  });
});

// Without ../shared the default corpus holds the committed sample: legi-data's 7,400 current articles and a few dozen histories.
describeWholeCorpus('CorpusStore on the default corpus from the whole histories', () => {
  it.skipIf(!hasRealCorpus)('has over 10,000 articles in the sécurité sociale catalog', async () => {
    const catalog = await new CorpusStore(CORPUS_DIR).catalog('code-de-la-securite-sociale');
    expect(catalog.length).toBeGreaterThan(10_000);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeShard, memberOffsets, shardMembers, type ShardIndex } from '../../corpus/model/bundle-shard.ts';
import { BUNDLE_SCHEMA_VERSION, type Manifest } from '../../corpus/model/bundle.ts';
import type { Article } from '../../corpus/model/model.ts';
import { checkArticleBytes, CorpusStore } from './corpus-store.ts';
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

/** Where a descriptor of /proc/self/fd points ('' for one closed while listing). */
function readlinkSafe(link: string): string {
  try {
    return readlinkSync(link);
  } catch {
    return '';
  }
}

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

  it('checks the articles the compiler writes on their bytes, without parsing them (json-bytes-check.ts)', async () => {
    // Undefined would mean that the article schema uses something the bytes check does not read:
    // every read would then parse and run zod again (twice the CPU time of a read).
    expect(checkArticleBytes).toBeTypeOf('function');
    const store = new CorpusStore(bundleDir);
    for (const id of [`${SEED_CODE}/num:L611-3`, `${SEED_CODE}/num:L611-20`]) {
      const json = await store.articleJson(id);
      expect(checkArticleBytes!(json)).toBe(true);
      expect(json.toString('utf8').startsWith(`{"id":${JSON.stringify(id)},`)).toBe(true);
    }
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
    expect(await store.warm({ afterQuietMs: 0 })).toEqual([SEED_CODE]);
    // The catalog gone from the disk, the number index built by the warm-up still answers.
    const manifest = await store.manifest();
    rmSync(path.join(dir, manifest.codes[0]!.catalog));
    expect((await store.findArticles('L. 611-20')).map((e) => e.num)).toEqual(['L611-20']);
    const gone = await errorOf(new CorpusStore(dir).findArticles('L. 611-20'));
    expect([gone.code, gone.message]).toEqual([
      'corpus-damaged',
      `Le fichier « ${manifest.codes[0]!.catalog} » du corpus est introuvable. Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.`,
    ]);
    expect(await new CorpusStore(path.join(base, 'absent')).warm({ afterQuietMs: 0 })).toEqual([]);
  });

  it('indexes the code the reader opens on at once, the rest once the reader has left the store alone', async () => {
    const dir = path.join(base, 'warmed-later');
    writeSeedBundle(dir);
    const store = new CorpusStore(dir);
    let warmed = false;
    const warming = store.warm({ afterQuietMs: 1_000, firstCode: SEED_CODE }).then((codes) => ((warmed = true), codes));
    // A reader calling every 20 ms for 400 ms: the rest of the warm-up has not started (a stall of
    // a second between two calls would let it, legitimately)…
    for (let i = 0; i < 20; i++) {
      await store.manifest();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(warmed).toBe(false);
    // …but the first code's catalog is indexed: gone from the disk, its numbers are still found.
    rmSync(path.join(dir, (await store.manifest()).codes[0]!.catalog));
    expect((await store.findArticles('L. 611-20')).map((e) => e.num)).toEqual(['L611-20']);
    expect(await warming).toEqual([SEED_CODE]);
  });

  it('checks every shard file against the manifest while warming: reads then take only their member', async () => {
    const dir = path.join(base, 'warmed-shards');
    writeSeedBundle(dir);
    const shard = JSON.parse(gunzipSync(readFileSync(path.join(dir, `codes/${SEED_CODE}/catalog.json.gz`))).toString('utf8'))[0]
      .shard as string;
    const cut = () => writeFileSync(path.join(dir, shard), readFileSync(path.join(dir, shard)).subarray(0, 20));
    const warmed = new CorpusStore(dir);
    await warmed.warm({ afterQuietMs: 0 });
    const cold = new CorpusStore(dir);
    cut();
    // Checked whole before it was cut: only the member's range is read, and found short.
    expect((await errorOf(warmed.article(`${SEED_CODE}/num:L611-3`))).message).toMatch(/ a changé depuis son ouverture\. /);
    // Never checked: read whole, and found not to be the file the compiler wrote.
    expect((await errorOf(cold.article(`${SEED_CODE}/num:L611-3`))).message).toMatch(/ fait 20 octets au lieu des \d+ /);
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

  it('calls a truncated manifest damaged, not a corpus of another version', async () => {
    const dir = path.join(base, 'broken');
    writeSeedBundle(dir);
    const manifestFile = path.join(dir, 'manifest.json');
    const whole = readFileSync(manifestFile, 'utf8');
    writeFileSync(manifestFile, whole.slice(0, Math.floor(whole.length / 2)));
    const error = await errorOf(new CorpusStore(dir).manifest());
    expect(error.code).toBe('corpus-damaged');
    expect(error.message).toBe(
      `Le manifeste du corpus (« ${manifestFile} ») est endommagé : ce n’est pas du JSON complet (fichier tronqué ?). Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.`,
    );
    // Valid JSON of the right version but missing what the host needs: damaged too, naming the field.
    writeFileSync(manifestFile, JSON.stringify({ schemaVersion: BUNDLE_SCHEMA_VERSION, codes: [] }));
    const incomplete = await errorOf(new CorpusStore(dir).manifest());
    expect(incomplete.code).toBe('corpus-damaged');
    expect(incomplete.message).toMatch(/est endommagé \(builtAt : .+\)\. Corpus endommagé/);
    writeFileSync(manifestFile, '[]');
    expect((await errorOf(new CorpusStore(dir).manifest())).code).toBe('corpus-damaged');
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

/** Replaces a bundle file and, unless `keepChecksum`, records its new checksum (a consistent but wrong bundle). */
function replaceFile(dir: string, relative: string, bytes: Buffer, keepChecksum = false): void {
  writeFileSync(path.join(dir, relative), bytes);
  if (keepChecksum) return;
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  manifest.files[relative] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

/** Replaces a shard by one gzip member (or several), its offsets in `shards.json.gz` with it. */
function replaceShard(dir: string, relative: string, members: Buffer[], articlesPerMember = 16): void {
  const file = Buffer.concat(members);
  replaceFile(dir, relative, file);
  const indexFile = `codes/${SEED_CODE}/shards.json.gz`;
  const index = JSON.parse(gunzipSync(readFileSync(path.join(dir, indexFile))).toString('utf8')) as ShardIndex;
  index.articlesPerMember = articlesPerMember;
  index.shards[relative] = memberOffsets(members.map((m) => m.length));
  replaceFile(dir, indexFile, gzipSync(JSON.stringify(index)));
}

const ADVICE = 'Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.';

describe('CorpusStore on a damaged bundle', () => {
  const shardOf = (manifestDir: string) =>
    JSON.parse(gunzipSync(readFileSync(path.join(manifestDir, `codes/${SEED_CODE}/catalog.json.gz`))).toString('utf8'))[0].shard as string;

  it('names a shard edited since the compilation (valid gzip, other content), before reading it', async () => {
    const dir = path.join(base, 'edited-shard');
    writeSeedBundle(dir);
    const shard = shardOf(dir);
    replaceFile(dir, shard, gzipSync(JSON.stringify({ articles: 'aucun' })), true);
    const error = await errorOf(new CorpusStore(dir).article(`${SEED_CODE}/num:L611-3`));
    expect(error.code).toBe('corpus-damaged');
    expect(error.message).toMatch(
      new RegExp(`^Le fichier « ${shard} » du corpus fait \\d+ octets au lieu des \\d+ que le compilateur a écrits`),
    );
    expect(error.message.endsWith(ADVICE)).toBe(true);
  });

  it('checks the shape of a file whose checksum matches (a compiler of another shape): names the file and the field', async () => {
    const dir = path.join(base, 'wrong-shape');
    writeSeedBundle(dir);
    const shard = shardOf(dir);
    // Once « Erreur interne : articles.map is not a function ».
    replaceShard(dir, shard, [gzipSync(JSON.stringify({ articles: 'aucun' }))]);
    const error = await errorOf(new CorpusStore(dir).article(`${SEED_CODE}/num:L611-3`));
    expect([error.code, error.message]).toEqual([
      'corpus-damaged',
      `Le fichier « ${shard} » du corpus n’a pas la forme attendue (pas un article par ligne). ${ADVICE}`,
    ]);
    // One article missing from its shard: the count does not match the catalog.
    const whole = await new CorpusStore(path.join(base, 'dist')).article(`${SEED_CODE}/num:L611-3`);
    replaceShard(dir, shard, [gzipSync(encodeShard([whole]))]);
    expect((await errorOf(new CorpusStore(dir).article(`${SEED_CODE}/num:L611-3`))).message).toBe(
      `Le fichier « ${shard} » du corpus n’a pas la forme attendue (1 articles dans le morceau 0 au lieu de 2). ${ADVICE}`,
    );
  });

  it('checks each article in full when first served', async () => {
    const dir = path.join(base, 'bad-article');
    writeSeedBundle(dir);
    const shard = shardOf(dir);
    const store = new CorpusStore(dir);
    const good = await store.article(`${SEED_CODE}/num:L611-20`);
    const bad = { ...(await store.article(`${SEED_CODE}/num:L611-3`)), versions: [{ validFrom: '28/01/2006' }] };
    replaceShard(dir, shard, [gzipSync(encodeShard([bad as unknown as Article, good]))]);
    const error = await errorOf(new CorpusStore(dir).article(`${SEED_CODE}/num:L611-3`));
    expect(error.code).toBe('corpus-damaged');
    expect(error.message).toContain(
      `Le fichier « ${shard} » du corpus n’a pas la forme attendue (article « ${SEED_CODE}/num:L611-3 », versions.0.validFrom : `,
    );
    // The other article of the shard is still served.
    expect((await new CorpusStore(dir).article(`${SEED_CODE}/num:L611-20`)).num).toBe('L611-20');
  });

  it('inflates only the member of the article asked for: a damaged member hides no other', async () => {
    const dir = path.join(base, 'members');
    writeSeedBundle(dir);
    const shard = shardOf(dir);
    const whole = new CorpusStore(path.join(base, 'dist'));
    const articles = [await whole.article(`${SEED_CODE}/num:L611-3`), await whole.article(`${SEED_CODE}/num:L611-20`)];
    // One article a member; the second member's deflate data garbled (its checksum in the manifest).
    const members = shardMembers(articles, 1).map((text) => gzipSync(text));
    const second = Buffer.from(members[1]!);
    second.fill(0xff, 12, second.length - 8);
    replaceShard(dir, shard, [members[0]!, second], 1);
    const store = new CorpusStore(dir);
    expect((await store.article(`${SEED_CODE}/num:L611-3`)).num).toBe('L611-3');
    expect((await errorOf(store.article(`${SEED_CODE}/num:L611-20`))).message).toBe(
      `Le fichier « ${shard} » du corpus ne se décompresse pas. ${ADVICE}`,
    );
    // Both members whole: each article read from its own.
    replaceShard(dir, shard, members, 1);
    const again = new CorpusStore(dir);
    expect((await again.article(`${SEED_CODE}/num:L611-20`)).num).toBe('L611-20');
    expect((await again.article(`${SEED_CODE}/num:L611-3`)).num).toBe('L611-3');
  });

  it('reads only a member of a shard checked whole before: one garbled since on disk is refused, the other still read', async () => {
    const dir = path.join(base, 'garbled-later');
    writeSeedBundle(dir);
    const shard = shardOf(dir);
    const whole = new CorpusStore(path.join(base, 'dist'));
    const articles = [await whole.article(`${SEED_CODE}/num:L611-3`), await whole.article(`${SEED_CODE}/num:L611-20`)];
    const members = shardMembers(articles, 1).map((text) => gzipSync(text));
    replaceShard(dir, shard, members, 1);
    const store = new CorpusStore(dir);
    // The shard is read whole and checked against the manifest here, its first member served.
    expect((await store.article(`${SEED_CODE}/num:L611-3`)).num).toBe('L611-3');
    // Then, the host running, the second member garbled in place (same size, the manifest unchanged):
    // not read again whole, it is its gzip CRC-32 that refuses it.
    const file = readFileSync(path.join(dir, shard));
    file[members[0]!.length + 12] = file[members[0]!.length + 12]! ^ 0x01;
    replaceFile(dir, shard, file, true);
    expect((await errorOf(store.article(`${SEED_CODE}/num:L611-20`))).message).toBe(
      `Le fichier « ${shard} » du corpus ne se décompresse pas. ${ADVICE}`,
    );
    // Cut short: said so, not read past its end.
    replaceFile(dir, shard, file.subarray(0, members[0]!.length + 4), true);
    expect((await errorOf(store.article(`${SEED_CODE}/num:L611-20`))).message).toBe(
      `Le fichier « ${shard} » du corpus a changé depuis son ouverture. ${ADVICE}`,
    );
    expect((await store.article(`${SEED_CODE}/num:L611-3`)).num).toBe('L611-3');
  });

  const onLinux = process.platform === 'linux';
  if (!onLinux) console.log('[corpus-store.test] open shard files not counted: /proc/self/fd is Linux only.');
  it.skipIf(!onLinux)(
    'keeps a shard file open between member reads, and closes it soon after (a replaced corpus is not held)',
    async () => {
      const dir = path.join(base, 'open-shard');
      writeSeedBundle(dir);
      const shard = path.join(dir, shardOf(dir));
      const whole = new CorpusStore(path.join(base, 'dist'));
      const articles = [await whole.article(`${SEED_CODE}/num:L611-3`), await whole.article(`${SEED_CODE}/num:L611-20`)];
      replaceShard(
        dir,
        shardOf(dir),
        shardMembers(articles, 1).map((text) => gzipSync(text)),
        1,
      );
      const openOnShard = () => readdirSync('/proc/self/fd').filter((fd) => readlinkSafe(`/proc/self/fd/${fd}`) === shard).length;
      const store = new CorpusStore(dir);
      await store.warm({ afterQuietMs: 0 });
      expect(openOnShard()).toBe(0);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        // Both members read alone (the shard was checked whole while warming): one descriptor.
        expect((await store.article(`${SEED_CODE}/num:L611-20`)).num).toBe('L611-20');
        expect((await store.article(`${SEED_CODE}/num:L611-3`)).num).toBe('L611-3');
        expect(openOnShard()).toBe(1);
        vi.advanceTimersByTime(2_000);
        expect(openOnShard()).toBe(0);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it('names the shard index when its offsets do not fit the shard', async () => {
    const dir = path.join(base, 'bad-offsets');
    writeSeedBundle(dir);
    const shard = shardOf(dir);
    const indexFile = `codes/${SEED_CODE}/shards.json.gz`;
    const index = JSON.parse(gunzipSync(readFileSync(path.join(dir, indexFile))).toString('utf8')) as ShardIndex;
    const size = index.shards[shard]!.at(-1)!;
    index.shards[shard] = [0, size - 1];
    replaceFile(dir, indexFile, gzipSync(JSON.stringify(index)));
    expect((await errorOf(new CorpusStore(dir).article(`${SEED_CODE}/num:L611-3`))).message).toBe(
      `Le fichier « ${indexFile} » du corpus ne correspond pas à « ${shard} » (le fichier fait ${size} octets, l’index en annonce ${size - 1}). ${ADVICE}`,
    );
    replaceFile(dir, indexFile, gzipSync(JSON.stringify({ articlesPerMember: 0, shards: {} })));
    expect((await errorOf(new CorpusStore(dir).article(`${SEED_CODE}/num:L611-3`))).message).toMatch(
      new RegExp(`^Le fichier « ${indexFile.replaceAll('.', '\\.')} » du corpus n’a pas la forme attendue \\(articlesPerMember : `),
    );
  });

  it('still reads a bundle written before shard indexes (each shard inflated whole)', async () => {
    const dir = path.join(base, 'no-index');
    writeSeedBundle(dir);
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    for (const code of manifest.codes) delete code.shardIndex;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const store = new CorpusStore(dir);
    expect((await store.article(`${SEED_CODE}/num:L611-20`)).num).toBe('L611-20');
    expect((await store.article(`${SEED_CODE}/num:L611-3`)).num).toBe('L611-3');
  });

  it('names the catalog entry of the wrong shape that a lookup by number would send', async () => {
    const dir = path.join(base, 'bad-catalog-entry');
    writeSeedBundle(dir);
    const file = `codes/${SEED_CODE}/catalog.json.gz`;
    const entries = JSON.parse(gunzipSync(readFileSync(path.join(dir, file))).toString('utf8')) as Record<string, unknown>[];
    entries[1] = { ...entries[1], from: '1er mai 2008' };
    replaceFile(dir, file, gzipSync(JSON.stringify(entries)));
    const store = new CorpusStore(dir);
    expect((await errorOf(store.findArticles('L611-20', SEED_CODE))).message).toMatch(
      new RegExp(`^Le fichier « codes/${SEED_CODE}/catalog\\.json\\.gz » du corpus n’a pas la forme attendue \\(1\\.from : `),
    );
  });

  it('names a catalog and a table of contents of the wrong shape', async () => {
    const dir = path.join(base, 'bad-catalog');
    writeSeedBundle(dir);
    replaceFile(dir, `codes/${SEED_CODE}/catalog.json.gz`, gzipSync(JSON.stringify([{ id: 1 }])));
    replaceFile(dir, `codes/${SEED_CODE}/toc.json.gz`, gzipSync('{"id": "x"'));
    const store = new CorpusStore(dir);
    expect((await errorOf(store.catalog(SEED_CODE))).message).toMatch(
      new RegExp(`^Le fichier « codes/${SEED_CODE}/catalog\\.json\\.gz » du corpus n’a pas la forme attendue \\(0\\.id : `),
    );
    expect((await errorOf(store.toc(SEED_CODE))).message).toBe(
      `Le fichier « codes/${SEED_CODE}/toc.json.gz » du corpus n’est pas du JSON lisible. ${ADVICE}`,
    );
  });

  it('refuses to hand an edited search index to the renderer, even one that still parses', async () => {
    const dir = path.join(base, 'edited-index');
    writeSeedBundle(dir);
    const store = new CorpusStore(dir);
    const index = path.join(dir, 'search/current.json');
    expect(await store.verifyFile('search/current.json', statSync(index))).toBeUndefined();
    // The same length, other bytes: only the checksum can tell.
    writeFileSync(index, '[]');
    const refusal = await store.verifyFile('search/current.json', statSync(index));
    expect(refusal).toEqual({
      status: 500,
      message: `Le fichier « search/current.json » du corpus a été modifié depuis la compilation (sa somme de contrôle ne correspond plus). ${ADVICE}`,
    });
    expect(await store.verifyFile('manifest.json', statSync(path.join(dir, 'manifest.json')))).toBeUndefined();
    expect((await store.verifyFile('stray.json', statSync(index)))?.status).toBe(404);
    // A broken manifest refuses every file with its own message, at once.
    writeFileSync(path.join(dir, 'manifest.json'), '{"schemaVersion": 2, "co');
    const broken = await store.verifyFile('manifest.json', statSync(path.join(dir, 'manifest.json')));
    expect(broken?.status).toBe(500);
    expect(broken?.message).toContain('est endommagé : ce n’est pas du JSON complet');
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

  it.skipIf(!hasRealCorpus)('checks the articles of every code on their bytes (none left to zod)', async () => {
    const store = new CorpusStore(CORPUS_DIR);
    const manifest = await store.manifest();
    let read = 0;
    for (const { id: code } of manifest.codes) {
      const catalog = await store.catalog(code);
      // A spread of each code's articles, long ones included.
      for (let i = 0; i < catalog.length; i += Math.max(1, Math.floor(catalog.length / 60))) {
        const { id } = catalog[i]!;
        const json = await store.articleJson(id);
        const proven = checkArticleBytes!(json) && json.toString('utf8').startsWith(`{"id":${JSON.stringify(id)},`);
        expect([id, proven]).toEqual([id, true]);
        read++;
      }
    }
    expect(read).toBeGreaterThan(60);
  });
});

describe('CorpusStore looking up a number before its catalog is indexed', () => {
  it.skipIf(!hasRealCorpus)('finds what the index finds, in every code, in any written form', async () => {
    const indexed = new CorpusStore(CORPUS_DIR);
    for (const { id: code } of (await indexed.manifest()).codes) {
      const catalog = await indexed.catalog(code);
      const nums = [
        ...catalog.filter((_, i) => i % 211 === 0).map((e) => e.num),
        ...catalog.flatMap((e) => e.formerNums ?? []).slice(0, 30),
      ];
      const written = nums.flatMap((num) => [num, num.replace(/^([A-Z]+\*?)(\d)/, '$1. $2'), 'L0']);
      const expected = await Promise.all(written.map((num) => indexed.findArticles(num, code)));
      // All at once on a new store: each call finds the catalog not indexed yet, and goes through it.
      const fresh = new CorpusStore(CORPUS_DIR);
      expect(await Promise.all(written.map((num) => fresh.findArticles(num, code)))).toEqual(expected);
    }
  });
});

// Without ../shared the default corpus holds the committed sample: legi-data's 7,400 current articles and a few dozen histories.
describeWholeCorpus('CorpusStore on the default corpus from the whole histories', () => {
  it.skipIf(!hasRealCorpus)('has over 10,000 articles in the sécurité sociale catalog', async () => {
    const catalog = await new CorpusStore(CORPUS_DIR).catalog('code-de-la-securite-sociale');
    expect(catalog.length).toBeGreaterThan(10_000);
  });
});

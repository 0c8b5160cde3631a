/**
 * Corpus updates as one file, end to end in Node: real packs written by `npm run corpus -- --pack`
 * from the seeds (the Code de la mutualité of 1986; then the same with two articles of the sécurité
 * sociale added), imported by the host into a user-data folder, switched to, gone back from; and
 * damaged, truncated, foreign and other-format files refused with their reason while the corpus in
 * use stays as it was.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_VERSION, type Manifest } from '../../../corpus/model/bundle.ts';
import { PACK_LEAD_BYTES } from '../../../corpus/model/corpus-pack.ts';
import { buildSeedPacks, seedFile as seed } from '../../../tests/support/seed-packs.ts';
import { CorpusStore } from '../corpus-store.ts';
import { createHost } from '../host.ts';
import { HostError } from '../result.ts';
import { InstalledCorpora } from './installed-corpora.ts';

const expected = { bundleSchemaVersion: BUNDLE_SCHEMA_VERSION, lunrVersion: lunr.version };

let work: string;
/** The corpus « shipped with the app »: the mutualité of 1986 alone. */
let shipped: string;
let packA: string;
let packB: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-packs-'));
  ({ shipped, packA, packB } = await buildSeedPacks(work));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function setup() {
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  const corpora = new InstalledCorpora({ shippedDir: shipped, dataDir, expected });
  const store = new CorpusStore(corpora.activeDir());
  return { dataDir, corpora, store };
}

/** Everything under a folder, with content: to show nothing changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(folder)) return files;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(folder, full)] = readFileSync(full).toString('base64').slice(0, 200) + readFileSync(full).length;
    }
  };
  walk(folder);
  return files;
}

async function refusal(run: Promise<unknown>): Promise<HostError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('importing a corpus pack', () => {
  it('installs a newer corpus beside the one in use, switches at once and says what changed', async () => {
    const { dataDir, corpora, store } = setup();
    expect(store.root).toBe(shipped);
    await expect(store.article('code-de-la-securite-sociale/num:L611-3')).rejects.toThrow(/n’est pas dans le corpus/);

    const update = await corpora.importPack(packB, store);
    // Switched: the same store now reads the imported bundle, under the user-data folder.
    expect(store.root.startsWith(path.join(dataDir, 'corpora'))).toBe(true);
    const article = await store.article('code-de-la-securite-sociale/num:L611-3');
    expect(article.versions[0]!.paragraphs.join(' ')).toMatch(/caisse nationale/i);
    expect(update.change.codesAdded.map((c) => c.id)).toEqual(['code-de-la-securite-sociale']);
    expect(update.change.versionsAdded).toBe(2);
    expect(update.change.dataDateBefore).toBe('1986-12-31');
    expect(update.message).toMatch(
      /^Corpus mis à jour : données du .* ; 2 versions ajoutées ; codes ajoutés : Code de la sécurité sociale/,
    );
    expect(update.canRevert).toBe(true);
    // The shipped corpus was not touched: the pack went beside it.
    expect(readdirSync(shipped).sort()).toEqual(['codes', 'manifest.json', 'search', 'unresolved-references.tsv.gz']);

    // A restart reads the imported corpus.
    expect(new InstalledCorpora({ shippedDir: shipped, dataDir, expected }).activeDir()).toBe(store.root);
  });

  it('goes back to the previous corpus, and forward again', async () => {
    const { corpora, store } = setup();
    await corpora.importPack(packB, store);
    const imported = store.root;
    const back = await corpora.revert(store);
    expect(store.root).toBe(shipped);
    expect(back.message).toMatch(/^Corpus précédent rétabli : .*2 versions en moins ; codes retirés : Code de la sécurité sociale/);
    await expect(store.article('code-de-la-securite-sociale/num:L611-3')).rejects.toThrow(/n’est pas dans le corpus/);
    // The imported one was kept: returning again undoes the return.
    await corpora.revert(store);
    expect(store.root).toBe(imported);
    expect((await store.manifest()).codes.map((c) => c.id)).toContain('code-de-la-securite-sociale');
  });

  it('keeps two corpora at most: the one in use and the previous one', async () => {
    const { dataDir, corpora, store } = setup();
    await corpora.importPack(packA, store);
    await corpora.importPack(packB, store);
    await corpora.importPack(packA, store);
    const installed = readdirSync(path.join(dataDir, 'corpora')).filter((f) => f.startsWith('corpus-'));
    expect(installed).toHaveLength(2);
    // Importing the corpus already in use changes nothing and says so.
    const again = await corpora.importPack(packA, store);
    expect(again.change.identical).toBe(true);
    expect(again.message).toMatch(/déjà celui en usage/);
  });

  it('says there is nothing to go back to before any update', async () => {
    const { corpora, store } = setup();
    expect(corpora.canRevert()).toBe(false);
    expect((await refusal(corpora.revert(store))).message).toMatch(/Aucun corpus précédent/);
  });

  describe('refuses a bad file with the reason, the corpus in use untouched', () => {
    async function refused(file: string): Promise<string> {
      const { dataDir, corpora, store } = setup();
      await corpora.importPack(packA, store);
      const root = store.root;
      const before = snapshot(path.join(dataDir, 'corpora'));
      const error = await refusal(corpora.importPack(file, store));
      expect(error.code).toBe('invalid-argument');
      expect(error.message).toMatch(/Le corpus en usage n’a pas changé\.$/);
      expect(store.root).toBe(root);
      expect(snapshot(path.join(dataDir, 'corpora'))).toEqual(before);
      expect((await store.manifest()).codes).toHaveLength(1);
      return error.message;
    }

    it('a part whose bytes changed (its checksum in the manifest no longer matches)', async () => {
      const bytes = readFileSync(packB);
      // A byte near the end: inside the last part, after the header and the manifest.
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
      const file = path.join(work, 'flipped.palimpseste');
      writeFileSync(file, bytes);
      expect(await refused(file)).toMatch(/le fichier « .+ » du paquet est endommagé .*demandez un nouveau paquet/);
    });

    it('a truncated pack (a copy interrupted)', async () => {
      const file = path.join(work, 'truncated.palimpseste');
      writeFileSync(file, readFileSync(packB).subarray(0, readFileSync(packB).length - 1000));
      expect(await refused(file)).toMatch(/le paquet est tronqué \(\d+ octets au lieu de \d+\)/);
    });

    it('a foreign file (not a pack at all)', async () => {
      expect(await refused(seed('003'))).toMatch(/ce n’est pas un paquet de corpus Palimpseste/);
      expect(await refused(path.join(work, 'nowhere.palimpseste'))).toMatch(/ce fichier n’existe pas/);
      expect(await refused(work)).toMatch(/c’est un dossier/);
    });

    it('a pack of another bundle format', async () => {
      const bytes = readFileSync(packB);
      const text = bytes.toString('latin1');
      const at = text.indexOf(`"bundleSchemaVersion":${BUNDLE_SCHEMA_VERSION}`);
      expect(at).toBeGreaterThan(PACK_LEAD_BYTES);
      bytes.write('"bundleSchemaVersion":9', at, 'latin1');
      const file = path.join(work, 'future.palimpseste');
      writeFileSync(file, bytes);
      expect(await refused(file)).toMatch(
        new RegExp(`le corpus du paquet est au format 9, cette version de Palimpseste lit le format ${BUNDLE_SCHEMA_VERSION}`),
      );
    });

    it('a pack whose header lists a part the manifest does not', async () => {
      const bytes = readFileSync(packB);
      const text = bytes.toString('latin1');
      const at = text.indexOf('"path":"codes/');
      // Rename one part in the header only (same length: the layout stays readable).
      const name = text.indexOf('catalog.json', at);
      bytes.write('catalog.jsox', name, 'latin1');
      const file = path.join(work, 'renamed.palimpseste');
      writeFileSync(file, bytes);
      expect(await refused(file)).toMatch(/manque au paquet|ne correspond pas au manifeste/);
    });
  });

  it('uses the shipped corpus when it is newer than the imported one (the app was reinstalled)', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    // Ship the bigger corpus, import the 1986 one, then « reinstall » an app with newer data.
    const newer = path.join(work, 'newer-shipped');
    cpSync(path.join(work, 'b'), newer, { recursive: true });
    const corpora = new InstalledCorpora({ shippedDir: newer, dataDir, expected });
    const store = new CorpusStore(corpora.activeDir());
    await corpora.importPack(packA, store);
    expect(store.root).not.toBe(newer);
    const manifestFile = path.join(newer, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    manifest.sources = manifest.sources.map((s) => ({ ...s, date: '2025-01-01' }));
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const restarted = new InstalledCorpora({ shippedDir: newer, dataDir, expected });
    expect(restarted.activeDir()).toBe(newer);
    // The imported corpus is the previous one now.
    expect(restarted.canRevert()).toBe(true);
  });

  it('is one API method: the host posts what changed as a notice, for the banner', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    const host = createHost({ corpusDir: shipped, dataDir });
    const result = await host.api.importCorpus(packB);
    expect(result.ok).toBe(true);
    const info = await host.api.getCorpusInfo();
    expect(info.ok && info.value.manifest.codes.map((c) => c.id).sort()).toEqual(['code-de-la-mutualite', 'code-de-la-securite-sociale']);
    const notices = await host.api.getNotices();
    expect(notices.ok && notices.value.map((n) => n.kind)).toEqual(['corpus-updated']);
    const bad = await host.api.importCorpus(seed('003'));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const back = await host.api.revertCorpus();
    expect(back.ok && back.value.message).toMatch(/^Corpus précédent rétabli/);
  });
});

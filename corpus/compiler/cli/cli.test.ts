/**
 * The `npm run corpus` command on small real inputs: the seeds, a corrupt and a missing bundle,
 * `--out`, `--strict`, reuse of an unchanged build.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleCatalogEntry, Manifest } from '../../model/bundle.ts';
import type { Article, Code, Section } from '../../model/model.ts';
import { storedFileName } from '../../model/bundle-files.ts';
import { runChild, type ChildResult } from '../../../tests/support/run-child.ts';
import { historyBundle, seedsDir } from '../../../tests/support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const seeds = seedsDir();
const seed = (prefix: string) =>
  path.join(
    seeds,
    readdirSync(seeds).find((f) => f.startsWith(prefix))!,
  );

/** The command line, awaited (tests/support/run-child.ts): a compile must not block the test worker's loop. */
async function corpus(args: string[]): Promise<ChildResult> {
  return runChild(process.execPath, ['--import', 'tsx', path.join(root, 'corpus/compiler/cli/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, CI: '1' },
  });
}

/** Every file but the manifest is stored gzipped (`bundle-files.ts`). */
const readJson = <T>(file: string): T =>
  JSON.parse((file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8')) as T;

describe('npm run corpus on the seeds', () => {
  let work: string;
  let out: string;
  let first: ChildResult;
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'palimpseste-cli-'));
    out = path.join(work, 'bundle');
    const corrupt = path.join(work, 'corrupt.bundle');
    writeFileSync(corrupt, '# v2 git bundle\n0000000000000000000000000000000000000000 refs/heads/main\n\ngarbage');
    first = await corpus([
      '--no-default',
      '--source',
      seed('000_'),
      '--source',
      seed('003_'),
      '--source',
      seed('004_'),
      '--source',
      corrupt,
      '--source',
      path.join(work, 'missing.bundle'),
      '--out',
      out,
    ]);
  });

  it('builds the good sources and names each bad one in one line', () => {
    const errors = first.stderr.split('\n').filter((l) => l.startsWith('erreur'));
    expect(errors).toHaveLength(2);
    expect(errors.find((l) => l.includes('corrupt.bundle'))).toMatch(/corrupt\.bundle.*source ignorée/);
    expect(errors.find((l) => l.includes('missing.bundle'))).toMatch(/missing\.bundle.*introuvable/);
    // A bad source makes the exit status say so, but the bundle is written.
    expect(first.status).toBe(1);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
    expect(first.stdout).toMatch(/sources en échec : .*corrupt\.bundle/);
  });

  it('writes a manifest, the codes, their tables of contents and the seed articles', () => {
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    // Seed 004 is a LexHub article read as a single document.
    expect(manifest.sources.map((s) => s.kind).sort()).toEqual(['seed-article', 'seed-article', 'seed-code']);
    const mutualite = manifest.codes.find((c) => c.id === 'code-de-la-mutualite')!;
    expect(mutualite.articleCount).toBe(156);
    const toc = readJson<Code>(path.join(out, mutualite.toc));
    const titles: string[] = [];
    const walk = (sections: Section[]) => sections.forEach((s) => (titles.push(s.title), walk(s.children)));
    walk(toc.toc);
    expect(titles).toContain('Livre Ier : Objet et règles générales de fonctionnement des mutuelles');
    const css = manifest.codes.find((c) => c.id === 'code-de-la-securite-sociale')!;
    const catalog = readJson<ArticleCatalogEntry[]>(path.join(out, css.catalog));
    expect(catalog.map((e) => e.num).sort()).toEqual(['L160-17', 'L611-3']);
    const l611 = catalog.find((e) => e.num === 'L611-3')!;
    const shard = JSON.parse(gunzipSync(readFileSync(path.join(out, l611.shard))).toString('utf8')) as Article[];
    const article = shard.find((a) => a.id === l611.id)!;
    expect(article.versions[0]!.paragraphs[0]).toMatch(/^Les caisses mutuelles régionales sont responsables/);
    expect(article.versions[0]!.links.filter((l) => l.kind === 'citedBy')).toHaveLength(43);
    expect(manifest.search.current).toBe('search/current.json');
    // Every file gzipped but the index of the law in force (the first search waits for it alone).
    expect(existsSync(path.join(out, manifest.search.current))).toBe(true);
    expect(Object.keys(manifest.files).filter((f) => !f.endsWith('.gz'))).toEqual([manifest.search.current]);
    // The stored texts, named in the index without `.gz` (`bundle-files.ts`).
    const text = Object.keys(manifest.files).find((f) => f.startsWith('search/current.text-'))!;
    expect(text).toBe(storedFileName(text.replace(/\.gz$/, '')));
  });

  it('reuses an unchanged build, and rebuilds when a source changes', async () => {
    const again = await corpus([
      '--no-default',
      '--source',
      seed('000_'),
      '--source',
      seed('003_'),
      '--source',
      seed('004_'),
      '--out',
      out,
    ]);
    // The failed sources are not given this time: the input differs, so it rebuilds…
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Corpus écrit/);
    // …and the same input a second time is reused.
    const third = await corpus([
      '--no-default',
      '--source',
      seed('000_'),
      '--source',
      seed('003_'),
      '--source',
      seed('004_'),
      '--out',
      out,
    ]);
    expect(third.stdout).toMatch(/Corpus à jour \(réutilisé\)/);
    const copy = path.join(work, 'L611-3.txt');
    copyFileSync(seed('000_'), copy);
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('caisses mutuelles régionales', 'caisses régionales'));
    const changed = await corpus(['--no-default', '--source', copy, '--out', path.join(work, 'other')]);
    expect(changed.status).toBe(0);
    expect(changed.stdout).toMatch(/articles +1$/m);
  });

  it('makes warnings fatal with --strict, and keeps the previous bundle', async () => {
    const broken = path.join(work, 'broken.txt');
    // A seed article cut in the middle of its links list, with an impossible date in an entry.
    const text = readFileSync(seed('000_'), 'utf8');
    writeFileSync(broken, text.slice(0, text.indexOf('**Codifié par**')) + '\t**Inconnu**:\n\n\t  - Décret du 31 février 1985\n');
    const before = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    const strict = await corpus(['--no-default', '--source', broken, '--out', out, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/avertissement : .*broken\.txt:\d+/);
    expect(strict.stderr).toMatch(/--strict/);
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    const lenient = await corpus(['--no-default', '--source', broken, '--out', path.join(work, 'lenient')]);
    expect(lenient.status).toBe(0);
  });

  it('refuses a malformed sources file naming the field', async () => {
    const file = path.join(work, 'sources.json');
    writeFileSync(file, JSON.stringify({ sources: [{ kind: 'lexlib' }] }));
    const result = await corpus(['--sources', file, '--out', path.join(work, 'x')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/sources\.json: champ sources\.0\.path invalide/);
  });

  it('recognises a git repository of another lexlib code and a folder of documents, with no code change', async () => {
    // The whole history with ../shared (1,083 articles), else the sample's.
    const bundle = historyBundle('lexlib-code-de-la-mutualite');
    const repository = path.join(work, 'lexlib-mutualite');
    expect((await runChild('git', ['clone', '--quiet', bundle, repository])).status).toBe(0);
    // One article per LEGI id that ever had a file, as git lists them.
    const legiIds = new Set(
      execFileSync('git', ['-C', repository, 'log', '-z', '--format=', '--name-only'], { encoding: 'utf8' })
        .split('\0')
        .map((file) => / - (\d+)\.md$/.exec(file)?.[1])
        .filter(Boolean),
    );
    const fromRepository = await corpus(['--no-default', '--source', repository, '--out', path.join(work, 'repo-out')]);
    expect(fromRepository.status).toBe(0);
    expect(fromRepository.stderr).toMatch(new RegExp(`lexlib-mutualite : ${legiIds.size} articles, \\d+ versions \\(lexlib\\)`));
    const folder = await corpus(['--no-default', '--source', seeds, '--out', path.join(work, 'folder-out')]);
    expect(folder.status).toBe(0);
    const manifest = readJson<Manifest>(path.join(work, 'folder-out', 'manifest.json'));
    expect(manifest.sources.map((s) => s.kind).sort()).toEqual(['seed-article', 'seed-article', 'seed-article', 'seed-code', 'seed-diff']);
  });
});

/**
 * A compile whose imports run in worker threads writes the same bundle, byte for byte, as one in
 * a single thread (the committed sample of the histories and the seeds: every importer but
 * legi-data's, whose package the other tests read).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus, type CompileLog } from '../compile.ts';
import type { SourceSpec } from '../sources/source-spec.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const sample = path.join(root, 'corpus/sample');
const seeds = path.join(sample, 'seeds');

const sources: SourceSpec[] = [
  { id: 'lexlib-css', kind: 'lexlib', path: path.join(sample, 'lexlib-code-de-la-securite-sociale.bundle') },
  { id: 'lexlib-mutualite', kind: 'lexlib', path: path.join(sample, 'lexlib-code-de-la-mutualite.bundle') },
  { id: 'lexhub-css', kind: 'lexhub', path: path.join(sample, 'lexhub-code-de-la-securite-sociale.bundle') },
  { id: 'lexhub-mutualite', kind: 'lexhub', path: path.join(sample, 'lexhub-code-de-la-mutualite.bundle') },
  ...readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): SourceSpec => ({ id: `seed-${f.slice(0, 3)}`, kind: 'seed', path: path.join(seeds, f) })),
];

function quietLog(lines: string[]): CompileLog {
  return {
    info: (line) => lines.push(line),
    warn: () => undefined,
    error: (line) => lines.push(`erreur : ${line}`),
    progress: () => undefined,
    progressEnd: () => undefined,
  };
}

/** Every file of a bundle, by path, as bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

describe('compile with the imports in worker threads', () => {
  let work: string;
  const logs = { single: [] as string[], workers: [] as string[] };
  // One clock for both builds: the manifest says when it was built.
  const now = () => new Date('2026-11-30T12:00:00.000Z');

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'palimpseste-workers-'));
    const cacheDir = path.join(work, 'cache');
    const common = { root, sources, cacheDir, force: true, now };
    await compileCorpus({ ...common, outDir: path.join(work, 'single'), workers: 1, log: quietLog(logs.single) });
    await compileCorpus({ ...common, outDir: path.join(work, 'workers'), workers: 3, log: quietLog(logs.workers) });
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ran the imports of histories in workers, each with its heap measured', () => {
    expect(logs.workers).toContain(`Import de ${sources.length} sources sur 3 fils d’exécution.`);
    const measured = logs.workers.filter((line) => / : importé en \d+\.\d s, tas max du fil \d+ Mo\.$/.test(line));
    // The four git histories; the seeds are imported in the main thread.
    const histories = sources.flatMap((s) => (s.kind === 'seed' || s.kind === 'legi-data' ? [] : [path.relative(root, s.path)]));
    expect(measured.map((line) => line.split(' : ')[0]).sort()).toEqual(histories.sort());
    expect(logs.single.some((line) => line.includes('fils d’exécution'))).toBe(false);
    expect(logs.workers.filter((line) => line.startsWith('erreur'))).toEqual([]);
  });

  it('writes the same bundle, byte for byte', () => {
    const single = filesOf(path.join(work, 'single'));
    const workers = filesOf(path.join(work, 'workers'));
    expect([...workers.keys()].sort()).toEqual([...single.keys()].sort());
    expect(single.size).toBeGreaterThan(10);
    const differing = [...single].filter(([file, bytes]) => !bytes.equals(workers.get(file)!)).map(([file]) => file);
    expect(differing).toEqual([]);
    // The sample's codes are all there (not two empty bundles).
    const manifest = JSON.parse(single.get('manifest.json')!.toString('utf8')) as { counts: { articles: number; codes: number } };
    expect(manifest.counts.codes).toBeGreaterThanOrEqual(2);
    expect(manifest.counts.articles).toBeGreaterThan(20);
  });
});

/**
 * The lexlib importer on both real bundles: full history, wall time and memory (target: the
 * sécurité sociale, 1,771 commits, well under 60 s on one core).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { importLexlib } from '../../corpus/compiler/sources/lexlib/lexlib-import.ts';
import { mb, ms, printTable, timeAsync } from './table.ts';
import { SHARED_DIR } from '../support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const rows: string[][] = [['bundle', 'commits', 'articles', 'versions', 'change sets', 'warnings', 'wall time', 'node CPU', 'heap after']];
for (const name of ['lexlib-code-de-la-mutualite', 'lexlib-code-de-la-securite-sociale']) {
  const bundle = path.join(SHARED_DIR, 'corpus', `${name}.bundle`);
  if (!existsSync(bundle)) {
    console.log(`${bundle} absent: skipped`);
    continue;
  }
  // Warm the clone cache first so the figure is the import, not `git clone`.
  await importLexlib(bundle, { cacheDir: path.join(root, 'corpus/cache'), sourceId: name });
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const [result, elapsed] = await timeAsync(() => importLexlib(bundle, { cacheDir: path.join(root, 'corpus/cache'), sourceId: name }));
  const used = process.cpuUsage(cpu);
  rows.push([
    name,
    String(result.changeSets?.length ?? 0),
    String(result.articles.length),
    String(result.articles.reduce((n, a) => n + a.versions.length, 0)),
    String(result.changeSets?.length ?? 0),
    String(result.warnings.length),
    ms(elapsed),
    ms((used.user + used.system) / 1000),
    mb(process.memoryUsage().heapUsed),
  ]);
}
printTable(rows);

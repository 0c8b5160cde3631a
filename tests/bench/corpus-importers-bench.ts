/**
 * The LexHub and legi-data importers on the real sources, against their targets: the sécurité
 * sociale LexHub bundle (7,015 commits) well under 60 s, the four legi-data codes under 30 s.
 * One run each (a run is seconds long; the bundle's clone is cached by the first run ever).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { importLegiData } from '../../corpus/compiler/sources/legidata/legidata-import.ts';
import { importLexhub } from '../../corpus/compiler/sources/lexhub/lexhub-import.ts';
import type { SourceImport } from '../../corpus/compiler/sources/source-import.ts';
import { mb, ms, printTable, timeAsync } from './table.ts';
import { SHARED_DIR } from '../support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.join(root, 'corpus/cache');
const corpus = path.join(SHARED_DIR, 'corpus');

interface Case {
  name: string;
  target: number;
  run: () => Promise<SourceImport>;
  available: boolean;
}

const cases: Case[] = [
  {
    name: 'LexHub sécurité sociale',
    target: 60_000,
    available: existsSync(path.join(corpus, 'lexhub-code-de-la-securite-sociale.bundle')),
    run: () => importLexhub(path.join(corpus, 'lexhub-code-de-la-securite-sociale.bundle'), { cacheDir, sourceId: 'lexhub-css' }),
  },
  {
    name: 'LexHub mutualité',
    target: 10_000,
    available: existsSync(path.join(corpus, 'lexhub-code-de-la-mutualite.bundle')),
    run: () => importLexhub(path.join(corpus, 'lexhub-code-de-la-mutualite.bundle'), { cacheDir, sourceId: 'lexhub-mutualite' }),
  },
  { name: 'legi-data (4 codes)', target: 30_000, available: true, run: () => importLegiData({ sourceId: 'legi-data' }) },
];

const rows: string[][] = [['source', 'time', 'target', 'articles', 'versions', 'warnings', 'heap after', 'verdict']];
let failed = false;
for (const c of cases) {
  if (!c.available) {
    rows.push([c.name, '-', ms(c.target), '-', '-', '-', '-', `absent from ${corpus}`]);
    continue;
  }
  const [result, elapsed] = await timeAsync(c.run);
  const versions = result.articles.reduce((sum, a) => sum + a.versions.length, 0);
  const ok = elapsed < c.target;
  failed ||= !ok;
  rows.push([
    c.name,
    ms(elapsed),
    `< ${ms(c.target)}`,
    String(result.articles.length),
    String(versions),
    String(result.warnings.length),
    mb(process.memoryUsage().heapUsed),
    ok ? 'ok' : 'TOO SLOW',
  ]);
}
printTable(rows);
process.exit(failed ? 1 : 0);

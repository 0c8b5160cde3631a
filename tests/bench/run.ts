/**
 * `npm run bench`: every benchmark of the project, one after the other (each in its own process so
 * their heaps do not mix), each printing its own table. `npm run bench -- search` runs only those
 * whose file name contains "search".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const filter = process.argv[2];
// Order: the corpus first (it builds what the others read); search speed before search quality
// (`search-quality-bench.ts`: known-item queries, beside MiniSearch, FlexSearch and lunr).
const order = ['corpus', 'search-bench', 'search-quality', 'search', 'diff', 'reader', 'versions', 'annotations', 'host'];
const benches = readdirSync(here)
  .filter((f) => f.endsWith('-bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort((a, b) => {
    const rank = (f: string) => {
      const i = order.findIndex((o) => f.startsWith(o));
      return i < 0 ? order.length : i;
    };
    return rank(a) - rank(b) || a.localeCompare(b);
  });

let failures = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, bench)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failures++;
    console.log(`(${bench} a échoué : code ${result.status})`);
  }
}
process.exit(failures ? 1 : 0);

/**
 * `node --import tsx corpus/compiler/references/score-sample-cli.ts [BUNDLE_DIR] [--wrong]`: scores a
 * compiled corpus (default `corpus/dist/`) against the labelled sample of references, to compare
 * two builds (before/after a change of the resolver). `--wrong` lists the wrong and missed ones.
 */
import path from 'node:path';
import { CorpusStore } from '../../../electron/host/corpus-store.ts';
import { formatScores, readSample, scoreCorpus } from './reference-sample.ts';

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(import.meta.dirname, '../../dist'));
const { items } = readSample();
const { verdicts, strata } = await scoreCorpus(new CorpusStore(dir), items);
console.log(`${dir}\n${formatScores(strata)}`);
if (args.includes('--wrong')) {
  for (const { item, verdict, outcome } of verdicts) {
    if (verdict !== 'wrong' && verdict !== 'missed' && verdict !== 'not-located') continue;
    const got = outcome.target ? `${outcome.target.code} ${outcome.target.num}` : outcome.found ? 'non résolu' : 'non lu';
    const want = item.expect ? `${item.expect.code} ${item.expect.num}` : `non résolu (${item.why})`;
    console.log(`#${item.n} ${verdict}: ${got} — attendu ${want}\n   ${item.context}`);
  }
}

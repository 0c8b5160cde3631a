/**
 * The form counts beside the stems, on real texts of the law in force (the first text file of the
 * compiled index): counted as the texts say, and kept only where they differ from the stem's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleJson } from '../../tests/support/bundle-files.ts';
import type { Manifest } from '../model/bundle.ts';
import { stem } from './french-analysis.ts';
import { formFrequency, formTables } from './form-frequencies.ts';
import { words } from './words.ts';

const DIST = path.resolve(import.meta.dirname, '../../corpus/dist');
const missing = !existsSync(path.join(DIST, 'manifest.json'));
if (missing) console.log(`form-frequencies tests skipped: no compiled corpus in ${DIST} (npm run corpus)`);

describe.skipIf(missing)('form counts', () => {
  it('counts the texts that have each form, keeping only the forms whose count is not their stem’s', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as Manifest;
    const shard = JSON.parse(readFileSync(path.join(DIST, manifest.search.current), 'utf8')) as { texts: { file: string }[] };
    // The stored texts of format 4 are gzipped beside the names the index gives them.
    const texts = readBundleJson<{ texts: string[] }>(DIST, shard.texts[0]!.file).texts.slice(0, 3000);
    const half = Math.floor(texts.length / 2);
    const [first, second] = formTables(texts, [
      { from: 0, to: half },
      { from: half, to: texts.length },
    ]);
    const bags = texts.map((text) => new Set(words(text)));
    const withForm = (form: string) => bags.filter((bag) => bag.has(form)).length;
    const withStem = (term: string) => bags.filter((bag) => [...bag].some((word) => stem(word) === term)).length;
    let rare = 0;
    for (const form of ['cotisants', 'cotisant', 'assures', 'salaries', 'employeurs', 'pensions']) {
      const count = withForm(form);
      if (count === 0) continue;
      const table = formFrequency(first!, form) ?? formFrequency(second!, form);
      if (count === withStem(stem(form))) expect(table, form).toBeUndefined();
      else {
        // Counted over the whole collection, whichever shard the form is read in.
        expect(table, form).toBe(count);
        rare++;
      }
    }
    expect(rare).toBeGreaterThanOrEqual(3);
    expect(first!.documents).toBe(texts.length);
    expect(first!.averageChars).toBe(Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length));
  });
});

/**
 * The committed sample (`corpus/sample/`): how it is cut (`sample-plan.ts`), that it holds every
 * article its plan lists, and — with `../shared` — that it is exactly what `npm run corpus:sample`
 * cuts from the whole histories today, byte for byte.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../electron/host/paths.ts';
import { SAMPLE_DIR, SHARED_DIR } from '../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../tests/support/whole-corpus.ts';
import { lexhubSlug, lexlibArticleFile, readSamplePlan, restrictLexlibMessage, selectFiles } from './sample-plan.ts';

const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-sample-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every path a bundle's history ever had. */
function pathsOf(bundle: string): string[] {
  const gitDir = path.join(work, path.basename(bundle, '.bundle') + '.git');
  execFileSync('git', ['clone', '--quiet', '--bare', bundle, gitDir]);
  const out = execFileSync('git', ['--git-dir', gitDir, 'log', '-z', '--format=', '--name-only'], { encoding: 'utf8' });
  return [...new Set(out.split('\0').filter(Boolean))];
}

describe('how the sample is cut', () => {
  it('keeps, in a lexlib message, the sample’s numbers in each list and the rest as it is', () => {
    // The message of 2006-01-28 (`git log -1 --format=%B ad4966bf`), its lists shortened.
    const message = [
      'Version consolidée du 2006-01-28',
      '',
      'Articles nouveaux:',
      '\tR611-1, R611-2, R611-3',
      'Articles abrogés:',
      '\tR631-3, R631-4',
      'Articles modifiés:',
      '\tR111-1, R112-1, R115-5',
      '',
      'Modifications entrant en vigeur venant de:',
      '- Décret n°2006-83 2006-01-27 art. 6 10° JORF 28 janvier 2006',
      '',
    ].join('\n');
    expect(restrictLexlibMessage(message, new Set(['R611-2', 'R111-1', 'R115-5']))).toBe(
      [
        'Version consolidée du 2006-01-28',
        '',
        'Articles nouveaux:',
        '\tR611-2',
        'Articles modifiés:',
        '\tR111-1, R115-5',
        '',
        'Modifications entrant en vigeur venant de:',
        '- Décret n°2006-83 2006-01-27 art. 6 10° JORF 28 janvier 2006',
        '',
      ].join('\n'),
    );
  });

  it('names files as each format does, and keeps every file of a LEGI id that bore a wanted number', () => {
    expect(lexhubSlug('L611-3')).toBe('l611-3');
    expect(lexhubSlug('TABLEAU 17')).toBe('tableau-17');
    expect(lexhubSlug("Annexe (3) à l'art. A931-11-11")).toBe('annexe-3-a-lart-a931-11-11');
    expect(lexlibArticleFile("05. Annexes/Article Annexe (3) à l'art. A931-11-11 - 6734895.md")).toEqual({
      num: "Annexe (3) à l'art. A931-11-11",
      digits: '6734895',
    });
    const paths = [
      'README.md',
      '01. Partie législative/Article L611-3 - 6743538.md',
      '02. Partie réglementaire/Article R611-9 - 6743538.md',
      '01. Partie législative/Article L611-4 - 6743542.md',
    ];
    const selection = selectFiles('lexlib', paths, ['L611-3', 'L999-1']);
    expect(paths.filter(selection.keep)).toEqual([paths[0], paths[1], paths[2]]);
    expect(paths.filter(selection.isArticle)).toEqual([paths[1], paths[2]]);
    expect(selection.missing).toEqual(['L999-1']);
    expect([...selection.keptNumbers].sort()).toEqual(['L611-3', 'R611-9']);
  });
});

describe('the committed sample', () => {
  const plan = readSamplePlan(path.join(SAMPLE_DIR, 'articles.json'));

  it('holds, in its lexlib or LexHub history, every article its plan lists, and the five seeds', () => {
    for (const code of plan) {
      const lexlib = code.lexlib ? pathsOf(path.join(SAMPLE_DIR, code.lexlib)) : [];
      const lexhub = code.lexhub ? pathsOf(path.join(SAMPLE_DIR, code.lexhub)) : [];
      const lexlibNums = new Set(lexlib.map((p) => lexlibArticleFile(p)?.num));
      const lexhubSlugs = new Set(lexhub.map((p) => p.replace(/^.*\//, '').replace(/\.md$/, '')));
      const absent = Object.keys(code.articles).filter((num) => !lexlibNums.has(num) && !lexhubSlugs.has(lexhubSlug(num)));
      expect(absent, code.code).toEqual([]);
    }
    expect(readdirSync(path.join(SAMPLE_DIR, 'seeds')).sort()).toEqual([
      '000_957ebed65d058a0e.txt',
      '001_803e8bac355c9d63.txt',
      '002_ed8248280429ca41.txt',
      '003_e563875e8f8a73d7.txt',
      '004_de1cfeb6a59aaf65.txt',
    ]);
  });
});

describeWholeCorpus('the committed sample and the whole histories', () => {
  it('is what npm run corpus:sample cuts from ../shared today, byte for byte', async () => {
    const out = path.join(work, 'fresh');
    // Awaited, not spawnSync: a minute of git in a child would block this worker's loop (tests/support/stretch-watch.ts).
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'build/corpus-sample.ts', '--shared', SHARED_DIR, '--out', out], {
      cwd: PROJECT_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const file of readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.bundle') || f === 'README.md')) {
      expect(
        readFileSync(path.join(out, file)).equals(readFileSync(path.join(SAMPLE_DIR, file))),
        `${file} (run npm run corpus:sample)`,
      ).toBe(true);
    }
    for (const seed of readdirSync(path.join(SAMPLE_DIR, 'seeds'))) {
      expect(readFileSync(path.join(SAMPLE_DIR, 'seeds', seed)).equals(readFileSync(path.join(SHARED_DIR, 'seeds', seed))), seed).toBe(
        true,
      );
    }
  }, 180_000);
});

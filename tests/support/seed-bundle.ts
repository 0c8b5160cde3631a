/**
 * For tests: a small corpus bundle written by the compiler's own bundle writer, holding the two
 * articles of the sécurité sociale given as seeds (`000_…` is L611-3, `001_…` is
 * L611-20), their text read from the seed files. The real default corpus (`corpus/dist`) is tested
 * too where it exists; this one lets the host's mechanics be tested on real text everywhere.
 * It lives with the tests, not in the host: the host only reads bundles, the compiler writes them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import { writeBundle } from '../../corpus/compiler/bundle/bundle-writer.ts';
import type { Manifest } from '../../corpus/model/bundle.ts';
import type { Article, Code } from '../../corpus/model/model.ts';
import { normalizeParagraph } from '../../corpus/text/paragraphs.ts';
import { seedsDir } from './shared-corpus.ts';

// `../shared/seeds`, or their copy in the committed sample (`corpus/sample/seeds`).
export const SEEDS_DIR = seedsDir();
export const SEED_CODE = 'code-de-la-securite-sociale';

/** Paragraphs of a seed article: the text between the `# Article` heading and « Liens relatifs ». */
export function seedParagraphs(file: string): { num: string; paragraphs: string[] } {
  const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  const num = /^# Article (\S+)/.exec(text)?.[1] ?? '';
  const body = text.slice(text.indexOf('\n') + 1, text.indexOf('**Liens relatifs'));
  const paragraphs = body
    .split(/\n\s*\n/)
    .map(normalizeParagraph)
    .filter((p) => p.length > 0);
  return { num, paragraphs };
}

function seedArticle(file: string, validFrom: string): Article {
  const { num, paragraphs } = seedParagraphs(file);
  return {
    id: `${SEED_CODE}/num:${num}`,
    code: SEED_CODE,
    num,
    section: 'chapitre-1',
    versions: [{ validFrom, status: 'VIGUEUR', paragraphs, links: [], references: [], sources: ['seeds'] }],
  };
}

/** Writes the seed bundle into `outDir` and returns its manifest. */
export function writeSeedBundle(outDir: string, lunrVersion: string = lunr.version): Manifest {
  const articles = [seedArticle('000_957ebed65d058a0e.txt', '1985-06-25'), seedArticle('001_803e8bac355c9d63.txt', '1985-06-25')];
  const code: Code = {
    id: SEED_CODE,
    title: 'Code de la sécurité sociale',
    toc: [
      {
        id: 'chapitre-1',
        title: 'Chapitre 1er : Dispositions générales',
        level: 'chapitre',
        children: [],
        articles: articles.map((a) => a.id),
      },
    ],
  };
  return writeBundle(outDir, {
    inputHash: 'seed-bundle',
    sources: [{ id: 'seeds', kind: 'seed-article', path: SEEDS_DIR, revision: 'seeds', codes: [SEED_CODE] }],
    codes: [code],
    articles: new Map([[SEED_CODE, articles]]),
    changeSets: new Map([
      [
        SEED_CODE,
        [
          {
            code: SEED_CODE,
            date: '1985-06-25',
            amendingTexts: [],
            created: articles.map((a) => a.id),
            modified: [],
            repealed: [],
            source: 'seeds',
          },
        ],
      ],
    ]),
    references: { total: 0, resolved: 0, inCorpus: 0, resolvedInCorpus: 0 },
    warnings: 0,
    search: {
      manifest: { lunrVersion, current: 'search/current.json', past: [], documents: {} },
      files: new Map([['search/current.json', '{}']]),
    },
  }).manifest;
}

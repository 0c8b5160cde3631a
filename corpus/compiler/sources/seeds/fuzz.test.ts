/**
 * Bad input never crashes: the seed files mutated hundreds of times (truncations, byte flips,
 * shuffled and deleted lines), deterministically from a seeded PRNG. Every parser must return
 * well-formed output and report problems as warnings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompileWarning, Link } from '../../../model/model.ts';
import { isValidIsoDate } from '../common/dates.ts';
import { parseArticleFile } from '../common/lexlib-format/article-file.ts';
import { parseCommitMessage } from '../lexlib/commit-message.ts';
import { parseIntegral } from '../common/lexlib-format/integral.ts';
import type { SourceImport } from '../source-import.ts';
import { rebuildParagraphs } from '../../../text/paragraphs.ts';
import { parseArcheoDiff } from './archeo-diff.ts';
import { importSeedText } from './seed-import.ts';
import { seedsDir } from '../../../../tests/support/shared-corpus.ts';

const seeds = seedsDir();
const FILES = ['000_957ebed65d058a0e.txt', '001_803e8bac355c9d63.txt', '002_ed8248280429ca41.txt', '003_e563875e8f8a73d7.txt'];
const originals = FILES.map((f) => readFileSync(path.join(seeds, f)));

/** mulberry32: small, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = 'truncate' | 'flip' | 'shuffle' | 'delete' | 'mixed';
const MUTATIONS: Mutation[] = ['truncate', 'flip', 'shuffle', 'delete', 'mixed'];

function mutate(bytes: Buffer, kind: Mutation, random: () => number): string {
  const int = (n: number) => Math.floor(random() * n);
  switch (kind) {
    case 'truncate':
      return bytes.subarray(0, int(bytes.length)).toString('utf8');
    case 'flip': {
      const copy = Buffer.from(bytes);
      for (let k = 0, n = 1 + int(40); k < n; k++) copy[int(copy.length)] = int(256);
      return copy.toString('utf8');
    }
    case 'shuffle': {
      const lines = bytes.toString('utf8').split('\n');
      for (let k = 0, n = 1 + int(60); k < n; k++) {
        const i = int(lines.length);
        const j = int(lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
    case 'delete': {
      const lines = bytes.toString('utf8').split('\n');
      for (let k = 0, n = 1 + int(60); k < n && lines.length > 0; k++) lines.splice(int(lines.length), 1 + int(3));
      return lines.join('\n');
    }
    case 'mixed':
      return mutate(Buffer.from(mutate(Buffer.from(mutate(bytes, 'delete', random)), 'flip', random)), 'truncate', random);
  }
}

const LINK_KINDS = new Set([
  'cites',
  'citedBy',
  'modifiedBy',
  'codifiedBy',
  'repealedBy',
  'createdBy',
  'transferredBy',
  'formerTexts',
  'newTexts',
  'associated',
]);
const STATUS_CODES = new Set(['V', 'VD', 'VT', 'Ab', 'M', 'MMN', 'T', 'P', '']);

/** Problems found in outputs; plain checks (one `expect` per check would dominate the run time). */
let problems: string[] = [];
function check(condition: boolean, what: string): void {
  if (!condition && problems.length < 50) problems.push(what);
}

function checkParagraphs(paragraphs: readonly string[], where: string): void {
  for (const p of paragraphs) {
    check(
      typeof p === 'string' && p !== '' && p === p.trim() && !/\s{2}|\u2015/.test(p),
      `${where}: paragraph not canonical: ${JSON.stringify(p.slice(0, 60))}`,
    );
  }
}

function checkLinks(links: readonly Link[], where: string): void {
  for (const link of links) {
    check(
      LINK_KINDS.has(link.kind) && STATUS_CODES.has(link.status) && typeof link.text === 'string' && link.origin === 'list',
      `${where}: bad link ${JSON.stringify(link)}`,
    );
  }
}

function checkWarnings(warnings: readonly CompileWarning[], where: string): void {
  for (const w of warnings) {
    check(typeof w.source === 'string' && typeof w.path === 'string' && w.message.length > 0, `${where}: bad warning ${JSON.stringify(w)}`);
    if (w.line !== undefined) check(Number.isInteger(w.line) && w.line >= 1, `${where}: bad warning line ${w.line}`);
  }
}

function checkImport(result: SourceImport, where: string): void {
  check(
    result.info.id === 'fuzz' &&
      result.codes.length === 1 &&
      result.info.codes.length === 1 &&
      result.info.codes[0] === result.codes[0]!.id,
    `${where}: bad info`,
  );
  for (const article of result.articles) {
    check(article.num.length > 0, `${where}: empty article number`);
    for (const version of article.versions) {
      check(isValidIsoDate(version.validFrom), `${where}: bad date ${version.validFrom}`);
      checkParagraphs(version.paragraphs, where);
      if (version.nota) checkParagraphs(version.nota, where);
      checkLinks(version.links, where);
    }
  }
  for (const set of result.changeSets ?? []) check(isValidIsoDate(set.date), `${where}: bad change set date ${set.date}`);
  checkWarnings(result.warnings, where);
}

describe('fuzz: mutated seeds never crash the parsers', () => {
  const ROUNDS = 100;
  it(`${ROUNDS} mutations of each of the 4 seeds (${ROUNDS * 4} documents), seed 20060128`, async () => {
    problems = [];
    const random = prng(20060128);
    const kinds = new Map<string, number>();
    let warned = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // A breath between rounds: Vitest's worker must answer its runner within 60 s, and on a
      // loaded machine these rounds took 80 s of wall time in one block.
      await new Promise((resolve) => setImmediate(resolve));
      originals.forEach((bytes, f) => {
        const kind = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!;
        const text = mutate(bytes, kind, random);
        const context = `${FILES[f]} ${kind} round ${round}`;
        try {
          const result = importSeedText(text, { sourceId: 'fuzz', path: FILES[f]! });
          kinds.set(result?.info.kind ?? 'none', (kinds.get(result?.info.kind ?? 'none') ?? 0) + 1);
          if (result) {
            checkImport(result, context);
            if (result.warnings.length > 0) warned++;
          }
          // Each parser on its own, whatever the detected kind.
          const ctx = { source: 'fuzz', path: FILES[f]!, warnings: [] as CompileWarning[] };
          const article = parseArticleFile(text, ctx);
          checkParagraphs(article.paragraphs, context);
          checkLinks(article.links, context);
          const integral = parseIntegral(text, ctx);
          for (const a of integral.articles) check(a.num.length > 0, `${context}: empty number in whole-code file`);
          const diff = parseArcheoDiff(text, { source: 'fuzz', path: FILES[f]! });
          for (const hunk of diff.hunks)
            for (const line of hunk.lines) check(line.kind === ' ' || line.kind === '-' || line.kind === '+', `${context}: bad diff line`);
          checkWarnings(diff.warnings, context);
          const message = parseCommitMessage(text, ctx);
          check(message.date === undefined || isValidIsoDate(message.date), `${context}: bad message date`);
          checkParagraphs(rebuildParagraphs(text.split('\n')), context);
          checkWarnings(ctx.warnings, context);
        } catch (error) {
          throw new Error(`${context}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      });
    }
    console.log(`fuzz: detected kinds ${JSON.stringify(Object.fromEntries(kinds))}, ${warned} imports with warnings`);
    expect(problems).toEqual([]);
    // The mutations do hurt: most mutated documents are reported.
    expect(warned).toBeGreaterThan(ROUNDS);
    // About 15 s of CPU; on a 2-core machine shared with other work, 150 s of wall time was seen.
  }, 600_000);
});

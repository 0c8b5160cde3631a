/**
 * The 2006-01-28 change set of the sécurité sociale (compiled bundle, read through the host's
 * CorpusStore) against seed 002, the Archéo Lex line diff of the whole code between the versions of
 * 2006-01-19 and 2006-01-28: every line seed 002 marks as changed is placed in what the corpus says
 * changed that day (`diff-placement.ts`). What cannot be placed is printed with its reason; the test
 * asserts that it is little, and checks each reason against the corpus itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { CorpusStore } from '../../../../electron/host/corpus-store.ts';
import type { Article, ChangeSet, IsoDate } from '../../../model/model.ts';
import { corpusDataDate, versionOn } from '../../../model/timeline.ts';
import { normalizeParagraph } from '../../../text/paragraphs.ts';
import { articleHeading } from '../common/lexlib-format/article-file.ts';
import { parseArcheoDiff, type ArcheoDiff, type ArcheoDiffLine } from './archeo-diff.ts';
import { placeDiffLines, type DiffPlacement, type UnplacedCause } from './diff-placement.ts';
import { seedFile as seed } from '../../../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../../../tests/support/whole-corpus.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const dist = path.join(root, 'corpus/dist');
const seedFile = seed('002');
const CSS = 'code-de-la-securite-sociale';
const BEFORE: IsoDate = '2006-01-19';
const AFTER: IsoDate = '2006-01-28';

// Seed 002 is the diff of the whole code: the sample's few articles cannot place it.
if (!existsSync(dist)) console.log(`seed-002-placement.test.ts: ${dist} absent (run \`npm run corpus\`)`);

describeWholeCorpus('seed 002 and the 2006-01-28 change set of the sécurité sociale', () => {
  let diff: ArcheoDiff;
  let changeSet: ChangeSet;
  let dataDate: IsoDate;
  const articles: Article[] = [];
  let placement: DiffPlacement;

  beforeAll(async () => {
    diff = parseArcheoDiff(readFileSync(seedFile, 'utf8'), { path: seedFile });
    const store = new CorpusStore(dist, { shardCacheBytes: 256 * 1024 * 1024 });
    dataDate = corpusDataDate(await store.manifest());
    const found = (await store.changeSets(CSS)).find((set) => set.date === AFTER);
    if (!found) throw new Error(`no change set on ${AFTER}`);
    changeSet = found;
    // Every article of the code, in catalog order (shard by shard), read once.
    for (const entry of await store.catalog(CSS)) articles.push(await store.article(entry.id));
    placement = placeDiffLines(diff, articles, changeSet, { from: BEFORE, to: AFTER, dataDate });
  });

  it('the seed is the diff of 2006-01-19 → 2006-01-28 and the change set is the one of that commit', () => {
    expect([diff.fromDate, diff.toDate]).toEqual([BEFORE, AFTER]);
    // The page is cut in the middle of its last block: the parser says so, and nothing else.
    expect(diff.warnings.map((w) => w.message)).toEqual([
      'numéros de ligne « 41084 40099 » sans ligne de texte qui les suive',
      'bloc @@ -41076,9 +40091,9 @@ : 8 anciennes et 8 nouvelles lignes lues',
    ]);
    // git log -1 ad4966bfd8431b752a0729b361b33ab9cd1dfa0f: 152 new, 37 modified, 19 repealed articles.
    expect([changeSet.created.length, changeSet.modified.length, changeSet.repealed.length]).toEqual([152, 37, 19]);
    // Every article the change set lists does change that day in its own timeline: its text, or
    // only its links (lexlib lists R612-1, R612-4 and R612-8 as modified on 2006-01-28 while their
    // text stays the same: their links lists changed that day, LEGI opened a version for it).
    const on = (article: Article, date: IsoDate) => versionOn(article, date, dataDate);
    const listedButSame = [...placement.changed.values()].filter((c) => c.listed && on(c.article, BEFORE) === on(c.article, AFTER));
    for (const c of listedButSame) expect(on(c.article, AFTER)?.linkOnlyChanges ?? [], c.article.num).toContain(AFTER);
  });

  it('places every line seed 002 marks as changed, and lists the few it cannot place with a reason that holds', () => {
    const { lines, blankLines, changed, redlineChanges } = placement;
    const unplaced = lines.flatMap(({ line, placement: p }) => (p.placed ? [] : [{ line, cause: p.cause, reason: p.reason }]));
    const tally = new Map<string, number>();
    for (const { line, placement: p } of lines) {
      const key = `${line.kind} ${p.placed ? p.how : 'non placée'}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const outsideList = [...changed.values()].filter((c) => !c.listed);
    console.log(
      `seed 002: ${lines.length + blankLines} lignes marquées (${blankLines} lignes vides, sans texte), ${lines.length} à placer ; ` +
        `${changed.size} articles changent le ${AFTER} (${changed.size - outsideList.length} listés par le change set, ${outsideList.length} par leur seule chronologie), ${redlineChanges} changements dans leurs redlines`,
    );
    for (const [key, count] of [...tally].sort()) console.log(`  ${key.padEnd(16)} ${count}`);
    console.log(`  articles hors de la liste : ${outsideList.map((c) => c.article.num).join(', ')}`);
    console.log(`non placées (${unplaced.length}) :`);
    for (const { line, reason } of unplaced)
      console.log(`  ligne ${line.pageLine} (${line.kind}) « ${line.text.slice(0, 70)} » : ${reason}`);

    // The first change of the page: R111-1's 4° (« régimes d'assurance vieillesse des travailleurs
    // non-salariés » → « régime social des indépendants »), in the redline of R111-1, listed as modified.
    const first = lines.find((r) => r.line.kind === '-')!;
    expect(first.line.text).toMatch(/^4°\) en ce qui concerne les régimes d'assurance vieillesse des travailleurs non-salariés/);
    expect(first.placement).toEqual({ placed: true, how: 'redline', article: 'R111-1 (modified)' });
    const undatedRepeals = lines.filter((r) => r.placement.placed && r.placement.detail?.startsWith('abrogé sans date')).length;
    console.log(`  dont ${undatedRepeals} lignes d’articles abrogés sans date dans le corpus`);

    expect(lines.length).toBeGreaterThan(2000);
    // Few: 8 of 2,188 on the corpus of December 2026 (versions without text from legi-data or
    // another LexHub text hiding lexlib's, four section titles of the last block).
    expect(unplaced.length).toBeLessThanOrEqual(20);
    // Each reason is checked against the corpus, not against the placer's own indexes.
    for (const { line, cause, reason } of unplaced) expect(causeHolds(line, cause), `ligne ${line.pageLine} : ${reason}`).toBe(true);
  });

  /** Whether what the placer says of an unplaced line is true of the corpus and of the page. */
  function causeHolds(line: ArcheoDiffLine, cause: UnplacedCause): boolean {
    const text = normalizeParagraph(line.text);
    const date = line.kind === '-' ? BEFORE : AFTER;
    const other = line.kind === '-' ? AFTER : BEFORE;
    const has = (version: { paragraphs: readonly string[] } | undefined) =>
      version?.paragraphs.some((p) => normalizeParagraph(p) === text) ?? false;
    switch (cause.kind) {
      case 'unchanged': {
        // The text is in the version in force that day, and that version, or at least that paragraph, stays the next.
        const inForce = versionOn(cause.article, date, dataDate);
        const next = versionOn(cause.article, other, dataDate);
        return inForce === cause.version && has(inForce) && (next === inForce || has(next));
      }
      case 'other-version': {
        // The text is in that version of the article, and not in the one in force that day.
        const inForce = versionOn(cause.article, date, dataDate);
        return cause.article.versions.includes(cause.version) && has(cause.version) && inForce === cause.inForce && !has(inForce);
      }
      case 'absent':
        return articles.every((article) => article.versions.every((version) => !has(version)));
      case 'lone-section': {
        // A section title, with no article heading among the changed lines of its block on its side.
        const hunk = diff.hunks.find((h) => h.lines.includes(line))!;
        const onSide = (l: ArcheoDiffLine) => (line.kind === '-' ? l.oldLine !== undefined : l.newLine !== undefined);
        return (
          /^#+\s/.test(line.text) &&
          articleHeading(line.text) === undefined &&
          hunk.lines.every((l) => l.kind === ' ' || !onSide(l) || articleHeading(l.text) === undefined)
        );
      }
      case 'no-such-article': {
        // No article of that number in force on either date, none listed by the change set.
        const bearing = articles.filter((a) => a.num === cause.num);
        const listed = new Set([...changeSet.created, ...changeSet.modified, ...changeSet.repealed]);
        return bearing.every((a) => !versionOn(a, BEFORE, dataDate) && !versionOn(a, AFTER, dataDate) && !listed.has(a.id));
      }
    }
  }
});

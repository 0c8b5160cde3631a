/**
 * An Archéo Lex diff page as a document (seed 002): it has no whole article, so it gives no
 * versions, only what changed on its date: one change set whose articles are known by number —
 * `created` (an `Article X` heading added), `repealed` (removed), `modified` (text lines changed
 * below an `Article X` heading visible in the hunk). Changes above the first visible heading of a
 * hunk cannot be attributed and are counted in a warning.
 */
import type { ChangeSet } from '../../../model/model.ts';
import { articleId, codeIdFromTitle } from '../../../model/ids.ts';
import type { SourceImport } from '../source-import.ts';
import { articleHeading } from '../common/lexlib-format/article-file.ts';
import { parseArcheoDiff } from './archeo-diff.ts';
import { contentHash, type SeedImportOptions } from './seed-article.ts';

export function importSeedDiff(text: string, options: SeedImportOptions): SourceImport {
  const diff = parseArcheoDiff(text, { source: options.sourceId, path: options.path });
  const warnings = diff.warnings;
  const title = options.codeTitle ?? diff.codeTitle ?? 'Code inconnu';
  const code = codeIdFromTitle(title);
  const added = new Set<string>();
  const removed = new Set<string>();
  const touched = new Set<string>();
  let unattributed = 0;
  for (const hunk of diff.hunks) {
    let current: string | undefined;
    for (const line of hunk.lines) {
      const num = articleHeading(line.text);
      if (num !== undefined) {
        current = num;
        if (line.kind === '+') added.add(num);
        if (line.kind === '-') removed.add(num);
        continue;
      }
      if (line.kind === ' ' || !line.text.trim() || /^#/.test(line.text)) continue;
      if (current) touched.add(current);
      else unattributed++;
    }
  }
  if (unattributed > 0) {
    warnings.push({
      source: options.sourceId,
      path: options.path,
      message: `${unattributed} lignes changées avant tout titre d'article visible : non attribuées`,
    });
  }
  const id = (num: string) => articleId(code, undefined, num);
  const moved = new Set([...added].filter((num) => removed.has(num)));
  const changeSets: ChangeSet[] = [];
  const date = options.date ?? diff.toDate;
  if (date) {
    changeSets.push({
      code,
      date,
      amendingTexts: [],
      created: [...added].filter((n) => !moved.has(n)).map(id),
      modified: [...new Set([...touched, ...moved])]
        .filter((n) => !(added.has(n) && !moved.has(n)) && !(removed.has(n) && !moved.has(n)))
        .map(id),
      repealed: [...removed].filter((n) => !moved.has(n)).map(id),
      source: options.sourceId,
    });
  }
  return {
    info: {
      id: options.sourceId,
      kind: 'seed-diff',
      path: options.path,
      revision: contentHash(text),
      codes: [code],
      ...(date ? { date } : {}),
    },
    codes: [{ id: code, title }],
    articles: [],
    changeSets,
    warnings,
  };
}

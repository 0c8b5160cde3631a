/**
 * The search of a former number (« L. 122-14-3 ») opens the former article and offers, after it,
 * the articles that replaced it (`correspondence.ts`): the lawyer typing an old number from case
 * law finds the law in force in the same list.
 */
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import { replacementsOf } from '../../../corpus/model/correspondence.ts';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import type { Library } from '../data/library.ts';

/** An article found by its number, or one that replaced it (`replaces`: the former number). */
export type NumberEntry = ArticleCatalogEntry & { replaces?: string };

/** The entries found, each followed by the articles that replaced it (those not already listed). */
export async function withReplacements(library: Library, entries: readonly ArticleCatalogEntry[]): Promise<NumberEntry[]> {
  const listed = new Set(entries.map((entry) => entry.id));
  const out: NumberEntry[] = [];
  for (const entry of entries) {
    out.push(entry);
    const article = await library.article(entry.id).catch(() => undefined);
    for (const next of article ? replacementsOf(article) : []) {
      if (listed.has(next.id)) continue;
      const found = (await library.codeIndex(codeOfArticleId(next.id)).catch(() => undefined))?.catalog.get(next.id);
      if (!found) continue;
      listed.add(next.id);
      out.push({ ...found, replaces: entry.num });
    }
  }
  return out;
}

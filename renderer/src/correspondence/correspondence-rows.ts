/**
 * The table of correspondence as the page shows it: one row per former article with the new ones
 * that take it up (old → new), or one row per new article with the former ones (new → old),
 * filtered by a number typed as the texts write it (« L. 122-14 », « l122-14-3 », « 1232 »).
 */
import type { ArticleRef, CorrespondencePair } from '../../../corpus/model/correspondence.ts';

export type Direction = 'old-to-new' | 'new-to-old';

export interface CorrespondenceRow {
  from: ArticleRef;
  to: (ArticleRef & { parts?: string[] })[];
}

/** A number or a filter reduced to what identifies it: « L. 122-14-3 » and « l122-14-3 » are the same. */
export function numberKey(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s.*]/g, '')
    .replace(/[\u2010\u2011\u2013]/g, '-');
}

export function correspondenceRows(pairs: readonly CorrespondencePair[], direction: Direction, filter = ''): CorrespondenceRow[] {
  const rows = new Map<string, CorrespondenceRow>();
  for (const pair of pairs) {
    const [from, to] = direction === 'old-to-new' ? [pair.former, pair.current] : [pair.current, pair.former];
    let row = rows.get(from.id);
    if (!row) rows.set(from.id, (row = { from, to: [] }));
    row.to.push({ ...to, ...(pair.parts ? { parts: pair.parts } : {}) });
  }
  const key = numberKey(filter);
  const all = [...rows.values()].sort((a, b) => collator.compare(a.from.num, b.from.num));
  if (!key) return all;
  // A filter matches the start of a number of either column, or any part of it after its letter
  // (« 1232 » finds L1232-1), never the middle of a number (« 22-1 » is not L122-14-3).
  const matches = (num: string) => {
    const n = numberKey(num);
    return n.startsWith(key) || n.replace(/^[A-Z]+/, '').startsWith(key);
  };
  return all.filter((row) => matches(row.from.num) || row.to.some((ref) => matches(ref.num)));
}

const collator = new Intl.Collator('fr', { numeric: true });

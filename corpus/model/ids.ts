import type { ArticleId, CodeId } from './model.ts';

/** Removes diacritics: « sécurité » → « securite ». */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The id of a code from its title as any source writes it: `Code de la sécurité sociale.`,
 * `CODE DE LA SECURITE SOCIALE`, `code-de-la-securite-sociale` all give `code-de-la-securite-sociale`.
 */
export function codeIdFromTitle(title: string): CodeId {
  return foldAccents(title)
    .toLowerCase()
    .replace(/[’']/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Article identity: the LEGI id when known (it survives renumbering), else the number. */
export function articleId(code: CodeId, legiId: string | undefined, num: string): ArticleId {
  return legiId ? `${code}/${legiId}` : `${code}/num:${num}`;
}

/** `6743538` (lexlib file suffix) → `LEGIARTI000006743538`. */
export function legiArticleId(digits: string): string {
  return `LEGIARTI${digits.padStart(12, '0')}`;
}

/** What an article id says: its code, and its LEGI id or (for an article known by number only) its number. */
export type ParsedArticleId = { code: CodeId; legiId: string; num?: undefined } | { code: CodeId; num: string; legiId?: undefined };

/** The inverse of `articleId`; undefined for a string that is not an article id. */
export function parseArticleId(id: string): ParsedArticleId | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  const code = id.slice(0, slash);
  const rest = id.slice(slash + 1);
  if (rest.startsWith('num:')) return rest.length > 4 ? { code, num: rest.slice(4) } : undefined;
  return { code, legiId: rest };
}

/** The code of an article id (`code-de-la-securite-sociale/LEGIARTI…` → `code-de-la-securite-sociale`). */
export function codeOfArticleId(id: ArticleId): CodeId {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

/** The number of an article id known by number only (`c/num:L611-3` → `L611-3`), else undefined. */
export function numberOfArticleId(id: ArticleId): string | undefined {
  return parseArticleId(id)?.num;
}

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

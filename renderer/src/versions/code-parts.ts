/**
 * The part of a code an article belongs to, from its number: L (législative), R (décrets en Conseil
 * d'État), D (décrets simples), A (arrêtés and annexes). The change-date list filters on it.
 */
export type CodePart = 'L' | 'R' | 'D' | 'A' | 'autre';

export const CODE_PARTS: readonly { part: CodePart; label: string }[] = [
  { part: 'L', label: 'Partie législative (L)' },
  { part: 'R', label: 'Décrets en Conseil d’État (R)' },
  { part: 'D', label: 'Décrets (D)' },
  { part: 'A', label: 'Arrêtés et annexes (A)' },
];

export function partOfNumber(num: string): CodePart {
  // « LO111-3 » (loi organique) is législative.
  const letter = /^\*?([LRDA])O?\*?\s*\.?\s*\d/i.exec(num)?.[1]?.toUpperCase();
  if (letter === 'L' || letter === 'R' || letter === 'D' || letter === 'A') return letter;
  // « Annexe 1 à l'art. R611-21 », « Annexe (3) à l'art. A931-11-11 »: an annex.
  // « TABLEAU 10 b »: the tables of occupational diseases, an annex of the sécurité sociale.
  if (/^(annexe|tableau)/i.test(num)) return 'A';
  return 'autre';
}

/** Lower case without accents, for filters typed by a hurried user (« decret » finds « Décret »). */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

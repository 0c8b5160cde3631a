/**
 * Where an article's number puts it in its code's plan, and how section titles name the same
 * positions. French codes numbered « by plan » spell the position in the first integer:
 * - three digits, livre / titre / chapitre: L611-3 of the sécurité sociale is Livre VI, Titre I,
 *   Chapitre I; L122-14-3 of the former Code du travail (before 2008) is Livre I, Titre II,
 *   Chapitre II;
 * - four digits, partie / livre / titre / chapitre: L1232-1 of the Code du travail recodified in
 *   2008 is Première partie, Livre II, Titre III, Chapitre II.
 * A 0 is the « préliminaire » division (L320-4: Livre III, Titre II, Chapitre préliminaire). Only
 * numbers with a part letter and a dash are read so: the code civil's 1240 or the code général des
 * impôts' 150-0 A are not numbered by plan.
 */
import { foldAccents } from '../../model/ids.ts';
import type { SectionLevel } from '../../model/model.ts';

export type PlanLevel = Extract<SectionLevel, 'partie' | 'livre' | 'titre' | 'chapitre'>;

/** One division of the plan: « Livre II » is `{ level: 'livre', ordinal: 2 }`, a « préliminaire » one is 0. */
export interface PlanStep {
  level: PlanLevel;
  ordinal: number;
  /** « Chapitre IV bis », « Titre Ier ter »: a division inserted after its base; numbers never give one. */
  variant?: string;
}

const THREE: readonly PlanLevel[] = ['livre', 'titre', 'chapitre'];
const FOUR: readonly PlanLevel[] = ['partie', 'livre', 'titre', 'chapitre'];

/** The divisions the number spells, outermost first; empty when the code does not number by plan. */
export function planPosition(num: string): PlanStep[] {
  const match = /^(?:LO|L|R|D|A)\*?\s?(\d+)-\d/.exec(num);
  if (!match) return [];
  const digits = match[1]!;
  const levels = digits.length === 3 ? THREE : digits.length === 4 ? FOUR : undefined;
  if (!levels) return [];
  return levels.map((level, i) => ({ level, ordinal: Number(digits[i]) }));
}

/** « Première partie »…: index 0 is the « Partie préliminaire ». */
const PARTIE_WORDS = ['', 'première', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième'];
const FOLDED_PARTIE_WORDS = PARTIE_WORDS.map((w) => foldAccents(w));
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(text: string): number | undefined {
  if (!/^[IVXLC]+$/.test(text)) return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!]!;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const VARIANTS = '(bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|[A-H])';
/** On titles with accents folded and the first word in lower case: « livre Ier », « titre IV bis », « chapitre 1er », « chapitre PRELIMINAIRE ». */
const DIVISION = new RegExp(
  `^(livre|titre|chapitre)\\s+([Pp]reliminaire|PRELIMINAIRE|[IVXLC]+(?:er|ER)?|\\d+(?:er|ER)?)(?:\\s+${VARIANTS})?(?![A-Za-z0-9])`,
);
const PARTIE = /^(premiere|deuxieme|seconde|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme)\s+partie(?![a-z0-9])/i;
const PARTIE_PRELIMINAIRE = /^partie\s+preliminaire(?![a-z0-9])/i;

/** The division a section title names: « Livre Ier : Conventions… », « Chapitre préliminaire », « Titre IV bis », « Première partie : … ». */
export function sectionStep(title: string): PlanStep | undefined {
  const text = foldAccents(title.trim());
  if (PARTIE_PRELIMINAIRE.test(text)) return { level: 'partie', ordinal: 0 };
  const partie = PARTIE.exec(text);
  if (partie) {
    const word = partie[1]!.toLowerCase();
    return { level: 'partie', ordinal: word === 'seconde' ? 2 : FOLDED_PARTIE_WORDS.indexOf(word) };
  }
  const lowered = text.replace(/^\S+/, (word) => word.toLowerCase());
  // « Chapitre unique » holds the numbers of a first chapter (R421-1 of the mutualité).
  const unique = /^(livre|titre|chapitre)\s+unique(?![A-Za-z0-9])/i.exec(lowered);
  if (unique) return { level: unique[1]!.toLowerCase() as PlanLevel, ordinal: 1 };
  const division = DIVISION.exec(lowered);
  if (!division) return undefined;
  const level = division[1]!.toLowerCase() as PlanLevel;
  const rank = division[2]!.replace(/er$/i, '');
  const ordinal = /^preliminaire$/i.test(rank) ? 0 : /^\d+$/.test(rank) ? Number(rank) : romanValue(rank.toUpperCase());
  if (ordinal === undefined) return undefined;
  const step: PlanStep = { level, ordinal };
  const variant = division[3];
  if (variant) step.variant = /^[A-H]$/.test(variant) ? variant : variant.toLowerCase();
  return step;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) while (n >= value) [n, out] = [n - value, out + letters];
  return out;
}

/** The heading LEGI gives a division, without its title: « Livre Ier », « Chapitre préliminaire », « Deuxième partie ». */
export function stepHeading(step: PlanStep): string {
  if (step.level === 'partie') {
    if (step.ordinal === 0) return 'Partie préliminaire';
    const word = PARTIE_WORDS[step.ordinal];
    return word ? `${word[0]!.toUpperCase()}${word.slice(1)} partie` : `Partie ${step.ordinal}`;
  }
  const name = step.level[0]!.toUpperCase() + step.level.slice(1);
  const rank = step.ordinal === 0 ? 'préliminaire' : step.ordinal === 1 ? 'Ier' : roman(step.ordinal);
  return `${name} ${rank}${step.variant ? ` ${step.variant}` : ''}`;
}

/** Whether a section's division is the one a number spells (a « bis » division is not its base). */
export function sameStep(a: PlanStep, b: PlanStep): boolean {
  return a.level === b.level && a.ordinal === b.ordinal && (a.variant ?? '') === (b.variant ?? '');
}

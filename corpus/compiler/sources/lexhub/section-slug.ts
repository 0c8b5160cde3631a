/**
 * LexHub names its section folders with slugs of the real titles, accents and apostrophes lost:
 * `titre-vi-dispositions-relatives-aux-prestations-et-aux-soins-controle-medical-tutelle-aux-prestations-sociales`.
 * This rebuilds a readable title — « Titre VI : Dispositions relatives aux prestations et aux soins
 * contrôle médical tutelle aux prestations sociales » — as a fallback: the punctuation is gone for
 * good, and the words get their accents back from a vocabulary of the code's own texts.
 */
import { foldAccents } from '../../../model/ids.ts';
import type { SectionLevel } from '../../../model/model.ts';

/** LEGI's own titles of the parts of a code, as LexHub slugs them. */
const PART_TITLES: Record<string, string> = {
  'partie-legislative': 'Partie législative',
  'partie-reglementaire': 'Partie réglementaire',
  'partie-reglementaire-decrets-en-conseil-detat': "Partie réglementaire - Décrets en Conseil d'Etat",
  'partie-reglementaire-decrets-simples': 'Partie réglementaire - Décrets simples',
  'partie-reglementaire-arretes': 'Partie réglementaire - Arrêtés',
  'partie-arretes': 'Partie Arrêtés',
  annexes: 'Annexes',
};

const LEVELS: [prefix: string, level: SectionLevel, label: string][] = [
  ['sous-section-', 'sous-section', 'Sous-section'],
  ['partie-', 'partie', 'Partie'],
  ['livre-', 'livre', 'Livre'],
  ['titre-', 'titre', 'Titre'],
  ['chapitre-', 'chapitre', 'Chapitre'],
  ['section-', 'section', 'Section'],
  ['paragraphe-', 'paragraphe', 'Paragraphe'],
  ['sous-paragraphe-', 'other', 'Sous-paragraphe'],
];

const ROMAN = /^(?:m{0,3})(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;
const ORDINALS = new Set(['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'decies']);
const NAMED_NUMBERS: Record<string, string> = {
  preliminaire: 'préliminaire',
  liminaire: 'liminaire',
  unique: 'unique',
  premier: 'premier',
};
/** Elided articles and pronouns that LexHub glued to the next word: `dassurance` = « d'assurance ». */
const ELISIONS = ['qu', 'd', 'l', 'n', 's', 'j', 'c', 'm', 't'];

/** Accented spellings of the words of a code, learnt from its texts. */
export class Vocabulary {
  private readonly counts = new Map<string, Map<string, number>>();
  /** Only words whose folded form is wanted are counted (the words of the slugs). */
  constructor(private readonly wanted?: ReadonlySet<string>) {
    // Title words that article texts hardly ever use, so the texts cannot teach them.
    this.learn('généralités préliminaires réglementaire législative');
  }

  learn(text: string): void {
    for (const [word] of text.matchAll(/\p{L}+/gu)) {
      const lower = word.toLowerCase();
      // eslint-disable-next-line no-control-regex -- ASCII words need no folding (most of them)
      const folded = /[^\u0000-\u007f]/.test(lower) ? foldAccents(lower) : lower;
      if (this.wanted && !this.wanted.has(folded)) continue;
      let forms = this.counts.get(folded);
      if (!forms) this.counts.set(folded, (forms = new Map()));
      forms.set(lower, (forms.get(lower) ?? 0) + 1);
    }
  }

  /** The most frequent spelling of a folded word, when it was seen. */
  spell(folded: string): string | undefined {
    const forms = this.counts.get(folded);
    if (!forms) return undefined;
    let best: string | undefined;
    let bestCount = -1;
    for (const [form, count] of forms) {
      if (count > bestCount) [best, bestCount] = [form, count];
    }
    return best;
  }
}

/** Folded words a slug needs spelled (with the elided variants), to learn only those. */
export function slugWords(slug: string): string[] {
  const words: string[] = [];
  for (const token of slug.split('-')) {
    if (!/^[a-z]+$/.test(token)) continue;
    words.push(token);
    for (const prefix of ELISIONS) if (token.length > prefix.length + 1 && token.startsWith(prefix)) words.push(token.slice(prefix.length));
  }
  return words;
}

function spellWord(token: string, vocabulary: Vocabulary | undefined): string {
  if (!/^[a-z]+$/.test(token)) return token;
  const known = vocabulary?.spell(token);
  if (known) return known;
  // « dassurance » is no word: « d'assurance » is, when « assurance » starts with a vowel or h.
  for (const prefix of ELISIONS) {
    const rest = token.slice(prefix.length);
    if (token.startsWith(prefix) && rest.length >= 2 && /^[aeiouyh]/.test(rest)) {
      const spelled = vocabulary?.spell(rest);
      if (spelled) return `${prefix}'${spelled}`;
    }
  }
  return token;
}

function isNumberToken(token: string): boolean {
  return /^\d+(?:er)?$/.test(token) || token === 'ier' || (ROMAN.test(token) && token !== '') || token in NAMED_NUMBERS;
}

function formatNumber(token: string): string {
  if (/^\d/.test(token)) return token;
  if (token === 'ier') return 'Ier';
  if (token in NAMED_NUMBERS) return NAMED_NUMBERS[token]!;
  return token.toUpperCase();
}

export interface SlugTitle {
  title: string;
  level: SectionLevel;
  /** The section's number as a rank (`titre-vi` 6, `chapitre-1-bis` 1.02, `chapitre-preliminaire` 0), when it has one. */
  rank?: number;
}

function romanValue(token: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const value = values[token[i]!] ?? 0;
    const next = values[token[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function numberRank(token: string): number {
  if (/^\d/.test(token)) return Number.parseInt(token, 10);
  if (token === 'ier' || token === 'premier' || token === 'unique') return 1;
  if (token === 'preliminaire' || token === 'liminaire') return 0;
  return romanValue(token);
}

/** The title and level of a section folder slug. */
export function titleFromSlug(slug: string, vocabulary?: Vocabulary): SlugTitle {
  const part = PART_TITLES[slug];
  if (part) return { title: part, level: slug === 'annexes' ? 'other' : 'partie' };
  const entry = LEVELS.find(([prefix]) => slug.startsWith(prefix));
  if (!entry)
    return {
      title: sentence(
        slug
          .split('-')
          .map((t) => spellWord(t, vocabulary))
          .join(' '),
      ),
      level: 'other',
    };
  const [prefix, level, label] = entry;
  const tokens = slug.slice(prefix.length).split('-').filter(Boolean);
  let number = '';
  let rank: number | undefined;
  if (tokens.length > 0 && isNumberToken(tokens[0]!)) {
    const token = tokens.shift()!;
    number = formatNumber(token);
    rank = numberRank(token);
    while (tokens.length > 0 && ORDINALS.has(tokens[0]!)) {
      const ordinal = tokens.shift()!;
      number += ` ${ordinal}`;
      rank += ([...ORDINALS].indexOf(ordinal) + 2) / 100;
    }
  }
  const words = tokens.map((t) => spellWord(t, vocabulary)).join(' ');
  const head = number ? `${label} ${number}` : label;
  return { title: words ? `${head} : ${sentence(words)}` : head, level, ...(rank !== undefined ? { rank } : {}) };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

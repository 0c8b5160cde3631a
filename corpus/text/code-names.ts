/**
 * Code names in French legal text: « du code de la sécurité sociale », « du présent code »,
 * « du même code », « dudit code ». The list of titles comes from the caller (every French code,
 * from legi-data's index), so that a reference to a code outside the corpus is still recognised
 * as such, and not taken for one of the article's own code. Pure module.
 */
import { codeIdFromTitle } from '../model/ids.ts';
import type { CodeId } from '../model/model.ts';

/** A code as the caller knows it: its corpus id and its title. */
export interface KnownCode {
  id: CodeId;
  title: string;
}

/**
 * One place where a text names a code:
 * - `named`: a title, « du code de la sécurité sociale » (`code` set);
 * - `present`: « du présent code », the citing article's own code;
 * - `same`: « du même code », « dudit code », « ce code », « du code précité »: the code named
 *   last before it (the citing article's own code when none was);
 * - `unknown`: « code » followed by no known title (« du code de déontologie… », a misspelt title,
 *   or the common noun: « le code d'accès »).
 */
export interface CodeMention {
  kind: 'named' | 'present' | 'same' | 'unknown';
  /** Start of the phrase, its determiner included: the `d` of « du code… », of « dudit code ». */
  start: number;
  /** End (exclusive) of the phrase: after the title for `named`, after « code » otherwise. */
  end: number;
  code?: CodeId;
}

export interface CodeNameMatcher {
  /** Every code mention of a text, in text order. */
  findMentions(text: string): CodeMention[];
  /** The code a title names (`Code du travail`, `code du travail`), when known. */
  codeOfTitle(title: string): CodeId | undefined;
  /** A quick test: false when the text cannot mention a code (no « code », no other title's first word). */
  mayMention(text: string): boolean;
}

/**
 * A title as it is written in running text: `Code général des impôts, CGI.` → `Code général des
 * impôts` (but `Code général des impôts, annexe 4`), `Code de la route.` → `Code de la route`, `Code forestier (nouveau)` → `Code forestier`.
 */
export function cleanCodeTitle(title: string): string {
  return title
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/[\s.]+$/, '')
    .replace(/,\s*[A-Z0-9]+$/, '') // `, CGI`, `, CGIAN4`: abbreviations, never written in the texts
    .replace(/[\s.]+$/, '')
    .trim();
}

/**
 * One character folded for title matching: lower case, no accent, one apostrophe, one space. Maps
 * one UTF-16 unit to one, so positions in the folded text are positions in the original.
 */
function foldChar(c: string): string {
  if (c === '’' || c === 'ʼ') return "'";
  if (/\s/.test(c)) return ' ';
  const base = c.normalize('NFD')[0] ?? c;
  return base.toLowerCase();
}

const FOLD_CACHE = new Map<string, string>();
function fold(c: string): string {
  let f = FOLD_CACHE.get(c);
  if (f === undefined) {
    f = foldChar(c);
    FOLD_CACHE.set(c, f);
  }
  return f;
}

function foldText(text: string): string {
  let out = '';
  for (const c of text) out += c.length === 1 ? fold(c) : c;
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  code?: CodeId;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Determiners before « code », read backwards from it: « du », « de la », « au », « dudit »… */
const DETERMINER_BEFORE =
  /(?:(?<!\p{L})(?:du|des|au|aux|le|la|les|de\s+ce\s+dernier|ce\s+dernier|ce|de\s+ce|à\s+ce|dudit|audit|ledit|de\s+la|de\s+l['’]|à\s+la|par\s+le)\s+(?:(?:présent|même|nouveau|ancien)\s+)?)$/iu;
const PRESENT_BEFORE = /\bprésent\s+$/iu;
const SAME_BEFORE = /(?:\bmême\s+|\b(?:dudit|audit|ledit)\s+|\b[cC]e\s+(?:dernier\s+)?)$/u;
/** « du code précité », « dudit code susvisé »: the code named before. */
const SAME_AFTER = /^\s+(?:précité|susvisé|susmentionné)(?![\p{L}\p{N}])/iu;

/** Words a title can lose or gain in running text without naming another code. */
const LOOSE_STOP_WORDS = new Set(['de', 'la', 'le', 'les', 'des', 'du', 'd', 'l', 'et', 'au', 'aux', 'a', 'en']);

/** A word for loose matching: folded, singular. */
function looseWord(word: string): string {
  return word.length > 3 ? word.replace(/[sx]$/, '') : word;
}

/**
 * The loose key of a folded title: its content words, singular (« code de sécurité sociale »,
 * « Code la Sécurité sociale », « code des assurance » all give `code securite sociale` or
 * `code assurance`). Used only when no title matches exactly: the texts misspell titles.
 */
function looseKey(folded: string): string {
  return folded
    .split(/[\s']+/)
    .filter((w) => w && !LOOSE_STOP_WORDS.has(w))
    .map(looseWord)
    .join(' ');
}

export function createCodeNameMatcher(codes: Iterable<KnownCode | string>): CodeNameMatcher {
  const root: TrieNode = { next: new Map() };
  const byTitle = new Map<string, CodeId>();
  const byLooseKey = new Map<string, CodeId>();
  let longestLooseKey = 0;
  /** First words of the titles that are no « Code … »: `livre` (des procédures fiscales). */
  const otherFirstWords = new Set<string>();
  for (const entry of codes) {
    const title = cleanCodeTitle(typeof entry === 'string' ? entry : entry.title);
    const id = typeof entry === 'string' ? codeIdFromTitle(title) : entry.id;
    const key = foldText(title);
    if (byTitle.has(key)) continue; // first wins
    const first = key.split(' ')[0];
    if (first && first !== 'code') otherFirstWords.add(first);
    byTitle.set(key, id);
    const loose = looseKey(key);
    if (!byLooseKey.has(loose)) byLooseKey.set(loose, id);
    longestLooseKey = Math.max(longestLooseKey, loose.split(' ').length);
    let node = root;
    for (const c of key) {
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    node.code = id;
  }

  /** The longest known title starting at `at` and ending at a word boundary. */
  function matchTitle(text: string, at: number): { code: CodeId; end: number } | undefined {
    let node: TrieNode | undefined = root;
    let best: { code: CodeId; end: number } | undefined;
    for (let i = at; i < text.length && node; i++) {
      node = node.next.get(fold(text[i] ?? ''));
      if (node?.code !== undefined && !WORD_CHAR.test(text[i + 1] ?? ' ')) best = { code: node.code, end: i + 1 };
    }
    return best ?? matchLooseTitle(text, at);
  }

  /** The longest title whose content words are the words starting at `at` (stop words aside). */
  function matchLooseTitle(text: string, at: number): { code: CodeId; end: number } | undefined {
    const words = /[\p{L}\p{N}]+/guy;
    const gap = /[\s'’-]*/uy;
    let pos = at;
    let key = '';
    let count = 0;
    let best: { code: CodeId; end: number } | undefined;
    while (count < longestLooseKey) {
      words.lastIndex = pos;
      const word = words.exec(text);
      if (!word) break;
      pos = word.index + word[0].length;
      const folded = foldText(word[0]);
      if (!LOOSE_STOP_WORDS.has(folded)) {
        key = key ? `${key} ${looseWord(folded)}` : looseWord(folded);
        count++;
        const code = byLooseKey.get(key);
        if (code !== undefined) best = { code, end: pos };
      }
      gap.lastIndex = pos;
      pos += gap.exec(text)?.[0].length ?? 0;
      if (text[pos - 1] === '-' && text[pos - 2] === ' ') break; // « code X - art. »: a dash ends it
    }
    return best;
  }

  const others = [...otherFirstWords].map((w) => w.replace(/[^a-z0-9' ]/g, '.')).join('|');
  /** « code » as a word, or the first word of another title. */
  const titleWord = new RegExp(`(?<![\\p{L}\\p{N}])(?:codes?${others ? `|${others}` : ''})(?![\\p{L}\\p{N}])`, 'giu');

  function findMentions(text: string): CodeMention[] {
    const mentions: CodeMention[] = [];
    for (const m of text.matchAll(titleWord)) {
      const at = m.index;
      if (!/^codes?$/i.test(m[0])) {
        // « du livre des procédures fiscales »: a title or nothing (« livre Ier du présent code »).
        const title = matchTitle(text, at);
        if (title) {
          const determiner = DETERMINER_BEFORE.exec(text.slice(Math.max(0, at - 30), at));
          mentions.push({ kind: 'named', start: determiner ? at - determiner[0].length : at, end: title.end, code: title.code });
        }
        continue;
      }
      const before = text.slice(Math.max(0, at - 30), at);
      const determiner = DETERMINER_BEFORE.exec(before);
      const start = determiner ? at - determiner[0].length : at;
      const plural = m[0].length === 5;
      if (!plural && PRESENT_BEFORE.test(before)) {
        mentions.push({ kind: 'present', start, end: at + 4 });
        continue;
      }
      if (!plural && SAME_BEFORE.test(before)) {
        mentions.push({ kind: 'same', start, end: at + 4 });
        continue;
      }
      const title = plural ? undefined : matchTitle(text, at);
      if (title) {
        mentions.push({ kind: 'named', start, end: title.end, code: title.code });
        continue;
      }
      const same = SAME_AFTER.exec(text.slice(at + m[0].length, at + m[0].length + 20));
      if (same) mentions.push({ kind: 'same', start, end: at + m[0].length + same[0].length });
      else mentions.push({ kind: 'unknown', start, end: at + m[0].length });
    }
    return mentions;
  }

  function codeOfTitle(title: string): CodeId | undefined {
    return byTitle.get(foldText(cleanCodeTitle(title)));
  }

  const quickTest = new RegExp(`code${others ? `|${others}` : ''}`, 'i');
  function mayMention(text: string): boolean {
    return quickTest.test(text);
  }

  return { findMentions, codeOfTitle, mayMention };
}

/**
 * Paragraphs rebuilt exactly from wrapped source lines, and the one canonical form of a paragraph
 * that every source importer uses, so that the same text from two sources compares equal.
 *
 * The lexlib files wrap long lines at about 120 characters. The wrapper consumes the space where it
 * breaks, and it also breaks right after the hyphen of a hyphenated word (« non-\nagricoles »), so
 * undoing the wrap is not always « join with a space ». The rules below were checked against the
 * Archéo Lex diff of the whole Code de la sécurité sociale (seed 002, one line per paragraph):
 * see `paragraphs.test.ts` and the seed 002 check of `corpus/compiler/sources/lexlib/lexlib-securite-sociale.test.ts`.
 *
 * Pure: no platform imports.
 */

/** Canonical list dash. Lexlib writes « ― » (U+2015) where Légifrance writes « - ». */
const HORIZONTAL_BAR = /\u2015/g;
/** Any run of whitespace, including no-break spaces and tabs. */
const WHITESPACE_RUN = /[\s\u00a0\u202f]+/g;

/**
 * The canonical form of one paragraph:
 * - « ― » (U+2015) becomes « - »: lexlib and Archéo Lex both write it in some articles where
 *   Légifrance and LexHub write « - », and the dash carries no meaning of its own;
 * - every run of whitespace (spaces, tabs, no-break spaces, line breaks) becomes one space;
 * - leading and trailing whitespace is removed.
 *
 * A space before punctuation is kept (« responsables , dans » stays so): it is in the LEGI text
 * itself (Archéo Lex prints « responsables , dans » too); removing it would change the text that
 * the reader quotes and that annotations anchor on, and only runs are an artefact of the sources.
 */
export function normalizeParagraph(text: string): string {
  return text.replace(HORIZONTAL_BAR, '-').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Whether the wrapper broke a line right after the hyphen of a hyphenated word, so that the next
 * line continues the same word with no space: « non-\nagricoles », « ci-\ndessus », « 2-\nméthylaniline »,
 * « N'-\nphénylparaphénylène ». Checked on every line of the sécurité sociale lexlib tree that ends
 * with a hyphen, against the unwrapped LexHub text of the same articles: after a letter, a digit or an
 * apostrophe the hyphen is part of a word (303 + 8 cases, none followed by a space in LexHub); after a
 * space or a punctuation mark it is a dash that the consumed space followed (« I. -\nPour »,
 * « ; -\nemploi », « chrome ;-\npréparation »: 23 cases).
 */
export function isHyphenWrap(line: string, next: string): boolean {
  return /[\p{L}\p{N}'’]-$/u.test(line) && /^[\p{L}\p{N}]/u.test(next);
}

/** Joins the wrapped lines of one paragraph back into its text (not yet normalized). */
export function unwrapLines(lines: readonly string[]): string {
  // Parts joined once at the end: growing one string and reading its end would flatten it each time.
  const parts: string[] = [];
  let previous: string | undefined;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (previous === undefined) parts.push(line);
    else {
      const start = line.trimStart();
      parts.push(isHyphenWrap(previous, start) ? start : ' ' + start);
    }
    previous = line;
  }
  return parts.join('');
}

/** A line with nothing but whitespace separates paragraphs. */
export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

/**
 * Rebuilds the paragraphs of a text from its wrapped lines: a blank line ends a paragraph, the lines
 * in between are unwrapped (see `isHyphenWrap`) and normalized (see `normalizeParagraph`).
 * Empty paragraphs are dropped.
 */
export function rebuildParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const text = normalizeParagraph(unwrapLines(current));
    if (text) paragraphs.push(text);
    current = [];
  };
  for (const line of lines) {
    if (isBlankLine(line)) flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

/**
 * What makes two versions' texts the same: their paragraphs, in the canonical form above, and their
 * NOTA. The lexlib importer leaves the NOTA out: a commit that changes only the NOTA is not a new
 * version there (the version keeps the latest NOTA).
 */
export function textKey(text: { paragraphs: readonly string[]; nota?: readonly string[] }): string {
  return JSON.stringify([text.paragraphs, text.nota ?? []]);
}

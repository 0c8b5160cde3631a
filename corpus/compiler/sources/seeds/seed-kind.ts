/**
 * What kind of document a seed file is, from its content (so `--source file` works for any such
 * file, whatever its name):
 * - `seed-diff`: an Archéo Lex diff page (`@@ -16696,9 +16696,9 @@` hunks, `La précédente version était …`);
 * - `seed-code`: a whole code (`# Code de la mutualité` then `Version Consolidée au 1986-12-31`);
 * - `seed-article`: one lexlib article (`# Article L611-3`, markdown paragraphs);
 * - `lexhub-article`: one LexHub article (`# Article L160-17` then HTML: seed 004), for the LexHub parser;
 * - undefined: none of these.
 */
export type SeedKind = 'seed-article' | 'seed-code' | 'seed-diff' | 'lexhub-article';

export function detectSeedKind(text: string): SeedKind | undefined {
  const head = text.slice(0, 20_000);
  if (/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m.test(head) || /^La précédente version était la version consolidée au /m.test(head))
    return 'seed-diff';
  const lines = head.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return undefined;
  const title = lines[first]!.trim();
  if (/^#\s+Code\b/i.test(title) && lines.slice(first + 1, first + 4).some((line) => /^Version Consolidée au /i.test(line.trim())))
    return 'seed-code';
  if (/^#{1,6}\s+Article\s+\S/.test(title)) {
    const body = lines.slice(first + 1).join('\n');
    return /^\s*<(p|div|table|br)\b/im.test(body) ? 'lexhub-article' : 'seed-article';
  }
  return undefined;
}

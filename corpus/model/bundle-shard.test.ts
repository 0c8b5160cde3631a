import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Article } from './model.ts';
import { checkMemberOffsets, encodeShard, memberArticleRanges, memberOffsets, shardMembers } from './bundle-shard.ts';

const article = (id: string, text: string): Article => ({
  id,
  code: 'code-de-la-securite-sociale',
  num: id.slice(id.indexOf(':') + 1),
  versions: [{ validFrom: '1985-06-25', status: 'VIGUEUR', paragraphs: [text], links: [], references: [], sources: ['seeds'] }],
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** The articles read back one by one from their byte ranges. */
function readBack(encoded: Uint8Array, first = true, last = true): Article[] | undefined {
  const ranges = memberArticleRanges(encoded, first, last);
  if (!ranges) return undefined;
  const articles: Article[] = [];
  for (let i = 0; i < ranges.length; i += 2)
    articles.push(JSON.parse(new TextDecoder().decode(encoded.subarray(ranges[i], ranges[i + 1]))));
  return articles;
}

describe('article shards, one article per line', () => {
  const articles = [
    article('css/num:L611-3', 'Les caisses\nmutuelles « régionales » sont responsables…'),
    article('css/num:L611-20', 'La Caisse nationale'),
    article('css/num:L611-4', 'Dernier, '),
  ];

  it('are still a JSON array any reader parses', () => {
    expect(JSON.parse(encodeShard(articles))).toEqual(articles);
    expect(JSON.parse(encodeShard([]))).toEqual([]);
  });

  it('give each article its own line, even one whose text holds line breaks and accents', () => {
    expect(readBack(bytes(encodeShard(articles)))).toEqual(articles);
    expect(readBack(bytes(encodeShard(articles.slice(0, 1))))).toEqual(articles.slice(0, 1));
    expect(readBack(bytes(encodeShard([])))).toEqual([]);
  });

  it('refuse a shard laid out otherwise', () => {
    expect(memberArticleRanges(bytes(JSON.stringify(articles)), true, true)).toBeUndefined();
    expect(memberArticleRanges(bytes('[\n{"id":1}\n{"id":2}\n]'), true, true)).toBeUndefined();
    expect(memberArticleRanges(bytes('[\n{"id":1},\n{"id":2},\n]'), true, true)).toBeUndefined();
    expect(memberArticleRanges(bytes('{"articles": []}'), true, true)).toBeUndefined();
    expect(memberArticleRanges(bytes(''), true, true)).toBeUndefined();
    // A member in the middle that does not end after a comma and a line break was cut.
    expect(memberArticleRanges(bytes('{"id":1},\n{"id":2}'), false, false)).toBeUndefined();
  });
});

describe('shards as gzip members of a few articles', () => {
  const many = Array.from({ length: 7 }, (_, i) => article(`css/num:L${i}`, `Alinéa ${i}\n« suite »`));

  it('join into the whole shard, and any gzip reader gets the whole array', () => {
    const members = shardMembers(many, 3);
    expect(members).toHaveLength(3);
    expect(members.join('')).toBe(encodeShard(many));
    const file = Buffer.concat(members.map((text) => gzipSync(text)));
    expect(JSON.parse(gunzipSync(file).toString('utf8'))).toEqual(many);
  });

  it('let each member be inflated alone, by its offsets, and read article by article', () => {
    const compressed = shardMembers(many, 3).map((text) => gzipSync(text));
    const file = Buffer.concat(compressed);
    const offsets = memberOffsets(compressed.map((m) => m.length));
    expect(checkMemberOffsets(offsets, file.length, many.length, 3)).toBeUndefined();
    const read: Article[] = [];
    for (let m = 0; m < 3; m++) {
      const member = gunzipSync(file.subarray(offsets[m], offsets[m + 1]));
      const articles = readBack(member, m === 0, m === 2);
      expect(articles, `morceau ${m}`).toHaveLength(m === 2 ? 1 : 3);
      read.push(...articles!);
    }
    expect(read).toEqual(many);
  });

  it('refuse offsets that do not fit the file or the articles', () => {
    expect(checkMemberOffsets([0, 10, 20], 21, 6, 3)).toBe('le fichier fait 21 octets, l’index en annonce 20');
    expect(checkMemberOffsets([0, 20], 20, 6, 3)).toBe('1 morceaux au lieu de 2');
    expect(checkMemberOffsets([0, 0, 20], 20, 6, 3)).toBe('morceau 0 vide ou à rebours');
    expect(checkMemberOffsets([0, 20], 20, 0, 3)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Article } from './model.ts';
import { encodeShard, shardLineRanges } from './bundle-shard.ts';

const article = (id: string, text: string): Article => ({
  id,
  code: 'code-de-la-securite-sociale',
  num: id.slice(id.indexOf(':') + 1),
  versions: [{ validFrom: '1985-06-25', status: 'VIGUEUR', paragraphs: [text], links: [], references: [], sources: ['seeds'] }],
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** The articles read back one by one from their byte ranges. */
function readBack(encoded: Uint8Array): Article[] | undefined {
  const ranges = shardLineRanges(encoded);
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
    expect(shardLineRanges(bytes(JSON.stringify(articles)))).toBeUndefined();
    expect(shardLineRanges(bytes('[\n{"id":1}\n{"id":2}\n]'))).toBeUndefined();
    expect(shardLineRanges(bytes('{"articles": []}'))).toBeUndefined();
    expect(shardLineRanges(bytes(''))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Article } from './model.ts';
import { encodeShard, shardLines } from './bundle-shard.ts';

const article = (id: string, text: string): Article => ({
  id,
  code: 'code-de-la-securite-sociale',
  num: id.slice(id.indexOf(':') + 1),
  versions: [{ validFrom: '1985-06-25', status: 'VIGUEUR', paragraphs: [text], links: [], references: [], sources: ['seeds'] }],
});

describe('article shards, one article per line', () => {
  const articles = [article('css/num:L611-3', 'Les caisses\nmutuelles « régionales »…'), article('css/num:L611-20', 'La Caisse nationale')];

  it('are still a JSON array any reader parses', () => {
    expect(JSON.parse(encodeShard(articles))).toEqual(articles);
    expect(JSON.parse(encodeShard([]))).toEqual([]);
  });

  it('give each article its own line, even one whose text holds line breaks', () => {
    const lines = shardLines(encodeShard(articles));
    expect(lines?.map((line) => JSON.parse(line) as Article)).toEqual(articles);
    expect(shardLines(encodeShard([]))).toEqual([]);
  });

  it('refuse a shard laid out otherwise', () => {
    expect(shardLines(JSON.stringify(articles))).toBeUndefined();
    expect(shardLines('[\n{"id":1}\n{"id":2}\n]')).toBeUndefined();
    expect(shardLines('{"articles": []}')).toBeUndefined();
  });
});

/**
 * How an article shard (`codes/<code>/articles-<n>.json.gz`, 250 articles with all their versions)
 * is laid out inside its gzip: a JSON array with one article per line,
 *
 *   [
 *   {"id":"…",…},
 *   {"id":"…",…}
 *   ]
 *
 * still a plain JSON array for any reader, but one whose articles the host can take one by one: it
 * decompresses the shard and parses only the line of the article asked for. Parsing whole shards
 * was most of the cost of a burst of reads (2,000 random articles touch all 142 shards: 213 million
 * characters of JSON to parse, for 2,000 articles used).
 */
import type { Article } from './model.ts';

export function encodeShard(articles: readonly Article[]): string {
  return `[\n${articles.map((article) => JSON.stringify(article)).join(',\n')}\n]`;
}

/**
 * The shard's article lines, in order (each still JSON text), or undefined when the text is not
 * laid out so (a damaged file, or one written otherwise).
 */
export function shardLines(text: string): string[] | undefined {
  if (!text.startsWith('[\n') || !text.endsWith('\n]')) return undefined;
  const body = text.slice(2, -2);
  if (body === '') return [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (!line.endsWith(',')) return undefined;
    lines[i] = line.slice(0, -1);
  }
  return lines;
}

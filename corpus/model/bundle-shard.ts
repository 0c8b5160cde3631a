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
 * decompresses the shard, finds its line breaks, and decodes and parses only the line of the
 * article asked for. Decoding and parsing whole shards was most of the cost of a burst of reads
 * (2,000 random articles touch all 142 shards: 213 million characters, for 2,000 articles used).
 */
import type { Article } from './model.ts';

const NEWLINE = 0x0a;
const COMMA = 0x2c;

export function encodeShard(articles: readonly Article[]): string {
  return `[\n${articles.map((article) => JSON.stringify(article)).join(',\n')}\n]`;
}

/**
 * Where each article's JSON is in the shard's bytes (UTF-8): `[start, end)` pairs, in order; or
 * undefined when the bytes are not laid out so (a damaged file, or one written otherwise). A line
 * break never occurs inside a JSON string (it is written `\n`) nor inside a UTF-8 sequence.
 */
export function shardLineRanges(bytes: Uint8Array): Int32Array | undefined {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== 0x5b || bytes[1] !== NEWLINE || bytes[n - 2] !== NEWLINE || bytes[n - 1] !== 0x5d) return undefined;
  if (n === 4) return new Int32Array(0);
  const ranges: number[] = [];
  let start = 2;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === n - 2) {
      ranges.push(start, end);
      return Int32Array.from(ranges);
    }
    // Every line but the last ends with the comma between two articles.
    if (end < 0 || bytes[end - 1] !== COMMA) return undefined;
    ranges.push(start, end - 1);
    start = end + 1;
  }
}

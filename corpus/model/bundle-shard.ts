/**
 * How an article shard (`codes/<code>/articles-<n>.json.gz`, 250 articles with all their versions)
 * is laid out. Once decompressed, it is a JSON array with one article per line,
 *
 *   [
 *   {"id":"…",…},
 *   {"id":"…",…}
 *   ]
 *
 * compressed as a series of gzip members of `ARTICLES_PER_MEMBER` lines each, one after the other:
 * any gzip reader still gets the whole array, while the host, knowing where each member starts
 * (the code's `shards.json`, a `ShardIndex`), inflates only the member that holds the article asked
 * for, then decodes and parses only that article's line.
 *
 * Why: inflating whole shards was most of the cost of a burst of reads. 2,000 random articles touch
 * all 142 shards of the default corpus (218 MB of JSON, for 12 MB of articles used), and a cache of
 * a few shards cannot hold them: the burst inflated about 2.8 GB, 6 s of CPU. Members of 16
 * articles still made each read inflate about 98 kB (articles average 6 kB, up to 2 MB), and that
 * inflation was still about a third of the host’s CPU for a burst over HTTP. Members of 4 inflate
 * about 25 kB a read, for shards a quarter larger (35.1 MB instead of 28.1 MB for the 45,000
 * articles of the default corpus; members of 1 would be nearly twice as large: the articles are
 * small, deflate needs a few of them to find its repeats). A shared deflate dictionary would win
 * the size back, but the shard would no longer be plain gzip.
 */
import type { Article } from './model.ts';

/** Articles per gzip member (see above for the trade-off). */
export const ARTICLES_PER_MEMBER = 4;

/** Where the members of each shard of a code start: `codes/<code>/shards.json`, read by the host only. */
export interface ShardIndex {
  articlesPerMember: number;
  /** Shard path → byte offsets of its members in the file, then the file's size (members + 1 numbers). */
  shards: Record<string, number[]>;
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The whole shard's text, as any reader of the gzip gets it. */
export function encodeShard(articles: readonly Article[]): string {
  return shardMembers(articles).join('');
}

/** The shard's text cut into the pieces compressed one by one (joined, they are `encodeShard`). */
export function shardMembers(articles: readonly Article[], perMember = ARTICLES_PER_MEMBER): string[] {
  const lines = articles.map((article) => JSON.stringify(article));
  if (lines.length === 0) return ['[\n\n]'];
  const members: string[] = [];
  for (let start = 0; start < lines.length; start += perMember) {
    const last = start + perMember >= lines.length;
    members.push(`${start === 0 ? '[\n' : ''}${lines.slice(start, start + perMember).join(',\n')}${last ? '\n]' : ',\n'}`);
  }
  return members;
}

/** Offsets of members of these sizes, then the total (what `ShardIndex.shards` holds). */
export function memberOffsets(sizes: readonly number[]): number[] {
  const offsets = [0];
  for (const size of sizes) offsets.push(offsets[offsets.length - 1]! + size);
  return offsets;
}

/**
 * Whether a shard's offsets fit its file and its articles: they start at 0, grow, end at the
 * file's size, and there is one member per `perMember` articles. A problem is said in French.
 */
export function checkMemberOffsets(offsets: readonly number[], fileSize: number, articles: number, perMember: number): string | undefined {
  const members = Math.max(1, Math.ceil(articles / perMember));
  if (offsets.length !== members + 1) return `${offsets.length - 1} morceaux au lieu de ${members}`;
  if (offsets[0] !== 0 || offsets[members] !== fileSize)
    return `le fichier fait ${fileSize} octets, l’index en annonce ${offsets[members]}`;
  for (let i = 1; i <= members; i++) if (offsets[i]! <= offsets[i - 1]!) return `morceau ${i - 1} vide ou à rebours`;
  return undefined;
}

/**
 * Where each article's JSON is in a decompressed member (UTF-8): `[start, end)` pairs, in order;
 * or undefined when the bytes are not laid out so (a damaged file, or one written otherwise).
 * `first` and `last` say whether the member opens and closes the shard's array. The whole shard,
 * decompressed at once, is one member both first and last. A line break never occurs inside a
 * JSON string (it is written `\n`) nor inside a UTF-8 sequence.
 */
export function memberArticleRanges(bytes: Uint8Array, first: boolean, last: boolean): Int32Array | undefined {
  const n = bytes.length;
  let start = 0;
  if (first) {
    if (n < 2 || bytes[0] !== OPEN_BRACKET || bytes[1] !== NEWLINE) return undefined;
    start = 2;
  }
  let end = n;
  if (last) {
    if (n - start < 2 || bytes[n - 2] !== NEWLINE || bytes[n - 1] !== CLOSE_BRACKET) return undefined;
    end = n - 2;
    // An empty shard: `[\n\n]`.
    if (end === start) return new Int32Array(0);
  }
  const ranges: number[] = [];
  while (start < end) {
    let lineEnd = bytes.indexOf(NEWLINE, start);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    // Every article but the shard's last is followed by the comma between two articles.
    const closing = last && lineEnd === end;
    const stop = closing ? lineEnd : lineEnd - 1;
    if (!closing && (lineEnd === end || bytes[stop] !== COMMA)) return undefined;
    if (stop - start < 2 || bytes[start] !== OPEN_BRACE || bytes[stop - 1] !== CLOSE_BRACE) return undefined;
    ranges.push(start, stop);
    start = lineEnd + 1;
  }
  return Int32Array.from(ranges);
}

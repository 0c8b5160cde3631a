/**
 * Serving files from a folder by URL path, shared by the `palimpseste://` protocol handler and the
 * web edition's HTTP host. The path comes from a page that may be hostile (corpus HTML is untrusted),
 * so a request may never reach a file outside its root: `../`, `%2e%2e`, encoded slashes and
 * backslashes, NUL bytes and symbolic links pointing out of the root are all refused.
 *
 * Files are streamed, never read whole into memory (100 readers of the 9 MB search index once took
 * the host from 130 MB to 991 MB), and carry an ETag: a client that has the file gets a 304.
 * The caller may check a file before it is served (the corpus's checksums: `verify`).
 */
import { createReadStream, type Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { securityHeaders } from './security-headers.ts';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
};

export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedPath = { ok: true; file: string; info: Stats } | { ok: false; status: 400 | 403 | 404; reason: string };

function refused(status: 400 | 403 | 404, reason: string): ResolvedPath {
  return { ok: false, status, reason };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** realpath, or undefined when the file does not exist. */
async function realpathOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch {
    return undefined;
  }
}

/**
 * The file a URL path names inside `root`. `urlPath` is the raw, still percent-encoded path below the
 * mount point (`/assets/index-abc.js`), without query or fragment. A path ending in `/` names the
 * folder's `index.html`.
 */
export async function resolveStaticPath(root: string, urlPath: string): Promise<ResolvedPath> {
  // Checked on the raw text, before any decoding: these have no business in a path of ours.
  if (urlPath.includes('\0') || /%00/i.test(urlPath)) return refused(400, 'NUL byte in path');
  if (urlPath.includes('\\') || /%(2f|5c)/i.test(urlPath)) return refused(400, 'encoded slash or backslash in path');
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refused(400, 'malformed percent-encoding');
    }
    // `..` in any spelling (`%2e%2e`, `.%2E`) once decoded; also hidden files (`.git`): never ours.
    if (segment.startsWith('.')) return refused(403, `dot segment refused: ${segment}`);
    if (segment.includes('\0') || segment.includes('/') || segment.includes('\\')) return refused(400, 'forbidden character in path');
    segments.push(segment);
  }
  if (urlPath === '' || urlPath.endsWith('/')) segments.push('index.html');

  const realRoot = await realpathOrUndefined(root);
  if (realRoot === undefined) return refused(404, `root folder missing: ${root}`);
  const candidate = path.join(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return refused(403, 'path outside the root');
  let real = await realpathOrUndefined(candidate);
  if (real === undefined) return refused(404, 'no such file');
  // A symbolic link inside the root may point anywhere: judge where it really leads.
  if (!isInside(realRoot, real)) return refused(403, 'symbolic link leading outside the root');
  let info = await stat(real);
  if (info.isDirectory()) {
    real = await realpathOrUndefined(path.join(real, 'index.html'));
    if (real === undefined) return refused(404, 'folder without index.html');
    if (!isInside(realRoot, real)) return refused(403, 'symbolic link leading outside the root');
    info = await stat(real);
  }
  if (!info.isFile()) return refused(404, 'not a file');
  return { ok: true, file: real, info };
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  /** A short answer (a message), in memory. */
  body?: Uint8Array;
  /** A file to stream as the body (`openBody`): the absolute path of the file served. */
  file?: string;
}

/** The response's body as a stream (a file) or bytes; undefined when it has none (304). */
export function openBody(response: StaticResponse): Readable | Uint8Array | undefined {
  if (response.file !== undefined) return createReadStream(response.file, { highWaterMark: 256 * 1024 });
  return response.body;
}

/** The whole body, read (for tests and small answers). */
export async function readBody(response: StaticResponse): Promise<Uint8Array> {
  if (response.file !== undefined) return new Uint8Array(await readFile(response.file));
  return response.body ?? new Uint8Array();
}

/** Changes whenever the file is rewritten (size, modification time or inode). */
export function entityTag(info: Stats): string {
  return `"${info.size.toString(16)}-${Math.round(info.mtimeMs * 1000).toString(16)}-${info.ino.toString(16)}"`;
}

/** Whether an `If-None-Match` header names this tag (a list, weak tags, or `*`). */
export function matchesEntityTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === tag;
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Requête invalide.',
  403: 'Accès refusé.',
  404: 'Fichier introuvable.',
};

/** A plain-text answer with the same security headers as every file. */
export function textResponse(status: number, text: string): StaticResponse {
  const body = new TextEncoder().encode(text);
  return {
    status,
    headers: {
      ...securityHeaders(),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'no-store',
    },
    body,
  };
}

/** A file found but not to be served: the status and the French message to answer instead. */
export interface Refusal {
  status: number;
  message: string;
}

export interface ServeOptions {
  /**
   * Answer `index.html` for a missing path whose last segment has no extension (`/lire/L611-3`):
   * in-app locations are then real URLs that survive a reload.
   */
  appFallback?: boolean;
  /** The request's `If-None-Match` header: a 304 when it names the file's current ETag. */
  ifNoneMatch?: string | undefined;
  /**
   * Checked before the file is served (`relative`: its path below the root, with `/`): a refusal
   * is answered instead of the file. The corpus checks the file against its manifest this way.
   */
  verify?: (relative: string, info: Stats) => Promise<Refusal | undefined>;
}

/** The response for `urlPath` inside `root`: the file with its MIME type and the security headers, or an error. */
export async function serveStatic(root: string, urlPath: string, options: ServeOptions = {}): Promise<StaticResponse> {
  let resolved = await resolveStaticPath(root, urlPath);
  if (!resolved.ok && resolved.status === 404 && options.appFallback && !path.extname(urlPath.split('/').pop() ?? '')) {
    resolved = await resolveStaticPath(root, '/index.html');
  }
  if (!resolved.ok) return textResponse(resolved.status, STATUS_TEXT[resolved.status] ?? 'Erreur.');
  const { file, info } = resolved;
  if (options.verify) {
    const relative = path
      .relative(await realpath(root), file)
      .split(path.sep)
      .join('/');
    const refusal = await options.verify(relative, info);
    if (refusal) return textResponse(refusal.status, refusal.message);
  }
  const tag = entityTag(info);
  const headers = {
    ...securityHeaders(),
    'Content-Type': mimeType(file),
    // The files change only when the app or the corpus is rebuilt; revalidating is cheap locally.
    'Cache-Control': 'no-cache',
    ETag: tag,
  };
  if (matchesEntityTag(options.ifNoneMatch, tag)) return { status: 304, headers };
  return { status: 200, headers: { ...headers, 'Content-Length': String(info.size) }, file };
}

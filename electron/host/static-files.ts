/**
 * Serving files from a folder by URL path, shared by the `palimpseste://` protocol handler and the
 * web edition's HTTP host. The path comes from a page that may be hostile (corpus HTML is untrusted),
 * so a request may never reach a file outside its root: `../`, `%2e%2e`, encoded slashes and
 * backslashes, NUL bytes and symbolic links pointing out of the root are all refused.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
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

export type ResolvedPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

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
  return { ok: true, file: real };
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
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

export interface ServeOptions {
  /**
   * Answer `index.html` for a missing path whose last segment has no extension (`/lire/L611-3`):
   * in-app locations are then real URLs that survive a reload.
   */
  appFallback?: boolean;
}

/** The response for `urlPath` inside `root`: the file with its MIME type and the security headers, or an error. */
export async function serveStatic(root: string, urlPath: string, options: ServeOptions = {}): Promise<StaticResponse> {
  let resolved = await resolveStaticPath(root, urlPath);
  if (!resolved.ok && resolved.status === 404 && options.appFallback && !path.extname(urlPath.split('/').pop() ?? '')) {
    resolved = await resolveStaticPath(root, '/index.html');
  }
  if (!resolved.ok) return textResponse(resolved.status, STATUS_TEXT[resolved.status] ?? 'Erreur.');
  let body: Uint8Array;
  try {
    body = await readFile(resolved.file);
  } catch {
    return textResponse(404, STATUS_TEXT[404] ?? '');
  }
  return {
    status: 200,
    headers: {
      ...securityHeaders(),
      'Content-Type': mimeType(resolved.file),
      'Content-Length': String(body.byteLength),
      // The files change only when the app or the corpus is rebuilt; revalidating is cheap locally.
      'Cache-Control': 'no-cache',
    },
    body,
  };
}

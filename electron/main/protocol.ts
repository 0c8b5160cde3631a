/**
 * The `palimpseste://app/` scheme: the renderer build at its root, the corpus bundle under
 * `corpus/`, both through the shared static server (traversal refusals, MIME types, CSP header).
 * Registered as a standard, secure scheme so that it has an origin of its own (`'self'` in the CSP,
 * fetch, module workers), unlike `file://`, which the app never uses.
 */
import { Readable } from 'node:stream';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from '../common/deep-link.ts';
import { openBody, serveStatic, textResponse, type ServeOptions, type StaticResponse } from '../host/static-files.ts';

export const SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
    codeCache: true,
    allowServiceWorkers: false,
    bypassCSP: false,
    corsEnabled: false,
  },
};

export interface ProtocolRoots {
  rendererDir: string;
  /** The bundle folder, or where it is at each request (it changes when a corpus update is imported). */
  corpusDir: string | (() => string);
  /** Checks a corpus file before it is sent (its checksum in the manifest): see `CorpusStore.verifyFile`. */
  verifyCorpusFile?: ServeOptions['verify'];
}

const CORPUS_PREFIX = '/corpus/';

/** The request's path as sent, still percent-encoded, without query and fragment. */
function rawPath(url: string): string | undefined {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  const rest = url.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return undefined; // `palimpseste://apple/…`
  const path = rest.split(/[?#]/, 1)[0] ?? '';
  return path === '' ? '/' : path;
}

export async function answerAppRequest(
  request: { url: string; method: string; headers?: { get(name: string): string | null } },
  roots: ProtocolRoots,
): Promise<StaticResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Méthode non permise.');
  const path = rawPath(request.url);
  if (path === undefined) return textResponse(404, 'Fichier introuvable.');
  const ifNoneMatch = request.headers?.get('if-none-match') ?? undefined;
  if (path.startsWith(CORPUS_PREFIX))
    return serveStatic(typeof roots.corpusDir === 'function' ? roots.corpusDir() : roots.corpusDir, path.slice(CORPUS_PREFIX.length - 1), {
      ifNoneMatch,
      verify: roots.verifyCorpusFile,
    });
  return serveStatic(roots.rendererDir, path, { appFallback: true, ifNoneMatch });
}

/** The handler given to `protocol.handle`: files are streamed (a web stream over the file), never read whole. */
export function createProtocolHandler(roots: ProtocolRoots): (request: Request) => Promise<Response> {
  return async (request) => {
    const answer = await answerAppRequest(request, roots);
    const content = request.method === 'HEAD' || answer.status === 204 || answer.status === 304 ? undefined : openBody(answer);
    const body = content instanceof Readable ? (Readable.toWeb(content) as ReadableStream<Uint8Array>) : (content ?? null);
    return new Response(body as BodyInit | null, { status: answer.status, headers: answer.headers });
  };
}

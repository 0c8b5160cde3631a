/**
 * The web edition's HTTP host on 127.0.0.1: `POST /api/<method>` → the same handlers as Electron's
 * IPC, `/corpus/*` → the bundle's files, everything else → the renderer build.
 *
 * Only its own origin may use it. A page of another site open in the same browser could otherwise
 * call the API (CSRF) or, by pointing its own domain name at 127.0.0.1 (DNS rebinding), read it:
 * the Host header must name this server, an Origin header must be this server's, and the API only
 * accepts JSON bodies (a cross-origin form cannot send them without a preflight we never answer).
 *
 * Slow or stuck clients cannot hold the host: headers must arrive within `headersTimeoutMs`, a whole
 * request within `requestTimeoutMs`, an idle connection is closed, and at most `maxConnections` are
 * open at once (a browser opens six per site; the rest are refused, not queued without end).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { PalimpsesteApi, Result } from '../common/api.ts';
import { dispatch, isApiMethod } from './dispatch.ts';
import type { JsonAnswers } from './handlers.ts';
import { fail } from './result.ts';
import { securityHeaders } from './security-headers.ts';
import { openBody, serveStatic, textResponse, type ServeOptions, type StaticResponse } from './static-files.ts';

export interface WebServerOptions {
  api: PalimpsesteApi;
  /** Methods answered with their value's stored JSON instead of `api`'s objects (`createJsonAnswers`). */
  jsonAnswers?: JsonAnswers;
  rendererDir: string;
  /** The bundle folder, or where it is at each request (it changes when a corpus update is imported). */
  corpusDir: string | (() => string);
  /** Checks a corpus file before it is served (its checksum in the manifest): see `CorpusStore.verifyFile`. */
  verifyCorpusFile?: ServeOptions['verify'];
  /** 0 (the default) picks a free port. */
  port?: number;
  log?: (message: string) => void;
  limits?: Partial<ConnectionLimits>;
}

export interface ConnectionLimits {
  /** Time for a client to send its request headers. */
  headersTimeoutMs: number;
  /** Time for a client to send its whole request (headers and body). */
  requestTimeoutMs: number;
  /** A connection with no traffic either way for this long is closed. */
  idleTimeoutMs: number;
  /** Connections open at once; more are closed at once. */
  maxConnections: number;
  /** How often Node looks for connections past their time (the timeouts' resolution). */
  checkIntervalMs: number;
}

/**
 * Generous for a local reader (the API answers in milliseconds), short for a client that trickles a
 * byte now and then: 20 such connections once stayed open for good.
 */
export const DEFAULT_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  maxConnections: 256,
  checkIntervalMs: 1_000,
};

export interface WebServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

/** API bodies are a few kilobytes (a trail of 5,000 steps is about 600 kB). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/**
 * Except the annotations: a note may hold up to a million characters (up to 6 MB as JSON), and an
 * import or an export file holds every annotation with its note.
 */
const LARGER_BODIES: Partial<Record<string, number>> = {
  saveAnnotation: 8 * 1024 * 1024,
  editAnnotation: 8 * 1024 * 1024,
  importAnnotations: 512 * 1024 * 1024,
  saveExportFile: 512 * 1024 * 1024,
};
const API_PREFIX = '/api/';
const CORPUS_PREFIX = '/corpus/';

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly result: Result<never>,
  ) {
    super(result.ok ? '' : result.error.message);
  }
}

function send(res: ServerResponse, response: StaticResponse, head: boolean): void {
  res.writeHead(response.status, response.headers);
  const body = head ? undefined : openBody(response);
  if (!(body instanceof Readable)) {
    res.end(body);
    return;
  }
  // A file streamed with back-pressure: a client reading slowly holds 256 kB, not the whole file.
  body.on('error', () => res.destroy());
  res.on('close', () => body.destroy());
  body.pipe(res);
}

/** The headers of every API answer but its length, built once (2,000 answers in a burst). */
const API_HEADERS: readonly string[] = Object.entries({
  ...securityHeaders(),
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
}).flat();

function sendBody(res: ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, [...API_HEADERS, 'Content-Length', String(body.length)]);
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, Buffer.from(JSON.stringify(value), 'utf8'));
}

const OK_OPEN = Buffer.from('{"ok":true,"value":');
const OK_CLOSE = Buffer.from('}');

/** A successful Result whose value is already JSON: `{"ok":true,"value":<json>}`, as `sendJson` would write it. */
function sendOkJson(res: ServerResponse, json: Buffer): void {
  sendBody(res, 200, Buffer.concat([OK_OPEN, json, OK_CLOSE], OK_OPEN.length + json.length + OK_CLOSE.length));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      // Past the limit the rest is read and dropped, so that the 413 answer reaches the client.
      if (size > limit) {
        chunks.length = 0;
        reject(new RequestRefused(413, fail('invalid-argument', 'Requête trop volumineuse.')));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether the request comes from this server's own pages (or from no page: a direct request). */
export function checkOrigin(headers: IncomingMessage['headers'], port: number): string | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!headers.host || !hosts.includes(headers.host.toLowerCase())) return `Host header refused: ${headers.host ?? '(none)'}`;
  const origin = headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) return `Origin refused: ${origin}`;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `cross-site request refused: ${site}`;
  return undefined;
}

export function createRequestListener(options: WebServerOptions, port: () => number) {
  const log = options.log ?? ((message: string) => console.error(`[palimpseste web] ${message}`));

  const handleApi = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, fail('invalid-argument', 'Les appels à l’API se font en POST.'));
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, fail('invalid-argument', 'Les appels à l’API envoient du JSON.'));
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, LARGER_BODIES[name] ?? MAX_BODY_BYTES));
    } catch (error) {
      if (error instanceof RequestRefused) return sendJson(res, error.status, error.result);
      return sendJson(res, 400, fail('invalid-argument', 'Corps de requête illisible (JSON attendu).'));
    }
    const args = typeof body === 'object' && body !== null && 'args' in body ? body.args : undefined;
    const answerJson = isApiMethod(name) && Array.isArray(args) ? options.jsonAnswers?.[name] : undefined;
    if (answerJson) {
      const answer = await answerJson(...(args as unknown[]));
      return answer.ok ? sendOkJson(res, answer.value) : sendJson(res, 200, answer);
    }
    const result = await dispatch(options.api, name, args);
    const status = !result.ok && result.error.code === 'not-found' && result.error.message.startsWith('Appel inconnu') ? 404 : 200;
    sendJson(res, status, result);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const refusal = checkOrigin(req.headers, port());
      if (refusal) {
        log(`${refusal} (${req.method} ${req.url})`);
        return sendJson(res, 403, fail('forbidden', 'Requête refusée : elle ne vient pas de Palimpseste.'));
      }
      const rawUrl = req.url ?? '/';
      // The raw request target, not a parsed URL: parsing would resolve `%2e%2e` before the checks.
      if (!rawUrl.startsWith('/')) return send(res, textResponse(400, 'Requête invalide.'), false);
      const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
      if (rawPath.startsWith(API_PREFIX)) return await handleApi(req, res, rawPath.slice(API_PREFIX.length));
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, textResponse(405, 'Méthode non permise.'), false);
      }
      const head = req.method === 'HEAD';
      const ifNoneMatch = req.headers['if-none-match'];
      if (rawPath.startsWith(CORPUS_PREFIX)) {
        const corpusPath = rawPath.slice(CORPUS_PREFIX.length - 1);
        const corpusDir = typeof options.corpusDir === 'function' ? options.corpusDir() : options.corpusDir;
        return send(res, await serveStatic(corpusDir, corpusPath, { ifNoneMatch, verify: options.verifyCorpusFile }), head);
      }
      return send(res, await serveStatic(options.rendererDir, rawPath, { appFallback: true, ifNoneMatch }), head);
    } catch (error) {
      log(`${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'Erreur interne du serveur local.'));
      else res.destroy();
    }
  };
}

/** Starts listening on 127.0.0.1 only (never on the network). */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = options.port ?? 0;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    createRequestListener(options, () => port),
  );
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  server.keepAliveTimeout = Math.min(5_000, limits.idleTimeoutMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

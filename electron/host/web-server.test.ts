import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trail } from '../common/api.ts';
import { createHttpApi } from '../common/http-api.ts';
import { dispatch } from './dispatch.ts';
import { createHost } from './host.ts';
import { CORPUS_DIR } from './paths.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { SEED_CODE, writeSeedBundle } from '../../tests/support/seed-bundle.ts';
import { startWebServer, type WebServer } from './web-server.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch would forbid setting Host and would normalise `..` in the path). */
function raw(port: number, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
let base: string;
let web: WebServer;
let host: ReturnType<typeof createHost>;
const logged: string[] = [];

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-web-'));
  writeSeedBundle(path.join(base, 'corpus'));
  mkdirSync(path.join(base, 'renderer', 'assets'), { recursive: true });
  writeFileSync(
    path.join(base, 'renderer', 'index.html'),
    '<!doctype html><title>Palimpseste</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(path.join(base, 'renderer', 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  host = createHost({ corpusDir: path.join(base, 'corpus'), dataDir: path.join(base, 'data'), log: () => undefined });
  web = await startWebServer({
    api: host.api,
    jsonAnswers: host.jsonAnswers,
    rendererDir: path.join(base, 'renderer'),
    corpusDir: path.join(base, 'corpus'),
    log: (m) => logged.push(m),
  });
});
afterAll(async () => {
  await web.close();
  rmSync(base, { recursive: true, force: true });
});

describe('web host', () => {
  it('listens on 127.0.0.1 only, on a free port', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(web.port).toBeGreaterThan(0);
  });

  it('answers API calls over HTTP with the handlers (through the renderer-side client)', async () => {
    const api = createHttpApi(web.url);
    const found = await api.findArticles('L. 611-3', undefined);
    expect(found).toMatchObject({ ok: true, value: [{ id: `${SEED_CODE}/num:L611-3`, num: 'L611-3' }] });
    const article = await api.getArticle(`${SEED_CODE}/num:L611-20`);
    expect(article.ok && article.value.versions[0]?.paragraphs[0]).toMatch(/^La Caisse nationale confie le soin d'assurer/);
    expect(await api.getToc('Code Civil')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('sends an article as the bundle stores it: the value and the errors of the handlers', async () => {
    const call = (args: unknown) => raw(web.port, 'POST', '/api/getArticle', json, JSON.stringify({ args }));
    const id = `${SEED_CODE}/num:L611-20`;
    const answer = await call([id]);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(JSON.parse(answer.body)).toEqual(await host.api.getArticle(id));
    for (const args of [[`${SEED_CODE}/num:L999-9`], [42], 'pas une liste']) {
      const refused = await call(args);
      expect(refused.status).toBe(200);
      expect(JSON.parse(refused.body)).toEqual(await dispatch(host.api, 'getArticle', args));
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false });
    }
  });

  it('serves the renderer and the bundle with the CSP header', async () => {
    const index = await raw(web.port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const manifest = await raw(web.port, 'GET', '/corpus/manifest.json');
    expect(manifest.status).toBe(200);
    expect(JSON.parse(manifest.body)).toMatchObject({ codes: [{ id: SEED_CODE }] });
    // Stored gzipped (the host and the search worker decompress them): sent as they are.
    const toc = await raw(web.port, 'GET', `/corpus/codes/${SEED_CODE}/toc.json.gz?v=1`);
    expect([toc.status, toc.headers['content-type']]).toEqual([200, 'application/gzip']);
    const head = await raw(web.port, 'HEAD', '/assets/app.js');
    expect([head.status, head.headers['content-type'], head.body]).toEqual([200, 'text/javascript; charset=utf-8', '']);
    // An in-app location reloads the app; a missing asset stays missing.
    expect((await raw(web.port, 'GET', '/code-de-la-securite-sociale/L611-3')).status).toBe(200);
    expect((await raw(web.port, 'GET', '/assets/absent.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/corpus/../../secret.txt',
    '/corpus/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e/secret.txt',
    '/corpus/..%2f..%2fsecret.txt',
    '/corpus/%00',
  ])('refuses the traversal %s', async (target) => {
    const answer = await raw(web.port, 'GET', target);
    expect([400, 403]).toContain(answer.status);
    expect(answer.body).not.toContain('SECRET');
  });

  it('refuses another Host (DNS rebinding) and another Origin (CSRF), for files and API alike', async () => {
    const rebinding = await raw(web.port, 'GET', '/corpus/manifest.json', { host: `evil.example:${web.port}` });
    expect(rebinding.status).toBe(403);
    expect(JSON.parse(rebinding.body)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Requête refusée : elle ne vient pas de Palimpseste.' },
    });
    const csrf = await raw(web.port, 'POST', '/api/listTrails', { ...json, origin: 'https://evil.example' }, '{"args":[]}');
    expect(csrf.status).toBe(403);
    const nullOrigin = await raw(web.port, 'POST', '/api/listTrails', { ...json, origin: 'null' }, '{"args":[]}');
    expect(nullOrigin.status).toBe(403);
    const crossSite = await raw(web.port, 'POST', '/api/listTrails', { ...json, 'sec-fetch-site': 'cross-site' }, '{"args":[]}');
    expect(crossSite.status).toBe(403);
    const own = await raw(
      web.port,
      'POST',
      '/api/listTrails',
      { ...json, origin: `http://127.0.0.1:${web.port}`, 'sec-fetch-site': 'same-origin' },
      '{"args":[]}',
    );
    expect([own.status, JSON.parse(own.body)]).toEqual([200, { ok: true, value: [] }]);
    const localhost = await raw(web.port, 'GET', '/', { host: `localhost:${web.port}` });
    expect(localhost.status).toBe(200);
    expect(logged.some((m) => m.startsWith('Host header refused: evil.example'))).toBe(true);
  });

  it('takes API calls only as POSTed JSON, and refuses unknown methods', async () => {
    expect((await raw(web.port, 'GET', '/api/listTrails')).status).toBe(405);
    expect((await raw(web.port, 'POST', '/api/listTrails', { 'content-type': 'text/plain' }, '{"args":[]}')).status).toBe(415);
    expect((await raw(web.port, 'POST', '/api/listTrails', { 'content-type': 'application/x-www-form-urlencoded' }, 'args=1')).status).toBe(
      415,
    );
    const bad = await raw(web.port, 'POST', '/api/listTrails', json, '{"args":');
    expect([bad.status, JSON.parse(bad.body).error.code]).toEqual([400, 'invalid-argument']);
    const unknown = await raw(web.port, 'POST', '/api/readFile', json, '{"args":["/etc/passwd"]}');
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'not-found']);
    const huge = await raw(web.port, 'POST', '/api/saveTrail', json, `{"args":["${'x'.repeat(3 * 1024 * 1024)}"]}`);
    expect(huge.status).toBe(413);
    expect((await raw(web.port, 'DELETE', '/index.html')).status).toBe(405);
  });

  it('keeps a saved trail across a restart of the host on the same data folder', async () => {
    const dataDir = path.join(base, 'data-restart');
    const trail: Trail = {
      id: 'piste-web',
      name: 'Piste du web',
      steps: [{ article: `${SEED_CODE}/num:L611-3`, num: 'L611-3', code: SEED_CODE, date: '2006-01-28' }],
      createdAt: '2026-11-22T08:00:00.000Z',
      updatedAt: '2026-11-22T08:00:00.000Z',
    };
    const start = async () => {
      const host = createHost({ corpusDir: path.join(base, 'corpus'), dataDir, log: () => undefined });
      return startWebServer({
        api: host.api,
        rendererDir: path.join(base, 'renderer'),
        corpusDir: path.join(base, 'corpus'),
        log: () => undefined,
      });
    };
    const first = await start();
    expect((await createHttpApi(first.url).saveTrail(trail)).ok).toBe(true);
    await first.close();
    const second = await start();
    const list = await createHttpApi(second.url).listTrails();
    await second.close();
    expect(list.ok && list.value.map((t) => [t.id, t.name, t.steps[0]?.num])).toEqual([['piste-web', 'Piste du web', 'L611-3']]);
  });
});

/** A raw TCP connection, and a promise that resolves when the server closes it. */
function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const opened = performance.now();
      const closed = new Promise<number>((done) => socket.once('close', () => done(performance.now() - opened)));
      resolve({ socket, closed });
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
    // Read what the server sends (a 408 before it closes): an unread socket never sees the close.
    socket.resume();
  });
}

describe('web host against slow and greedy clients', () => {
  let limited: WebServer;
  beforeAll(async () => {
    const host = createHost({ corpusDir: path.join(base, 'corpus'), dataDir: path.join(base, 'data-limits'), log: () => undefined });
    limited = await startWebServer({
      api: host.api,
      rendererDir: path.join(base, 'renderer'),
      corpusDir: path.join(base, 'corpus'),
      verifyCorpusFile: host.verifyCorpusFile,
      log: () => undefined,
      limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, idleTimeoutMs: 1_500, maxConnections: 8, checkIntervalMs: 100 },
    });
  });
  afterAll(() => limited.close());

  it('closes connections that trickle their headers a byte at a time', async () => {
    const slow = await Promise.all(Array.from({ length: 6 }, () => openSocket(limited.port)));
    const timers = slow.map(({ socket }, i) => {
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // A byte now and then, never the end of the headers.
      return setInterval(() => socket.writable && socket.write('X'), 100 + i);
    });
    try {
      const lifetimes = await Promise.all(slow.map(({ closed }) => closed));
      // Closed after the headers' time (400 ms) plus the checking interval, not kept open.
      expect(Math.max(...lifetimes)).toBeLessThan(3_000);
      expect(Math.min(...lifetimes)).toBeGreaterThan(300);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('closes a connection that sends nothing at all', async () => {
    const idle = await openSocket(limited.port);
    const still = new Promise<number>((resolve) => setTimeout(() => resolve(Number.POSITIVE_INFINITY), 10_000));
    expect(await Promise.race([idle.closed, still])).toBeLessThan(4_000);
    idle.socket.destroy();
  });

  it('refuses connections past its cap, and answers again once they are gone', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => openSocket(limited.port)));
    const extra = await openSocket(limited.port);
    // The ninth is closed at once, not queued.
    expect(await extra.closed).toBeLessThan(200);
    held.forEach(({ socket }) => socket.destroy());
    await Promise.all(held.map(({ closed }) => closed));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await raw(limited.port, 'GET', '/')).status).toBe(200);
  });

  it('streams a corpus file with an ETag, and answers 304 to a client that has it', async () => {
    const first = await raw(limited.port, 'GET', '/corpus/manifest.json');
    expect(first.status).toBe(200);
    expect(first.body).toBe(readFileSync(path.join(base, 'corpus', 'manifest.json'), 'utf8'));
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"/);
    const again = await raw(limited.port, 'GET', '/corpus/manifest.json', { 'if-none-match': tag });
    expect([again.status, again.body, again.headers.etag]).toEqual([304, '', tag]);
  });

  it('refuses an edited corpus file with the French message saying what to do', async () => {
    const dir = path.join(base, 'corpus-edited');
    writeSeedBundle(dir);
    const host = createHost({ corpusDir: dir, dataDir: path.join(base, 'data-edited'), log: () => undefined });
    const server = await startWebServer({
      api: host.api,
      rendererDir: path.join(base, 'renderer'),
      corpusDir: dir,
      verifyCorpusFile: host.verifyCorpusFile,
      log: () => undefined,
    });
    try {
      expect((await raw(server.port, 'GET', '/corpus/search/current.json')).status).toBe(200);
      writeFileSync(path.join(dir, 'search', 'current.json'), '[]'); // still valid JSON, same length
      const edited = await raw(server.port, 'GET', '/corpus/search/current.json');
      expect(edited.status).toBe(500);
      expect(edited.body).toBe(
        'Le fichier « search/current.json » du corpus a été modifié depuis la compilation (sa somme de contrôle ne correspond plus). Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.',
      );
      // A manifest cut short: every file says so at once, the manifest too.
      writeFileSync(path.join(dir, 'manifest.json'), '{"schemaVersion": 2, "codes": [');
      const manifest = await raw(server.port, 'GET', '/corpus/manifest.json');
      expect(manifest.status).toBe(500);
      expect(manifest.body).toContain('est endommagé : ce n’est pas du JSON complet (fichier tronqué ?)');
    } finally {
      await server.close();
    }
  });
});

const realManifest = path.join(CORPUS_DIR, 'manifest.json');
const hasRealCorpus = existsSync(realManifest);
if (!hasRealCorpus) console.log(`[web-server.test] real-corpus checks skipped: ${realManifest} is absent (run « npm run corpus »).`);

describe('web host on the default corpus', () => {
  it.skipIf(!hasRealCorpus)('answers findArticles and getArticle for L611-3 of the sécurité sociale over HTTP', async () => {
    const host = createHost({ corpusDir: CORPUS_DIR, dataDir: path.join(base, 'data-real'), log: () => undefined });
    const server = await startWebServer({
      api: host.api,
      rendererDir: path.join(base, 'renderer'),
      corpusDir: CORPUS_DIR,
      log: () => undefined,
    });
    try {
      const api = createHttpApi(server.url);
      const info = await api.getCorpusInfo();
      expect(info.ok && info.value.manifest.codes.map((c) => c.id)).toContain('code-de-la-securite-sociale');
      const found = await api.findArticles('L. 611-3', 'code-de-la-securite-sociale');
      expect(found.ok && found.value.map((e) => e.num)).toEqual(['L611-3']);
      const id = found.ok ? (found.value[0]?.id ?? '') : '';
      const article = await api.getArticle(id);
      expect(article.ok && article.value.versions.some((v) => (v.paragraphs[0] ?? '').startsWith('Les caisses mutuelles régionales'))).toBe(
        true,
      );
      const manifest = await raw(server.port, 'GET', '/corpus/manifest.json');
      expect(manifest.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers.ts';
import { SEED_CODE, writeSeedBundle } from '../../tests/support/seed-bundle.ts';
import { createProtocolHandler, SCHEME_PRIVILEGES } from './protocol.ts';
import { gunzipSync } from 'node:zlib';

let base: string;
let handle: ReturnType<typeof createProtocolHandler>;

/** What `protocol.handle` receives: a fetch Request (Node's undici refuses unknown schemes, so a stand-in). */
function request(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-protocol-'));
  const rendererDir = path.join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Palimpseste</title><script>window.injected = true</script>');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  writeSeedBundle(path.join(base, 'corpus'));
  handle = createProtocolHandler({ rendererDir, corpusDir: path.join(base, 'corpus') });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('palimpseste:// protocol', () => {
  it('is registered as a standard, secure scheme with fetch, and no CSP bypass', () => {
    expect(SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'palimpseste',
      privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false },
    });
  });

  it('serves the renderer with the CSP header, which allows no inline script', async () => {
    const response = await handle(request('palimpseste://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<script>window.injected');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect((await handle(request('palimpseste://app/'))).status).toBe(200);
    expect((await handle(request('palimpseste://app'))).status).toBe(200);
  });

  it('serves the bundle under corpus/', async () => {
    const response = await handle(request(`palimpseste://app/corpus/codes/${SEED_CODE}/catalog.json.gz?x=1`));
    expect(response.status).toBe(200);
    const catalog = JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')) as { num: string }[];
    expect(catalog.map((e) => e.num)).toEqual(['L611-3', 'L611-20']);
  });

  it.each([
    ['palimpseste://app/../secret.txt', 403],
    ['palimpseste://app/%2e%2e/secret.txt', 403],
    ['palimpseste://app/corpus/%2e%2e/%2e%2e/secret.txt', 403],
    ['palimpseste://app/corpus/..%2f..%2fsecret.txt', 400],
    ['palimpseste://app/link.txt', 403],
    ['palimpseste://app/index.html%00', 400],
    ['palimpseste://apple/index.html', 404],
    ['palimpseste://code-de-la-securite-sociale/L611-3', 404],
  ])('refuses %s with %i', async (url, status) => {
    const response = await handle(request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('answers only GET and HEAD', async () => {
    expect((await handle(request('palimpseste://app/index.html', 'POST'))).status).toBe(405);
    const head = await handle(request('palimpseste://app/index.html', 'HEAD'));
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

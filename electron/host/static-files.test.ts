import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { entityTag, matchesEntityTag, mimeType, readBody, resolveStaticPath, serveStatic } from './static-files.ts';

/**
 * A served root with a secret file beside it (one level up): every traversal below aims at the
 * secret, and a symbolic link inside the root points at it.
 */
let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-static-'));
  root = path.join(base, 'root');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(path.join(root, 'codes', 'code-de-la-securite-sociale'), { recursive: true });
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Palimpseste</title><script>document.title = "pwned"</script>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'codes', 'code-de-la-securite-sociale', 'toc.json'), '{"id":"code-de-la-securite-sociale"}');
  writeFileSync(path.join(root, 'mot clé.txt'), 'accents');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'escape.txt'));
  symlinkSync(base, path.join(root, 'escape-dir'));
  symlinkSync(path.join(root, 'assets', 'index-abc.js'), path.join(root, 'inside-link.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveStaticPath', () => {
  it('finds files inside the root, decoding percent-encoded names', async () => {
    expect(await resolveStaticPath(root, '/assets/index-abc.js')).toMatchObject({
      ok: true,
      file: path.join(root, 'assets', 'index-abc.js'),
    });
    expect(await resolveStaticPath(root, '/mot%20cl%C3%A9.txt')).toMatchObject({ ok: true });
    expect(await resolveStaticPath(root, '/')).toMatchObject({ ok: true, file: path.join(root, 'index.html') });
    expect(await resolveStaticPath(root, '/codes/code-de-la-securite-sociale/toc.json')).toMatchObject({ ok: true });
  });

  it.each([
    ['/../secret.txt', 403],
    ['/assets/../../secret.txt', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/%2E%2E/secret.txt', 403],
    ['/.%2e/secret.txt', 403],
    ['/assets/%2e%2e/%2e%2e/secret.txt', 403],
    ['/..%2fsecret.txt', 400],
    ['/..%2Fsecret.txt', 400],
    ['/%2e%2e%2fsecret.txt', 400],
    ['/..%5csecret.txt', 400],
    ['/..\\secret.txt', 400],
    ['/index.html%00.js', 400],
    ['/index.html\0', 400],
    ['/%E0%A4%A', 400],
    ['/.hidden', 403],
  ])('refuses %s with %i', async (urlPath, status) => {
    const outcome = await resolveStaticPath(root, urlPath);
    expect(outcome).toMatchObject({ ok: false, status });
  });

  it('refuses a symbolic link leading outside the root, and a folder link out of it', async () => {
    expect(await resolveStaticPath(root, '/escape.txt')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveStaticPath(root, '/escape-dir/secret.txt')).toMatchObject({ ok: false, status: 403 });
  });

  it('follows a symbolic link that stays inside the root', async () => {
    expect(await resolveStaticPath(root, '/inside-link.js')).toMatchObject({ ok: true, file: path.join(root, 'assets', 'index-abc.js') });
  });

  it('answers 404 for a missing file or a missing root', async () => {
    expect(await resolveStaticPath(root, '/nope.js')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveStaticPath(path.join(base, 'absent'), '/index.html')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('serveStatic', () => {
  it('sends the strict CSP as a header, which forbids the inline script of the served HTML', async () => {
    const response = await serveStatic(root, '/index.html');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    const csp = response.headers['Content-Security-Policy'];
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    // The page does hold an inline script; the policy allows scripts from 'self' only, with no
    // 'unsafe-inline', nonce or hash that could let it run (Chromium's execution is checked end to end).
    expect(new TextDecoder().decode(await readBody(response))).toContain('<script>document.title');
    const scriptSrc = csp
      ?.split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|sha256-|\*|http:|https:/);
    expect(csp).toContain("default-src 'none'");
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('gives each file its MIME type and its length', async () => {
    const js = await serveStatic(root, '/assets/index-abc.js');
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['Content-Length']).toBe('14');
    expect((await serveStatic(root, '/codes/code-de-la-securite-sociale/toc.json')).headers['Content-Type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });

  it('answers refusals in French with the security headers, never with the file', async () => {
    const response = await serveStatic(root, '/%2e%2e/secret.txt');
    expect(response.status).toBe(403);
    expect(new TextDecoder().decode(await readBody(response))).toBe('Accès refusé.');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('falls back to index.html for an in-app path only when asked, never for a missing asset', async () => {
    expect((await serveStatic(root, '/lire/L611-3')).status).toBe(404);
    const app = await serveStatic(root, '/lire/L611-3', { appFallback: true });
    expect(app.status).toBe(200);
    expect(app.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect((await serveStatic(root, '/assets/missing.js', { appFallback: true })).status).toBe(404);
    expect((await serveStatic(root, '/%2e%2e/secret', { appFallback: true })).status).toBe(403);
  });

  it('streams files rather than reading them into memory, with an ETag; a matching If-None-Match gets a 304', async () => {
    const js = await serveStatic(root, '/assets/index-abc.js');
    expect([js.status, js.body, js.file]).toEqual([200, undefined, path.join(root, 'assets', 'index-abc.js')]);
    const tag = js.headers.ETag ?? '';
    expect(tag).toMatch(/^"[0-9a-f]+-[0-9a-f]+-[0-9a-f]+"$/);
    const again = await serveStatic(root, '/assets/index-abc.js', { ifNoneMatch: tag });
    expect([again.status, again.file, again.body, again.headers.ETag]).toEqual([304, undefined, undefined, tag]);
    expect((await serveStatic(root, '/assets/index-abc.js', { ifNoneMatch: `"autre", W/${tag}` })).status).toBe(304);
    expect((await serveStatic(root, '/assets/index-abc.js', { ifNoneMatch: '"autre"' })).status).toBe(200);
    // Rewritten, the file gets another tag: the old one no longer matches.
    writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(22)');
    const rewritten = await serveStatic(root, '/assets/index-abc.js', { ifNoneMatch: tag });
    expect([rewritten.status, rewritten.headers['Content-Length']]).toEqual([200, '15']);
    expect(new TextDecoder().decode(await readBody(rewritten))).toBe('console.log(22)');
    writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  });

  it('answers the refusal of its verify hook instead of the file', async () => {
    const seen: string[] = [];
    const refused = await serveStatic(root, '/codes/code-de-la-securite-sociale/toc.json', {
      verify: async (relative) => {
        seen.push(relative);
        return { status: 500, message: 'Corpus endommagé : recompilez.' };
      },
    });
    expect(seen).toEqual(['codes/code-de-la-securite-sociale/toc.json']);
    expect([refused.status, new TextDecoder().decode(await readBody(refused))]).toEqual([500, 'Corpus endommagé : recompilez.']);
    const accepted = await serveStatic(root, '/codes/code-de-la-securite-sociale/toc.json', { verify: async () => undefined });
    expect(accepted.status).toBe(200);
  });

  it('matches entity tags as HTTP says', async () => {
    const info = { size: 10, mtimeMs: 1.5, ino: 7 } as Parameters<typeof entityTag>[0];
    const tag = entityTag(info);
    expect(matchesEntityTag(undefined, tag)).toBe(false);
    expect(matchesEntityTag('*', tag)).toBe(true);
    expect(matchesEntityTag(`"x", ${tag}`, tag)).toBe(true);
    expect(matchesEntityTag('"x"', tag)).toBe(false);
  });
});

/**
 * Corpus bodies are untrusted (LexHub's are HTML). A suite of XSS payloads is written into corpus
 * files — a LexHub article (HTML body, titled links, NOTA) and a lexlib article (markdown body and
 * links lists) — compiled by `npm run corpus` like any source, served by the web edition and read
 * in Chromium: no payload runs, every one reaches the page as text at most.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, test } from './support/fixtures.ts';
import { PROJECT_ROOT, startWebHost } from './support/web-host.ts';

const PAYLOADS = [
  '<script>window.__xss = (window.__xss || 0) + 1</script>',
  '<img src=x onerror="window.__xss = (window.__xss || 0) + 1">',
  '<svg onload="window.__xss = (window.__xss || 0) + 1"></svg>',
  '<iframe src="javascript:parent.__xss = (parent.__xss || 0) + 1"></iframe>',
  '<a href="javascript:window.__xss=1">lien piégé</a>',
  '<p style="background:url(javascript:window.__xss=1)" onmouseover="window.__xss=1">survol</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  '<object data="data:text/html,<script>parent.__xss=1</script>"></object>',
  '<details open ontoggle="window.__xss=1">',
];

function lexhubArticle(): string {
  const body = PAYLOADS.map((p, i) => `<p>Alinéa ${i + 1} : ${p}</p>`).join('');
  return [
    '# Article L999-1',
    '',
    `<p>Texte piégé mentionné à l'article <a href='/code-de-la-securite-sociale/partie-legislative/l160-1.md' title='Code de la sécurité sociale. - art. L160-1 (V)" onmouseover="window.__xss=1'>L. 160-1</a>.</p>${body}` +
      `<br/><br/><i>NOTA:<p>${PAYLOADS[1]} Conformément à l'article 59.</p></i>`,
  ].join('\n');
}

function lexlibArticle(): string {
  return [
    '# Article L999-2',
    '',
    ...PAYLOADS.flatMap((p, i) => [`Alinéa ${i + 1} : ${p}`, '']),
    '**Liens relatifs à cet article**',
    '',
    '\t**Cité par**:',
    '',
    `\t  - Code de la sécurité sociale. - art. L611-4 <img src=x onerror="window.__xss=1"> (V)`,
    `\t  - Décret <script>window.__xss=1</script> - art. 1 (V)`,
    '',
    // A document alone gets its date from the publication of its amending text.
    '\t**Modifié par**:',
    '',
    '\t  - Loi n°95-116 du 4 février 1995 - art. 40 () JORF 5 février 1995',
    '',
  ].join('\n');
}

test('XSS payloads in corpus files never execute', async ({ page }) => {
  test.setTimeout(300_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-xss-'));
  const sources = path.join(folder, 'sources');
  mkdirSync(path.join(sources, 'code-de-la-securite-sociale'), { recursive: true });
  writeFileSync(path.join(sources, 'code-de-la-securite-sociale', 'l999-1.md'), lexhubArticle());
  writeFileSync(path.join(sources, 'L999-2.txt'), lexlibArticle());
  const corpus = path.join(folder, 'corpus');
  const compiled = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'corpus/compiler/cli/cli.ts', '--no-default', '--source', sources, '--out', corpus],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    },
  );
  expect(compiled.status, compiled.stderr).toBe(0);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const host = await startWebHost({ dataDir: folder, corpusDir: corpus, noBuild: true, timeoutMs: 60_000 });
  try {
    for (const num of ['L999-1', 'L999-2']) {
      await openApp(page, host.url, `#/code-de-la-securite-sociale/${num}`);
      await expect(page.locator('#article-title')).toHaveText(`Article ${num}`);
      await expect(page.locator('.article-body')).toContainText('Alinéa 1');
      // Hover and click what the payloads would have made interactive.
      for (const p of await page.locator('.article-body p').all()) await p.hover();
      for (const link of await page.locator('.links-pane a').all()) await link.hover();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      // No element the payloads describe was created: they are text.
      expect(
        await page
          .locator(
            '.article-body script, .article-body img, .article-body iframe, .article-body svg, .article-body object, .article-body details',
          )
          .count(),
      ).toBe(0);
    }
    // lexlib bodies are plain text: the payloads are shown as the characters they are.
    await expect(page.locator('.article-body')).toContainText('<img src=x onerror="window.__xss = (window.__xss || 0) + 1">');
    expect(dialogs).toEqual([]);
  } finally {
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

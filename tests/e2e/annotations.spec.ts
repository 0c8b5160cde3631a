/**
 * Annotations end to end (issue 9, §6), in Chromium on the real corpus, each test with a host of
 * its own on a throw-away data folder: select words → highlight (keyboard), note, reload, still
 * there; the same annotation on later versions of L611-3, attached, « texte modifié », orphan;
 * a note with `<script>` stays text; undo; the list of all annotations; the mark in the table of
 * contents. PDFs are printed from the print views by Chromium itself (`page.pdf()`, CSS page
 * size and margin boxes) and read back with Poppler: `pdftotext` for the words, `pdftoppm -gray`
 * for the highlight's pattern.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { articleByNum, CSS } from './support/corpus-data.ts';
import { expect, openApp, test } from './support/fixtures.ts';
import { startWebHost, type WebHost } from './support/web-host.ts';

const corpusDir = process.env.PALIMPSESTE_E2E_CORPUS;
const L611_3_1985 = `#/${CSS}/L611-3@1985-12-21`;
// Words of the 1985 text kept as they are in 1995 (« attachée »), and words changed in 1995
// (« non-salariés » → « non salariés », loi n° 95-116): see corpus/annotations/anchor-corpus.test.ts.
const KEPT = 'sous le contrôle de la caisse nationale';
const CHANGED = 'des travailleurs non-salariés';

let work: string;
let host: WebHost | undefined;

test.beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-annotations-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(work, { recursive: true, force: true });
});

async function start(): Promise<WebHost> {
  host = await startWebHost({ dataDir: path.join(work, 'data'), noBuild: true, timeoutMs: 60_000, ...(corpusDir ? { corpusDir } : {}) });
  return host;
}

/** Selects the first occurrence of `words` in the article's text (across text nodes and links, as a mouse would). */
async function selectWords(page: Page, words: string): Promise<void> {
  // The page (its code preloaded) can be drawn before the article's text has arrived.
  await expect(page.locator('.article-body')).toContainText(words);
  const found = await page.evaluate((wanted) => {
    for (const paragraph of document.querySelectorAll<HTMLElement>('.article-body [data-paragraph]')) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const text = nodes.map((n) => n.data).join('');
      const at = text.indexOf(wanted);
      if (at < 0) continue;
      const locate = (offset: number, end: boolean): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          if (offset < seen + node.data.length || (end && offset === seen + node.data.length)) return [node, offset - seen];
          seen += node.data.length;
        }
        const last = nodes.at(-1)!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + wanted.length, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, words);
  expect(found, `« ${words} » in the article`).toBe(true);
  await expect(page.getByRole('toolbar', { name: 'Annoter la sélection' })).toBeVisible();
}

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Prints a print view (`#/imprimer/…`) to PDF with Chromium, as the desktop app's hidden window does. */
async function printView(page: Page, url: string, location: string, outline = false): Promise<Buffer> {
  await page.goto(url + location);
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true', { timeout: 30_000 });
  return page.pdf({ preferCSSPageSize: true, printBackground: true, outline, tagged: outline });
}

/**
 * The longest horizontal run of dark pixels on page 1, rendered in grayscale at 100 dpi, between
 * the header's rule and the foot (the highlight's underline is such a run; glyphs are not).
 * Returns the lengths of the runs found, in pixels, longer than 60 px (15 mm) and shorter than
 * 500 px (the header's rule spans the text's whole width, about 700 px).
 */
function underlineRuns(pdf: Buffer, name: string): number[] {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '100', '-f', '1', '-l', '1', file, path.join(work, name)]);
  const pgm = readFileSync(path.join(work, `${name}-1.pgm`));
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  expect(header).not.toBeNull();
  const width = Number(header![1]);
  const height = Number(header![2]);
  const pixels = pgm.subarray(header![0].length);
  const runs: number[] = [];
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && pixels[y * width + x]! < 150;
      if (dark) run++;
      else {
        if (run > 60 && run < 500) runs.push(run);
        run = 0;
      }
    }
  }
  return runs;
}

test('highlight and note by keyboard, kept after a reload, re-anchored on later versions, undone', async ({ page }) => {
  const { url } = await start();
  await openApp(page, url, L611_3_1985);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');

  // h: highlights in the last colour (condition); the number follows, as CSS content.
  await selectWords(page, KEPT);
  await page.keyboard.press('h');
  const mark = page.locator('.article-body mark.hl');
  await expect(mark).toHaveText(KEPT);
  await expect(mark).toHaveClass(/pattern-underline-solid/);
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (1)');

  // Escape cancels a selection: no toolbar, nothing made.
  await selectWords(page, 'Ces organismes');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Annoter la sélection' })).toHaveCount(0);
  await page.keyboard.press('h');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (1)');

  // The links panel is not annotatable: said, no toolbar.
  await page.evaluate(() => {
    const link = document.querySelector('.links-pane a');
    if (!link) throw new Error('no link in the links panel');
    const range = document.createRange();
    range.selectNodeContents(link);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await expect(page.locator('.annotations-status')).toHaveText(
    'Les liens de l’article ne s’annotent pas : sélectionnez des mots du texte ou du NOTA.',
  );
  await expect(page.getByRole('toolbar', { name: 'Annoter la sélection' })).toHaveCount(0);

  // 3 (sanction) with a note holding markup: shown as text, never run.
  await selectWords(page, CHANGED);
  await page.getByRole('toolbar', { name: 'Annoter la sélection' }).getByRole('button', { name: 'Note…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Note').fill('<script>window.__pwned = 1</script><b>gras</b> à vérifier');
  await dialog.getByLabel('Couleur').selectOption('sanction');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (2)');
  const note = page.locator('.annotation-note');
  await expect(note).toHaveText('<script>window.__pwned = 1</script><b>gras</b> à vérifier');
  await expect(page.locator('.annotations-panel b, .annotations-panel script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // A note on the whole article.
  await page.getByRole('button', { name: 'Note sur l’article' }).click();
  await page.locator('.annotations-panel .note-editor textarea').fill('Article à relire avant la visite.');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (3)');

  // Undo (Ctrl+Z) removes the last one, redo (Ctrl+Maj+Z) brings it back.
  await page.locator('#article-title').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (2)');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (3)');

  // Reload: everything came back from the host's data folder.
  await page.reload();
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (3)');
  await expect(page.locator('.article-body mark.hl')).toHaveText([KEPT, CHANGED]);
  await expect(page.locator('.annotation-note', { hasText: '<script>window.__pwned = 1</script><b>gras</b>' })).toHaveCount(1);

  // 1995: one attached on the same words, one « texte modifié » with the old words beside the new.
  await openApp(page, url, `#/${CSS}/L611-3@1995-02-05`);
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (3)');
  await expect(page.locator('.annotation-item.status-attached .annotation-status')).toHaveText('attachée');
  await expect(page.locator('.annotation-item.status-changed .annotation-status')).toHaveText('texte modifié depuis l’annotation');
  await expect(page.locator('.annotation-item.status-changed .annotation-quote.old')).toHaveText(CHANGED);
  await expect(page.locator('.annotation-item.status-changed .annotation-quote.new')).toHaveText('des travailleurs non salariés');
  await expect(page.locator('.article-body mark.hl')).toHaveText([KEPT, 'des travailleurs non salariés']);

  // 2005 rewrote the article: both passages are orphans, listed, with a way back to 1985; no mark on other words.
  await openApp(page, url, `#/${CSS}/L611-3@2006-01-28`);
  await expect(page.locator('.annotation-item.status-orphan')).toHaveCount(2);
  await expect(page.locator('.article-body mark.hl')).toHaveCount(0);

  // The list of all annotations: searched in French (« salarié » finds « non-salariés »).
  await openApp(page, url, '#/annotations');
  await expect(page.locator('.annotations-results > li')).toHaveCount(3);
  await page.getByPlaceholder('Rechercher dans les notes, les passages, les étiquettes…').fill('salarié');
  await expect(page.locator('.annotations-results > li')).toHaveCount(1);
  await expect(page.locator('.annotations-results')).toContainText(CHANGED);

  // The mark of an annotated article in the table of contents.
  await openApp(page, url, L611_3_1985);
  await expect(page.locator('.toc-article[aria-current] .annotated-mark, .toc-article .annotated-mark').first()).toBeVisible();
});

test('an annotated article to PDF: text, note, validity range, « page 1 / N », the highlight’s pattern in grayscale', async ({ page }) => {
  const { url } = await start();
  const article = articleByNum(CSS, 'L611-3', '1985-12-21');
  const location = `#/imprimer/a4/article/${encodeURIComponent(`${article.id}@1985-12-21`)}`;
  const before = underlineRuns(await printView(page, url, location), 'before');

  await openApp(page, url, L611_3_1985);
  await selectWords(page, KEPT);
  await page.getByRole('toolbar', { name: 'Annoter la sélection' }).getByRole('button', { name: 'Note…' }).click();
  await page.getByRole('dialog').getByLabel('Note').fill('Contrôle de la caisse nationale : vérifier la tutelle.');
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.annotation-note')).toHaveText('Contrôle de la caisse nationale : vérifier la tutelle.');

  // The panel's button opens the print view in a tab (the web edition's print dialog then).
  const [tab] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('.annotations-panel').getByRole('button', { name: 'Exporter en PDF' }).click(),
  ]);
  await expect(tab.locator('html')).toHaveAttribute('data-print-ready', 'true', { timeout: 30_000 });
  expect(new URL(tab.url()).hash).toBe(location);
  await tab.close();

  const started = performance.now();
  const pdf = await printView(page, url, location);
  console.log(`[annotations e2e] article to PDF in ${Math.round(performance.now() - started)} ms (${pdf.length} bytes)`);
  const text = pdfText(pdf, 'article').replace(/\s+/g, ' ');
  expect(text).toContain('Article L611-3');
  expect(text).toContain('sous le contrôle de la caisse nationale');
  expect(text).toContain('Contrôle de la caisse nationale : vérifier la tutelle.');
  expect(text).toMatch(/En vigueur du 21 décembre 1985 au \d+\S* \S+ \d{4}/);
  expect(text).toMatch(/page 1 \/ \d+/);
  expect(text).toContain('Source : base LEGI');
  // No interface in the print: neither the top bar nor the panel's buttons.
  expect(text).not.toContain('Mes annotations');
  expect(text).not.toContain('Exporter en PDF');

  // Grayscale: the solid underline of « condition » is a long dark run that was not there before.
  const after = underlineRuns(pdf, 'after');
  expect(before).toEqual([]);
  expect(after.length).toBeGreaterThan(0);
});

test('a redline comparison and a three-step trail to PDF', async ({ page }) => {
  const { url } = await start();
  const l611 = articleByNum(CSS, 'L611-3', '1985-12-21');
  const redline = pdfText(
    await printView(page, url, `#/imprimer/a4/comparaison/${encodeURIComponent(l611.id)}/1985-12-21..1995-02-05/redline`),
    'redline',
  ).replace(/\s+/g, ' ');
  expect(redline).toContain('Article L611-3 : redline');
  // « non-salariés » → « non salariés » (loi n° 95-116): both sides, marked.
  expect(redline).toMatch(/\[−[^\]]*non-salariés[^\]]*\]/);
  expect(redline).toMatch(/\[\+[^\]]*non salariés[^\]]*\]/);
  expect(redline).toMatch(/page 1 \/ \d+/);

  // The trail bar's button opens the trail's print view (steps in order, at their dates).
  await openApp(page, url, `#/${CSS}/L611-3@2006-01-28`);
  await page.locator('.article-body a.reference').first().click();
  await expect(page.locator('.trail-step')).toHaveCount(2);
  const [tab] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('.trail-bar').getByRole('button', { name: 'Exporter en PDF' }).click(),
  ]);
  await expect(tab.locator('html')).toHaveAttribute('data-print-ready', 'true', { timeout: 30_000 });
  expect(decodeURIComponent(new URL(tab.url()).hash)).toMatch(
    /^#\/imprimer\/a4\/parcours\/\/code-de-la-securite-sociale\/LEGIARTI\d+@2006-01-28\//,
  );
  await expect(tab.locator('.dossier-steps tbody tr')).toHaveCount(2);
  await tab.close();

  const steps = [
    { num: 'L611-3', date: '1985-12-21' },
    { num: 'L611-3', date: '2006-01-28' },
    { num: 'L245-8', date: '2012-06-01' },
  ].map((step) => ({ ...step, article: articleByNum(CSS, step.num, step.date) }));
  const trailLocation = `#/imprimer/a4/parcours/${encodeURIComponent('Visite du 3 décembre')}/${steps
    .map((s) => encodeURIComponent(`${s.article.id}@${s.date}`))
    .join('/')}`;
  const pdf = await printView(page, url, trailLocation, true);
  const text = pdfText(pdf, 'trail').replace(/\s+/g, ' ');
  expect(text).toContain('Visite du 3 décembre');
  expect(text).toContain('Dossier de 3 étapes');
  const order = [
    'Étape 1 — Article L611-3 (en vigueur le 21 décembre 1985)',
    'Étape 2 — Article L611-3 (en vigueur le 28 janvier 2006)',
    'Étape 3 — Article L245-8 (en vigueur le 1er juin 2012)',
  ].map((title) => text.indexOf(title));
  expect(
    order.every((at) => at >= 0),
    order.join(','),
  ).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Continuous numbering through the dossier: the last page is « page N / N ».
  const pages = Number(/page 1 \/ (\d+)/.exec(text)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(text).toContain(`page ${pages} / ${pages}`);
  // The outline: one bookmark per step (pdftohtml lists it).
  const file = path.join(work, 'trail.pdf');
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', file], { encoding: 'utf8' });
  const outline = /<outline>([\s\S]*?)<\/outline>/.exec(xml)?.[1] ?? '';
  for (let step = 1; step <= 3; step++) expect(outline).toContain(`Étape ${step}`);
});

test('the mark of an annotated article in the search box’s list and on the results page', async ({ page }) => {
  const { url } = await start();
  const query = 'indemnités journalières';
  await openApp(page, url, `#/${CSS}`);
  await expect(page.locator('html')).toHaveAttribute('data-search-index', /ready|complete/, { timeout: 60_000 });
  const box = page.getByRole('combobox', { name: 'Rechercher dans les codes' });
  const search = async () => {
    await box.fill('');
    await box.pressSequentially(query, { delay: 20 });
    // The answer to the whole query, not one to the letters typed before it (still shown, marked busy):
    // its first option is the one read and clicked below.
    await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('.search-option').nth(1)).toBeVisible();
  };
  await search();
  // No annotation yet: no mark anywhere in the list.
  await expect(page.locator('.search-option .annotated-mark')).toHaveCount(0);
  const title = (await page.locator('.search-option .option-title').first().textContent()) ?? '';
  const num = /Article (\S+)/.exec(title)?.[1];
  expect(num, title).toBeTruthy();

  // Open the first hit and highlight the first words of its text.
  await page.locator('.search-option').first().click();
  await expect(page.locator('#article-title')).toHaveText(`Article ${num}`);
  const opening = ((await page.locator('.article-body [data-paragraph]').first().textContent()) ?? '').trim();
  const words = opening.slice(0, Math.max(opening.indexOf(' ', 20), 10));
  await selectWords(page, words);
  await page.keyboard.press('h');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (1)');

  // The same search: the article's option is marked (said to screen readers), the others are not.
  await search();
  const options = page.locator('.search-option');
  const marked = options.filter({ has: page.locator('.option-title', { hasText: new RegExp(`^Article ${num}\\b`) }) });
  await expect(marked.first().locator('.annotated-mark')).toHaveAttribute('title', '1 annotation');
  await expect(marked.first().locator('.annotated-mark .visually-hidden')).toHaveText(', 1 annotation');
  await expect(page.locator('.search-option .annotated-mark')).toHaveCount(await marked.count());

  // Enter: the results page marks it too, and only it.
  await page.keyboard.press('Enter');
  await expect(page.locator('#results-title')).toHaveText(`Résultats pour « ${query} »`);
  const results = page.locator('.result');
  await expect(results.nth(1)).toBeVisible();
  const markedResult = results.filter({ has: page.locator('.result-title', { hasText: new RegExp(`^Article ${num}\\b`) }) });
  await expect(markedResult.first().locator('.annotated-mark')).toHaveAttribute('title', '1 annotation');
  await expect(page.locator('.result .annotated-mark')).toHaveCount(await markedResult.count());
});

test('highlights on both sides of the side-by-side comparison and in the redline, each on its version', async ({ page }) => {
  const { url } = await start();
  await openApp(page, url, L611_3_1985);
  await selectWords(page, KEPT);
  await page.keyboard.press('h');
  await selectWords(page, CHANGED);
  await page.keyboard.press('h');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (2)');

  // Side by side, 1985 → 1995: the left column has the words as annotated in 1985, the right
  // column the same annotations placed on the 1995 text (« non salariés », loi n° 95-116).
  await openApp(page, url, `#/${CSS}/L611-3/versions/1985-12-21..1995-02-05`);
  const row = page.locator('.sbs-row').first();
  const left = row.locator('> .sbs-cell').nth(0);
  const right = row.locator('> .sbs-cell').nth(1);
  await expect(left.locator('mark.hl').first()).toBeVisible();
  const marked = async (cell: typeof left) => (await cell.locator('mark.hl').allTextContents()).join('');
  expect(await marked(left)).toBe(KEPT + CHANGED);
  expect(await marked(right)).toBe(KEPT + 'des travailleurs non salariés');
  // The changed words are highlighted inside the change itself, on each side.
  await expect(left.locator('del mark.hl')).toContainText(['non-salariés']);
  await expect(right.locator('ins mark.hl')).toContainText(['non salariés']);
  await expect(right.locator('mark.hl', { hasText: 'non-salariés' })).toHaveCount(0);
  // One number per annotation, the same on both sides.
  const labels = (cell: typeof left) => cell.locator('.hl-number').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-label')));
  const leftLabels = await labels(left);
  expect(leftLabels).toHaveLength(2);
  expect(await labels(right)).toEqual(leftLabels);

  // The redline: struck words with the 1985 placing, inserted words with the 1995 one, the
  // unchanged words highlighted once.
  await page.getByRole('group', { name: 'Affichage' }).getByRole('button', { name: 'Redline' }).click();
  const block = page.locator('.redline-block').first();
  await expect(block.locator('del mark.hl')).toContainText(['non-salariés']);
  await expect(block.locator('ins mark.hl')).toContainText(['non salariés']);
  const marksOutside = (excluded: string) =>
    block.locator('mark.hl').evaluateAll(
      (marks, skip) =>
        marks
          .filter((m) => !m.closest(skip))
          .map((m) => m.textContent)
          .join(''),
      excluded,
    );
  // Read without the insertions: the words as annotated in 1985; without the deletions: as placed on 1995.
  expect(await marksOutside('ins')).toBe(KEPT + CHANGED);
  expect(await marksOutside('del')).toBe(KEPT + 'des travailleurs non salariés');
  // Each number once: the unchanged words are not highlighted twice.
  await expect(block.locator('.hl-number')).toHaveCount(2);
});

/** Drags the mouse from the first letter of `from` to the last letter of `to` in the article's text, as a reader selects. */
async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  // Both ends on screen: the paragraph of the start at the top of the window.
  await page.evaluate((first) => {
    const paragraph = [...document.querySelectorAll<HTMLElement>('.article-body [data-paragraph]')].find((p) =>
      (p.textContent ?? '').includes(first),
    );
    paragraph?.scrollIntoView({ block: 'start' });
  }, from);
  const points = await page.evaluate(
    ({ first, last }) => {
      const spot = (wanted: string, atEnd: boolean) => {
        for (const paragraph of document.querySelectorAll<HTMLElement>('.article-body [data-paragraph]')) {
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
          const nodes: Text[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
          const text = nodes.map((n) => n.data).join('');
          const at = text.indexOf(wanted);
          if (at < 0) continue;
          let offset = atEnd ? at + wanted.length - 1 : at;
          for (const node of nodes) {
            if (offset < node.data.length) {
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + 1);
              const rect = range.getBoundingClientRect();
              return { x: atEnd ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 };
            }
            offset -= node.data.length;
          }
        }
        throw new Error(`« ${wanted} » is not in the article`);
      };
      return [spot(first, false), spot(last, true)];
    },
    { first: from, last: to },
  );
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  await page.mouse.move(points[1]!.x, points[1]!.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByRole('toolbar', { name: 'Annoter la sélection' })).toBeVisible();
}

test('a mouse selection across two paragraphs and across a reference link is one highlight, kept after a reload', async ({ page }) => {
  const { url } = await start();
  // L242-1 as of 1 October 2019: « II.-Par dérogation au I, sont exclus … sociale : » then
  // « 1° Les sommes allouées … prévu à l'article L. 3312-4 du code du travail ; ».
  const l242 = articleByNum(CSS, 'L242-1', '2019-10-01');
  const version = [...l242.versions].reverse().find((v) => v.validFrom <= '2019-10-01')!;
  const [second, third] = [version.paragraphs[1]!, version.paragraphs[2]!];
  const link = version.references.find((r) => r.paragraph === 2)!;
  expect(third.slice(link.start, link.end)).toBe('L. 3312-4');
  const from = 'sont exclus';
  const to = 'du code du travail';
  await openApp(page, url, `#/${CSS}/L242-1@2019-10-01`);
  await expect(page.locator('#article-title')).toHaveText('Article L242-1');
  await dragSelect(page, from, to);
  await page.keyboard.press('h');
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (1)');

  const marked = (paragraph: number) =>
    page.locator(`.article-body [data-paragraph="${paragraph}"] mark.hl`).evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
  const expectOnePassage = async () => {
    expect(await marked(1)).toBe(second.slice(second.indexOf(from)));
    expect(await marked(2)).toBe(third.slice(0, third.indexOf(to) + to.length));
    // The link's words are highlighted inside the link, which still leads to its article.
    await expect(page.locator('.article-body [data-paragraph="2"] .reference mark.hl')).toHaveText('L. 3312-4');
    // One annotation: one number, after its last piece.
    await expect(page.locator('.article-body .hl-number')).toHaveCount(1);
  };
  await expectOnePassage();
  await page.reload();
  await expect(page.locator('.annotations-panel h2')).toHaveText('Annotations (1)');
  await expectOnePassage();
});

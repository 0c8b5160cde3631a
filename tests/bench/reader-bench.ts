/**
 * Speed of the reader (`npm run bench -- reader`): Playwright in Debian's Chromium against the web
 * edition on the default corpus (or `PALIMPSESTE_BENCH_CORPUS`). Every figure is measured in the
 * page (performance marks the renderer sets), not from the test runner:
 * - launch → first article painted (target < 1 s): the host's start, then a fresh browser context
 *   opening a deep link to an article, up to the frame where its text is on screen;
 * - search results for a typed query (target p95 < 50 ms): from each keystroke to the results of
 *   that text committed on screen, queries typed character by character;
 * - table of contents of the sécurité sociale opens (target < 100 ms): from choosing the code to
 *   its rows painted, the first time (fetched) and again (already loaded);
 * - renderer memory with the whole corpus loaded (target < 400 MB): the renderer process's resident
 *   memory (its main thread and the search worker), after garbage collection in both, with the
 *   search index of the law in force of every code, the tables of contents and an article loaded;
 *   then again once a search has loaded the past versions' index too (it loads on demand); the JS
 *   heaps of the page and of the worker beside it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config.ts';
import { buildRenderer, startWebHost } from '../e2e/support/web-host.ts';
import { mb, median, ms, percentile, printTable } from './table.ts';

const CSS = 'code-de-la-securite-sociale';
const ARTICLE = `#/${CSS}/L611-3`;
const QUERIES = [
  'cotisations',
  'securite sociale',
  'assurance maladie',
  'indemnités journalières',
  'travailleurs indépendants',
  'allocations familiales',
  'accident du travail',
  'pension d’invalidité',
  'recouvrement des cotisations',
  'caisse nationale',
  'mutuelle',
  'employeur',
  'retraite complémentaire',
  '"organismes de sécurité sociale"',
  'L. 611-3',
];

async function waitForMark(page: Page, name: string, after = 0, detail?: string): Promise<number> {
  const handle = await page.waitForFunction(
    ([markName, since, wanted]) => {
      const mark = performance
        .getEntriesByName(markName as string, 'mark')
        .find((m) => m.startTime >= (since as number) && (wanted === null || (m as PerformanceMark).detail === wanted));
      return mark ? mark.startTime : undefined;
    },
    [name, after, detail ?? null] as const,
    { timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function firstArticle(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + ARTICLE);
  const painted = await waitForMark(page, 'palimpseste:article-painted');
  await context.close();
  return painted;
}

interface SearchSample {
  duration: number;
  query: string;
  engineMs: number;
}

async function searchTimes(page: Page): Promise<SearchSample[]> {
  const box = page.locator('#search-input');
  await page.evaluate(() => performance.clearMeasures('palimpseste:search'));
  for (const query of QUERIES) {
    await box.fill('');
    // A fast typist: 80 ms between keys.
    await box.pressSequentially(query, { delay: 80 });
    await page.waitForTimeout(300);
  }
  return page.evaluate(() =>
    performance.getEntriesByName('palimpseste:search', 'measure').map((m) => {
      const detail = (m as PerformanceMeasure).detail as { query: string; engineMs: number };
      return { duration: m.duration, query: detail.query, engineMs: detail.engineMs };
    }),
  );
}

/** Waits until the background loads are over: search index and its texts, tables of contents. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.searchTexts === 'loaded', undefined, { timeout: 300_000 });
  await waitForMark(page, 'palimpseste:tocs-preloaded');
  await page.waitForTimeout(1000);
}

async function openToc(page: Page, code: string): Promise<number> {
  const started = await page.evaluate((target) => {
    const select = document.querySelector<HTMLSelectElement>('.toc-code select');
    if (!select) throw new Error('no code selector');
    const t0 = performance.now();
    select.value = target;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return t0;
  }, code);
  const painted = await waitForMark(page, 'palimpseste:toc-painted', started, code);
  return painted - started;
}

/**
 * The page's dedicated workers (the search worker) through the page's CDP session: Chromium
 * attaches them as child targets; commands go through `Target.sendMessageToTarget`.
 */
async function workerDebugger(session: CDPSession): Promise<(method: string) => Promise<unknown>[]> {
  const workers: string[] = [];
  const replies = new Map<number, (value: unknown) => void>();
  session.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let nextId = 1;
  return (method) =>
    workers.map(
      (sessionId) =>
        new Promise((resolve) => {
          const id = nextId++;
          replies.set(id, resolve);
          void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
        }),
    );
}

/** Collects garbage in the page and its workers, then reads the page's and the workers' JS heaps. */
async function heaps(session: CDPSession, inWorkers: (method: string) => Promise<unknown>[]): Promise<{ page: number; workers: number }> {
  await session.send('HeapProfiler.collectGarbage');
  await Promise.all(inWorkers('HeapProfiler.collectGarbage'));
  const page = ((await session.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const workers = ((await Promise.all(inWorkers('Runtime.getHeapUsage'))) as { usedSize: number }[]).reduce(
    (sum, heap) => sum + heap.usedSize,
    0,
  );
  return { page, workers };
}

/** Resident memory of Chromium's renderer processes (the page's and its worker's), from /proc. */
async function rendererMemory(browser: Browser): Promise<{ largest: number; total: number }> {
  const session = await browser.newBrowserCDPSession();
  const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
  const sizes = info.processInfo
    .filter((p) => p.type === 'renderer')
    .map((p) => {
      try {
        const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        return 0;
      }
    });
  await session.detach();
  return { largest: Math.max(0, ...sizes), total: sizes.reduce((a, b) => a + b, 0) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-bench-'));
  // The renderer of the current sources, built apart (never an older build/out/renderer).
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-bench-renderer-'));
  buildRenderer(rendererDir);
  const corpusDir = process.env.PALIMPSESTE_BENCH_CORPUS;
  const hostStart = performance.now();
  const host = await startWebHost({ dataDir, rendererDir, ...(corpusDir ? { corpusDir } : {}) });
  const hostReady = performance.now() - hostStart;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // Launch → first article: the first run finds the host cold (nothing read from the bundle yet).
    const cold = await firstArticle(browser, host.url);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await firstArticle(browser, host.url));

    const info = (await (
      await fetch(`${host.url}api/getCorpusInfo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' })
    ).json()) as {
      value: { manifest: { codes: { id: string }[] } };
    };
    const other = info.value.manifest.codes.map((c) => c.id).find((c) => c !== CSS);

    // Cold: right after the first page, before the tables of contents are preloaded.
    const tocTimes: { cold?: number; first?: number; again?: number } = {};
    if (other) {
      const coldContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const coldPage = await coldContext.newPage();
      await coldPage.goto(`${host.url}#/${other}`);
      await waitForMark(coldPage, 'palimpseste:toc-painted', 0, other);
      tocTimes.cold = await openToc(coldPage, CSS);
      await coldContext.close();
    }

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Start on another code; the sécurité sociale's tree is preloaded once the search index is in.
    await page.goto(`${host.url}#/${other ?? CSS}`);
    await settled(page);
    if (other) {
      tocTimes.first = await openToc(page, CSS);
      await openToc(page, other);
      tocTimes.again = await openToc(page, CSS);
    }

    const searched = await searchTimes(page);
    const samples = searched.map((s) => s.duration);
    const engineSamples = searched.map((s) => s.engineMs);
    const slowest = [...searched].sort((a, b) => b.duration - a.duration).slice(0, 3);
    await context.close();

    // Memory, in a fresh page: an article read, the index of the law in force and every table of
    // contents loaded, nothing else going on.
    const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const reading = await fresh.newPage();
    const cdp = await fresh.newCDPSession(reading);
    const inWorkers = await workerDebugger(cdp);
    await reading.goto(`${host.url}${ARTICLE}`);
    await waitForMark(reading, 'palimpseste:article-painted');
    await settled(reading);
    const heap = await heaps(cdp, inWorkers);
    await reading.waitForTimeout(1000);
    const memory = await rendererMemory(browser);

    // A search of every version loads the past versions' index.
    await reading.keyboard.press('Control+k');
    await reading.locator('#search-input').fill('cotisations');
    await reading.locator('.search-filters select').nth(2).selectOption('all');
    await reading.waitForFunction(() => document.documentElement.dataset.searchIndex === 'complete', undefined, { timeout: 300_000 });
    await reading.waitForTimeout(2000);
    const heapWithPast = await heaps(cdp, inWorkers);
    await reading.waitForTimeout(1000);
    const withPast = await rendererMemory(browser);
    await fresh.close();

    const verdict = (value: number, target: number) => (Number.isFinite(value) ? (value < target ? 'oui' : 'NON') : '—');
    printTable([
      ['Mesure', 'Valeur', 'Cible', 'Atteinte'],
      ['Hôte web prêt (lancement → adresse)', ms(hostReady), '', ''],
      ['Premier article affiché, hôte froid (navigation → texte peint)', ms(cold), '< 1000 ms', verdict(cold, 1000)],
      ['Premier article affiché, médiane de 5 ouvertures', ms(median(warm)), '< 1000 ms', verdict(median(warm), 1000)],
      [`Recherche en tapant : p50 (${samples.length} réponses, ${QUERIES.length} requêtes)`, ms(median(samples)), '', ''],
      [
        'Recherche en tapant : p95 (frappe → résultats à l’écran)',
        ms(percentile(samples, 95)),
        '< 50 ms',
        verdict(percentile(samples, 95), 50),
      ],
      ['  dont moteur dans le worker : p50 / p95', `${ms(median(engineSamples))} / ${ms(percentile(engineSamples, 95))}`, '', ''],
      ['  les plus lentes', slowest.map((s) => `« ${s.query} » ${ms(s.duration)}`).join(', '), '', ''],
      ['Sommaire de la sécurité sociale, à froid (téléchargé, indexé, peint)', ms(tocTimes.cold ?? NaN), '', ''],
      [
        'Sommaire de la sécurité sociale, 1re ouverture (préchargé en arrière-plan)',
        ms(tocTimes.first ?? NaN),
        '< 100 ms',
        verdict(tocTimes.first ?? NaN, 100),
      ],
      ['Sommaire de la sécurité sociale, réouverture', ms(tocTimes.again ?? NaN), '< 100 ms', verdict(tocTimes.again ?? NaN, 100)],
      [
        'Mémoire du processus de rendu : droit en vigueur indexé, sommaires, un article',
        mb(memory.largest),
        '< 400 MB',
        verdict(memory.largest / 1024 / 1024, 400),
      ],
      ['  dont tas JavaScript : page / worker de recherche', `${mb(heap.page)} / ${mb(heap.workers)}`, '', ''],
      [
        'Mémoire du processus de rendu : + index des versions passées',
        mb(withPast.largest),
        '< 400 MB',
        verdict(withPast.largest / 1024 / 1024, 400),
      ],
      ['  dont tas JavaScript : page / worker de recherche', `${mb(heapWithPast.page)} / ${mb(heapWithPast.workers)}`, '', ''],
    ]);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

await main();

/**
 * Speed of the versions views (`npm run bench -- versions`): Playwright in Debian's Chromium against
 * the web edition on the default corpus (or `PALIMPSESTE_BENCH_CORPUS`). Measured in the page:
 * - side-by-side view painted after the click (target < 200 ms): from the click on « Comparer… » in
 *   the timeline to the frame where the comparison is on screen (`palimpseste:comparison-painted`),
 *   each run on a freshly loaded page (nothing cached), for L242-1 (36 versions, first ↔ last) and
 *   for the longest version pair of the corpus;
 * - the 2006-01-28 change set of the sécurité sociale listed (target < 1 s): from the navigation to
 *   the frame where its ~200 articles are listed (`palimpseste:changeset-listed`);
 * - word diff of the longest version pair (target < 50 ms): the diff engine's `compareVersions`
 *   bundled and run in the page on the two texts, warm, and the app's own measure of its first
 *   computation (`palimpseste:compare`, cold);
 * - beside it, `git diff --no-index --word-diff` on the same two texts, in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { CorpusStore } from '../../electron/host/corpus-store.ts';
import { CORPUS_DIR } from '../../electron/host/paths.ts';
import type { Article, Version } from '../../corpus/model/model.ts';
import { CHROMIUM_ARGS } from '../e2e/playwright.config.ts';
import { startWebHost } from '../e2e/support/web-host.ts';
import { median, ms, percentile, printTable } from './table.ts';

const CSS = 'code-de-la-securite-sociale';
const RUNS = 7;
const DIFF_RUNS = 25;
const root = path.resolve(import.meta.dirname, '../..');
const corpusDir = process.env.PALIMPSESTE_BENCH_CORPUS ?? CORPUS_DIR;

const hasText = (v: Version) => !v.textUnavailable && v.paragraphs.length > 0;
const chars = (v: Version) => v.paragraphs.reduce((n, p) => n + p.length, 0);

/** The consecutive pair of text versions with the most characters, over every article of the corpus. */
async function longestPair(store: CorpusStore): Promise<{ article: Article; before: Version; after: Version }> {
  let best: { article: Article; before: Version; after: Version; size: number } | undefined;
  for (const code of (await store.manifest()).codes) {
    for (const entry of await store.catalog(code.id)) {
      if (entry.versionCount < 2) continue;
      const article = await store.article(entry.id);
      const texts = article.versions.filter(hasText);
      for (let i = 1; i < texts.length; i++) {
        const size = chars(texts[i - 1]!) + chars(texts[i]!);
        if (!best || size > best.size) best = { article, before: texts[i - 1]!, after: texts[i]!, size };
      }
    }
  }
  if (!best) throw new Error('no article with two text versions');
  return best;
}

async function waitForMark(page: Page, name: string, after: number): Promise<number> {
  const handle = await page.waitForFunction(
    ([markName, since]) =>
      performance.getEntriesByName(markName as string, 'mark').find((m) => m.startTime >= (since as number))?.startTime,
    [name, after] as const,
    { timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Clicks the element in the page itself, so that the start time is the click's, not the runner's. */
async function clickAt(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const element = document.querySelector<HTMLElement>(sel);
    if (!element) throw new Error(`${sel} absent`);
    const start = performance.now();
    element.click();
    return start;
  }, selector);
}

/** From a freshly loaded timeline, the click on a comparison button to the comparison painted. */
async function sideBySideAfterClick(
  browser: Browser,
  url: string,
  location: string,
  button: string,
  choose: string[] = [],
): Promise<{ painted: number; compute: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + location);
  await page.waitForSelector('.timeline-item', { timeout: 120_000 });
  // Versions ticked in the timeline first (not timed); then the click that is.
  for (const selector of choose) await page.locator(selector).check();
  await page.waitForSelector(button, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const start = await clickAt(page, button);
  const painted = await waitForMark(page, 'palimpseste:comparison-painted', start);
  const compute = await page.evaluate(() => performance.getEntriesByName('palimpseste:compare', 'measure').at(-1)?.duration ?? NaN);
  const rows = await page.locator('.sbs-row').count();
  if (rows === 0) throw new Error('no side-by-side row painted');
  await context.close();
  return { painted: painted - start, compute };
}

/** From the code's page, the navigation to the change set to its articles listed. */
async function changeSetListed(browser: Browser, url: string, day: string): Promise<{ listed: number; articles: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}#/${CSS}`);
  await page.waitForSelector('#code-title');
  await page.waitForTimeout(500);
  const start = await page.evaluate((hash) => {
    const t0 = performance.now();
    window.location.hash = hash;
    return t0;
  }, `#/${CSS}/modifications/${day}`);
  const listed = await waitForMark(page, 'palimpseste:changeset-listed', start);
  const articles = await page.locator('.changeset-article').count();
  await context.close();
  return { listed: listed - start, articles };
}

/**
 * The diff engine bundled for the page with a timing loop around it (a classic script: the page's
 * CSP is bypassed for the benchmark only). The loop runs in the page, warm-up runs first.
 */
async function diffBundle(): Promise<string> {
  const entry = `
    import { compareVersions } from './corpus/diff/index.ts';
    globalThis.palimpsesteBenchDiff = (oldParagraphs, newParagraphs, runs) => {
      const run = () => compareVersions({ paragraphs: oldParagraphs }, { paragraphs: newParagraphs }, 'word');
      for (let i = 0; i < 3; i++) run();
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        run();
        samples.push(performance.now() - start);
      }
      return samples;
    };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'iife',
    target: 'chrome130',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

async function diffInPage(browser: Browser, url: string, before: Version, after: Version): Promise<number[]> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: await diffBundle() });
  const times = await page.evaluate(
    ([oldParagraphs, newParagraphs, runs]) =>
      (
        globalThis as unknown as { palimpsesteBenchDiff: (a: readonly string[], b: readonly string[], n: number) => number[] }
      ).palimpsesteBenchDiff(oldParagraphs, newParagraphs, runs),
    [before.paragraphs, after.paragraphs, DIFF_RUNS] as const,
  );
  await context.close();
  return times;
}

function gitWordDiff(before: Version, after: Version): number[] {
  const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-versions-bench-'));
  const oldFile = path.join(work, 'ancien.txt');
  const newFile = path.join(work, 'nouveau.txt');
  writeFileSync(oldFile, before.paragraphs.join('\n\n') + '\n');
  writeFileSync(newFile, after.paragraphs.join('\n\n') + '\n');
  const samples: number[] = [];
  for (let i = 0; i < DIFF_RUNS + 3; i++) {
    const start = performance.now();
    const result = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff', oldFile, newFile], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    // Exit code 1 means « the files differ ».
    if (result.status !== 1) throw new Error(`git diff --no-index exited ${result.status}: ${result.stderr}`);
    if (i >= 3) samples.push(performance.now() - start);
  }
  rmSync(work, { recursive: true, force: true });
  return samples;
}

async function main(): Promise<void> {
  console.log(
    `charge de la machine au départ (1, 5, 15 min) : ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')} — 2 cœurs partagés`,
  );
  const store = new CorpusStore(corpusDir, { shardCacheBytes: 256 * 1024 * 1024 });
  const longest = await longestPair(store);
  const l2421 = (await store.findArticles('L242-1', CSS))[0];
  console.log(
    `paire la plus longue : ${longest.article.num} (${longest.article.code}), ${longest.before.validFrom} → ${longest.after.validFrom}, ` +
      `${chars(longest.before)} + ${chars(longest.after)} caractères, ${longest.before.paragraphs.length} → ${longest.after.paragraphs.length} alinéas`,
  );

  const dataDir = mkdtempSync(path.join(tmpdir(), 'palimpseste-bench-'));
  const host = await startWebHost({ dataDir, ...(process.env.PALIMPSESTE_BENCH_CORPUS ? { corpusDir } : {}) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // The timeline lists newest first: tick the two versions of the longest pair, then « Côte à côte ».
    const item = (version: Version) =>
      `.timeline-item:nth-child(${longest.article.versions.length - longest.article.versions.indexOf(version)}) .timeline-pick`;
    const longestLocation = `#/${longest.article.code}/${encodeURIComponent(longest.article.num)}/versions`;
    const runs = async (run: () => Promise<{ painted: number; compute: number }>) => {
      await run(); // the host reads the shard once: not the measure
      const samples: { painted: number; compute: number }[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await run());
      return samples;
    };
    const firstLast = l2421
      ? await runs(() => sideBySideAfterClick(browser, host.url, `#/${CSS}/L242-1/versions`, '.compare-first-last'))
      : [];
    const longestClicks = await runs(() =>
      sideBySideAfterClick(browser, host.url, longestLocation, '.timeline-bar button.primary', [item(longest.before), item(longest.after)]),
    );

    const listed: number[] = [];
    let articles = 0;
    await changeSetListed(browser, host.url, '2006-01-28');
    for (let i = 0; i < RUNS; i++) {
      const run = await changeSetListed(browser, host.url, '2006-01-28');
      listed.push(run.listed);
      articles = run.articles;
    }

    const inPage = await diffInPage(browser, host.url, longest.before, longest.after);
    const git = gitWordDiff(longest.before, longest.after);

    const verdict = (value: number, target: number) => (Number.isFinite(value) ? (value < target ? 'oui' : 'NON') : '—');
    const painted = (samples: { painted: number }[]) => samples.map((s) => s.painted);
    const computed = (samples: { compute: number }[]) => samples.map((s) => s.compute);
    const row = (label: string, samples: number[], target?: number): string[] => [
      label,
      ms(median(samples)),
      ms(percentile(samples, 95)),
      target === undefined ? '' : `< ${target} ms`,
      target === undefined ? '' : verdict(percentile(samples, 95), target),
    ];
    printTable([
      ['Mesure (dans la page, Chromium)', 'médiane', 'p95', 'cible', 'atteinte (p95)'],
      ...(firstLast.length
        ? [row(`Côte à côte peint après le clic : L242-1, première ↔ dernière (${RUNS} pages neuves)`, painted(firstLast), 200)]
        : []),
      [
        '  dont calcul de la comparaison (palimpseste:compare)',
        ms(median(computed(firstLast))),
        ms(percentile(computed(firstLast), 95)),
        '',
        '',
      ],
      row(`Côte à côte peint après le clic : paire la plus longue (${RUNS} pages neuves)`, painted(longestClicks), 200),
      [
        '  dont calcul de la comparaison, à froid (palimpseste:compare)',
        ms(median(computed(longestClicks))),
        ms(percentile(computed(longestClicks), 95)),
        '',
        '',
      ],
      row(`Modifications du 28 janvier 2006 listées (${articles} articles, ${RUNS} fois)`, listed, 1000),
      row(`Diff mot à mot de la paire la plus longue, compareVersions à chaud (${DIFF_RUNS} fois)`, inPage, 50),
      row(`git diff --no-index --word-diff, mêmes textes (processus compris, ${DIFF_RUNS} fois)`, git),
    ]);
    console.log(
      `charge de la machine à la fin : ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

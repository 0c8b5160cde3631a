/**
 * Annotations through the host and to PDF (issue 9 §7), on the compiled corpus (`corpus/dist/`):
 * - saving an annotation with 10,000 stored (target p95 under 20 ms): 10,000 real passages of the
 *   code de la sécurité sociale imported at once, then 200 new ones saved one after the other
 *   through the host's `saveAnnotation` (acknowledged once on disk: fsync; the search index kept
 *   current), each timed;
 * - an annotated article of about 5 pages to PDF (target under 2 s) and a 20-step trail as one
 *   dossier with its outline (target under 10 s): the print view served by the web edition,
 *   printed by Debian's Chromium (`page.pdf()`, as the desktop app's `printToPDF`), from the
 *   navigation to the last byte of the PDF; pages counted with `pdfinfo`.
 * Passages are drawn with a fixed seed, so two runs measure the same work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { createPassageAnnotation, type Annotation } from '../../corpus/annotations/annotation.ts';
import { ArticleText } from '../../corpus/annotations/article-text.ts';
import { exportAnnotationsFile } from '../../corpus/annotations/files.ts';
import { DEFAULT_PALETTE, ROLE_IDS } from '../../corpus/annotations/roles.ts';
import type { Article, Version } from '../../corpus/model/model.ts';
import { createHost } from '../../electron/host/host.ts';
import { formatPrintRoute } from '../../renderer/src/reader/print-route.ts';
import { CHROMIUM_ARGS } from '../e2e/playwright.config.ts';
import { buildRenderer, startWebHost } from '../e2e/support/web-host.ts';
import { median, ms, percentile, printTable } from './table.ts';

const root = path.resolve(import.meta.dirname, '../..');
const corpusDir = path.join(root, 'corpus/dist');
const CSS = 'code-de-la-securite-sociale';
const SAVE_TARGET_MS = 20;
const ARTICLE_PDF_TARGET_MS = 2000;
const TRAIL_PDF_TARGET_MS = 10_000;
if (!existsSync(path.join(corpusDir, 'manifest.json'))) {
  console.log('corpus/dist absent (npm run corpus): annotations PDF benchmark skipped');
  process.exit(0);
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(9);

/** A passage of 3 to 12 words of a paragraph of `version`, with a short note. */
function passage(article: Article, version: Version, id: string): Annotation | undefined {
  const candidates = version.paragraphs.map((p, i) => [p, i] as const).filter(([p]) => p.length > 80);
  if (candidates.length === 0) return undefined;
  const [text, paragraph] = candidates[Math.floor(next() * candidates.length)]!;
  const start = Math.floor(next() * (text.length - 60));
  const end = Math.min(text.length, start + 20 + Math.floor(next() * 60));
  try {
    return {
      ...createPassageAnnotation({
        article: { id: article.id, code: article.code, num: article.num },
        version,
        text: new ArticleText(version.paragraphs),
        start: { paragraph, offset: start },
        end: { paragraph, offset: end },
        role: ROLE_IDS[Math.floor(next() * ROLE_IDS.length)]!,
        note: `Point à vérifier avant l’audience : portée de l’alinéa ${paragraph + 1}, jurisprudence récente, ${id}.`,
        tags: ['dossier-bench'],
      }),
      id,
    };
  } catch {
    return undefined;
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-annotations-pdf-bench-'));
const dataDir = path.join(work, 'data');
const rows: string[][] = [['mesure', 'travail', 'médiane', 'p95', 'objectif', 'résultat']];
let failed = false;
const row = (name: string, workDone: string, samples: number[], target: number, byP95: boolean) => {
  const measured = byP95 ? percentile(samples, 95) : median(samples);
  const ok = measured < target;
  if (!ok) failed = true;
  rows.push([
    name,
    workDone,
    ms(median(samples)),
    ms(percentile(samples, 95)),
    `${byP95 ? 'p95' : 'médiane'} < ${target} ms`,
    ok ? 'atteint' : 'MANQUÉ',
  ]);
};

try {
  // --- 1. Articles of the code, and 10,000 stored annotations -------------------------------------
  const host = createHost({ corpusDir, dataDir, log: () => undefined });
  const catalog = await host.api.getCatalog(CSS);
  if (!catalog.ok) throw new Error(catalog.error.message);
  const articles: Article[] = [];
  for (const entry of catalog.value.filter((e) => e.status === 'VIGUEUR').slice(0, 1500)) {
    const loaded = await host.api.getArticle(entry.id);
    if (loaded.ok && loaded.value.versions.at(-1)!.paragraphs.join('').length > 200) articles.push(loaded.value);
  }
  const stored: Annotation[] = [];
  for (let i = 0; stored.length < 10_000 && i < 100_000; i++) {
    const article = articles[i % articles.length]!;
    const made = passage(article, article.versions.at(-1)!, `stocke-${i}`);
    if (made) stored.push(made);
  }
  const imported = await host.api.importAnnotations(exportAnnotationsFile(stored, { palette: DEFAULT_PALETTE }));
  if (!imported.ok) throw new Error(imported.error.message);
  const saves: number[] = [];
  for (let i = 0; saves.length < 200; i++) {
    const article = articles[(i * 7) % articles.length]!;
    const made = passage(article, article.versions.at(-1)!, `nouvelle-${i}`);
    if (!made) continue;
    const started = performance.now();
    const saved = await host.api.saveAnnotation(made);
    saves.push(performance.now() - started);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  row('enregistrer une annotation', `10 000 stockées, 200 enregistrements (fsync)`, saves, SAVE_TARGET_MS, true);

  // --- 2. The article of about 5 pages, annotated, and the 20 steps of a trail --------------------
  // About 3,400 characters of text fill an A4 page of the print view: the article closest to
  // 5 pages of text with its notes is taken.
  const size = (a: Article) => a.versions.at(-1)!.paragraphs.join('\n').length;
  const long = [...articles].sort((a, b) => Math.abs(size(a) - 14_000) - Math.abs(size(b) - 14_000))[0]!;
  for (let i = 0; i < 25; i++) {
    const made = passage(long, long.versions.at(-1)!, `long-${i}`);
    if (made) await host.api.saveAnnotation(made);
  }
  await host.annotations.records.close();

  const rendererDir = path.join(work, 'renderer');
  console.log('construction du rendu (Vite)…');
  buildRenderer(rendererDir);
  const web = await startWebHost({ dataDir, corpusDir, rendererDir, noBuild: true, timeoutMs: 120_000 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const print = async (location: string, outline: boolean): Promise<[number, Buffer]> => {
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(web.url + location);
      await page.waitForSelector('html[data-print-ready="true"]', { timeout: 60_000 });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline, tagged: true });
      return [performance.now() - started, pdf];
    };
    const pages = (pdf: Buffer, name: string) => {
      const file = path.join(work, `${name}.pdf`);
      writeFileSync(file, pdf);
      return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    };

    const today = new Date().toISOString().slice(0, 10);
    const articleLocation = formatPrintRoute({ kind: 'article', article: long.id, date: today });
    await print(articleLocation, false); // the first load compiles the page's code: not timed
    const articleSamples: number[] = [];
    let articlePdf: Buffer = Buffer.alloc(0);
    for (let run = 0; run < 7; run++) {
      const [elapsed, pdf] = await print(articleLocation, false);
      articleSamples.push(elapsed);
      articlePdf = pdf;
    }
    const articlePages = pages(articlePdf, 'article');
    row(
      'article annoté en PDF',
      `${long.num}, ${size(long).toLocaleString('fr-FR')} caractères, 25 annotations, ${articlePages} pages, 7 passes`,
      articleSamples,
      ARTICLE_PDF_TARGET_MS,
      false,
    );

    const steps = articles
      .filter((a) => a !== long)
      .slice(0, 20)
      .map((a) => ({ article: a.id, code: a.code, num: a.num, date: today }));
    const trailLocation = formatPrintRoute({ kind: 'trail', name: 'Parcours de 20 étapes', steps });
    const trailSamples: number[] = [];
    let trailPdf: Buffer = Buffer.alloc(0);
    for (let run = 0; run < 5; run++) {
      const [elapsed, pdf] = await print(trailLocation, true);
      trailSamples.push(elapsed);
      trailPdf = pdf;
    }
    row(
      'parcours de 20 étapes en PDF',
      `une page d’étapes, 20 articles, signets, ${pages(trailPdf, 'trail')} pages, 5 passes`,
      trailSamples,
      TRAIL_PDF_TARGET_MS,
      false,
    );
  } finally {
    await browser.close();
    await web.stop();
  }
  console.log(
    `charge de la machine à la fin : ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (machine partagée)`,
  );
  printTable(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

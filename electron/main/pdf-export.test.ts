import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintRequest } from '../common/api.ts';
import { formatPrintRoute } from '../../renderer/src/reader/print-route.ts';
import { createFileExporter, createPdfExporter, pdfOptions, suggestedPdfName, type PdfExportDeps, type PdfOptions } from './pdf-export.ts';

const ARTICLE = 'code-de-la-securite-sociale/LEGIARTI000006743538';
const article: PrintRequest = { kind: 'article', article: ARTICLE, date: '1985-12-21' };
const trail: PrintRequest = {
  kind: 'trail',
  name: 'Visite du 3 décembre',
  paper: 'Letter',
  steps: [{ article: ARTICLE, code: 'code-de-la-securite-sociale', num: 'L611-3', date: '1985-12-21' }],
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-pdf-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fakeWindow(states: (string | undefined)[], log: string[]) {
  let polls = 0;
  return {
    loadURL: async (url: string) => void log.push(`load ${url}`),
    printReady: async () => states[Math.min(polls++, states.length - 1)],
    errorText: async () => 'Document impossible à préparer : article introuvable.',
    printToPDF: async (options: PdfOptions) => {
      log.push(`print ${JSON.stringify(options)}`);
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
    destroy: () => void log.push('destroy'),
  };
}

function deps(states: (string | undefined)[], log: string[], target: string | undefined): PdfExportDeps {
  return {
    openHiddenWindow: () => fakeWindow(states, log),
    urlOf: (location) => `palimpseste://app/index.html${location}`,
    formatPrintRoute,
    askSavePath: async (name, kind) => {
      log.push(`ask ${name} ${kind}`);
      return target;
    },
    readyTimeoutMs: 200,
    sleep: async () => undefined,
  };
}

describe('PDF export in a hidden window', () => {
  it('loads the print view, waits until it is laid out, prints, asks where, writes the file whole', async () => {
    const log: string[] = [];
    const target = path.join(dir, 'out.pdf');
    const saved = await createPdfExporter(deps([undefined, undefined, 'true'], log, target))(article);
    expect(saved).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(readdirSync(dir)).toEqual(['out.pdf']);
    expect(log[0]).toBe(`load palimpseste://app/index.html${formatPrintRoute(article)}`);
    expect(log.slice(1)).toEqual([
      `print ${JSON.stringify(pdfOptions(article))}`,
      'destroy',
      'ask article_LEGIARTI000006743538_1985-12-21.pdf pdf',
    ]);
  });

  it('A4 by default, Letter on request, an outline for trails only, backgrounds printed, the page’s CSS size first', () => {
    expect(pdfOptions(article)).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: false,
      generateTaggedPDF: true,
    });
    expect(pdfOptions(trail)).toMatchObject({ pageSize: 'Letter', generateDocumentOutline: true });
    expect(suggestedPdfName(trail)).toBe('parcours_Visite-du-3-decembre.pdf');
  });

  it('a print view that failed or never got ready: the window is closed, the French reason given, no dialog', async () => {
    const log: string[] = [];
    await expect(createPdfExporter(deps(['failed'], log, path.join(dir, 'x.pdf')))(article)).rejects.toThrow(
      'Document impossible à préparer : article introuvable.',
    );
    expect(log.at(-1)).toBe('destroy');
    const slow: string[] = [];
    const waiting = deps([undefined], slow, path.join(dir, 'x.pdf'));
    waiting.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    await expect(createPdfExporter(waiting)(article)).rejects.toThrow(/n’était pas prêt après 0 s/);
    expect(slow.at(-1)).toBe('destroy');
    expect(slow.some((line) => line.startsWith('ask'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancelled dialog: nothing written', async () => {
    const log: string[] = [];
    expect(await createPdfExporter(deps(['true'], log, undefined))(article)).toEqual({ saved: false });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that cannot be written (gone since the dialog): a French message, no temporary file left', async () => {
    const save = createFileExporter({ askSavePath: async () => path.join(dir, 'removed', 'notes.md') });
    await expect(save({ suggestedName: 'notes.md', content: '# Notes', kind: 'markdown' })).rejects.toThrow(/^Export non enregistré dans/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('other exports: the dialog, then the file', async () => {
    const target = path.join(dir, 'annotations.json');
    const save = createFileExporter({ askSavePath: async (name, kind) => (name === 'a.json' && kind === 'json' ? target : undefined) });
    expect(await save({ suggestedName: 'a.json', content: '{"schemaVersion":1}', kind: 'json' })).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('{"schemaVersion":1}');
  });
});

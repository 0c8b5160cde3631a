/**
 * The desktop app's exports: a PDF is the print view (`#/imprimer/…`, the same page the web edition
 * prints) loaded in a hidden window and printed by Chromium (`webContents.printToPDF`: the page's
 * CSS size and margin boxes, backgrounds for the highlights' tints, an outline per step of a trail),
 * then written where the user chose in a save dialog. Other exports (JSON, Markdown) go through the
 * same dialog. Files are written whole to a temporary name beside the target, flushed, then renamed:
 * an export interrupted never leaves half a file under the user's name.
 *
 * Electron is injected (`PdfExportDeps`), so this logic runs in the Node tests; `main.ts` wires it.
 */
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile, PrintRequest, SavedFile } from '../common/api.ts';
import { HostError } from '../host/result.ts';
import { storageFailureOf } from '../host/user-data/storage-errors.ts';

/** The options of `webContents.printToPDF` this module uses (a subset of Electron's `PrintToPDFOptions`). */
export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  printBackground: boolean;
  preferCSSPageSize: boolean;
  generateDocumentOutline: boolean;
  generateTaggedPDF: boolean;
}

export interface PdfWindow {
  loadURL(url: string): Promise<void>;
  /** `document.documentElement.dataset.printReady` of the loaded page ('true', 'failed' or undefined). */
  printReady(): Promise<string | undefined>;
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  /** The print view's own message when it could not be prepared. */
  errorText(): Promise<string>;
  destroy(): void;
}

export interface PdfExportDeps {
  /** A hidden window of the app (trusted by IPC while it lives: the print view reads through the API). */
  openHiddenWindow(): PdfWindow;
  /** `palimpseste://app/index.html#/imprimer/…` */
  urlOf(location: string): string;
  /** The save dialog; undefined when cancelled. */
  askSavePath(suggestedName: string, kind: 'pdf' | 'json' | 'markdown'): Promise<string | undefined>;
  formatPrintRoute(request: PrintRequest): string;
  /** How long the print view may take to be laid out. */
  readyTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function pdfOptions(request: PrintRequest): PdfOptions {
  return {
    pageSize: request.paper === 'Letter' ? 'Letter' : 'A4',
    printBackground: true,
    // The print view's `@page` rules (size, margins, footer boxes) decide: `pageSize` is the fallback.
    preferCSSPageSize: true,
    generateDocumentOutline: request.kind === 'trail',
    generateTaggedPDF: true,
  };
}

/** The name offered in the save dialog (`L611-3_1985-12-21.pdf`, `parcours_Visite.pdf`). */
export function suggestedPdfName(request: PrintRequest): string {
  const stem = (...parts: string[]) =>
    parts
      .join('_')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 120);
  const num = (id: string) => id.slice(id.indexOf('/') + 1).replace(/^num:/, '');
  switch (request.kind) {
    case 'article':
      return `${stem('article', num(request.article), request.date)}.pdf`;
    case 'comparison':
      return `${stem('comparaison', num(request.article), request.from, request.to, request.view ?? 'cote-a-cote')}.pdf`;
    case 'trail':
      return `${stem('parcours', request.name.trim() || 'sans-nom')}.pdf`;
  }
}

/** Writes a file whole under a temporary name, flushes it, then renames it over the target. */
export async function writeWhole(target: string, data: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const failure = storageFailureOf(error);
    const where = path.dirname(target);
    throw failure === 'disk-full'
      ? new HostError('disk-full', `Export non enregistré : disque plein dans « ${where} ». Libérez de la place, puis exportez de nouveau.`)
      : failure === 'read-only'
        ? new HostError('read-only', `Export non enregistré : le dossier « ${where} » n’est pas modifiable. Choisissez un autre dossier.`)
        : new HostError('io', `Export non enregistré dans « ${target} » : ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function waitReady(window: PdfWindow, timeoutMs: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await window.printReady();
    if (ready === 'true') return;
    if (ready === 'failed')
      throw new HostError('internal', (await window.errorText()) || 'Le document à imprimer n’a pas pu être préparé.');
    if (Date.now() > deadline)
      throw new HostError(
        'internal',
        `Le document à imprimer n’était pas prêt après ${Math.round(timeoutMs / 1000)} s : export abandonné.`,
      );
    await sleep(50);
  }
}

/** Prints a request to PDF bytes in a hidden window (closed afterwards, whatever happens). */
export async function printRequest(deps: PdfExportDeps, request: PrintRequest): Promise<Uint8Array> {
  const window = deps.openHiddenWindow();
  try {
    await window.loadURL(deps.urlOf(deps.formatPrintRoute(request)));
    await waitReady(window, deps.readyTimeoutMs ?? 60_000, deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))));
    return await window.printToPDF(pdfOptions(request));
  } finally {
    window.destroy();
  }
}

/** `exportPdf` of the contract: printed first (an error says why before any dialog), then saved where asked. */
export function createPdfExporter(deps: PdfExportDeps): (request: PrintRequest) => Promise<SavedFile> {
  return async (request) => {
    const pdf = await printRequest(deps, request);
    const target = await deps.askSavePath(suggestedPdfName(request), 'pdf');
    if (!target) return { saved: false };
    await writeWhole(target, pdf);
    return { saved: true, path: target };
  };
}

/** `saveExportFile` of the contract: the save dialog, then the file written whole. */
export function createFileExporter(deps: Pick<PdfExportDeps, 'askSavePath'>): (file: ExportFile) => Promise<SavedFile> {
  return async (file) => {
    const target = await deps.askSavePath(file.suggestedName, file.kind);
    if (!target) return { saved: false };
    await writeWhole(target, file.content);
    return { saved: true, path: target };
  };
}

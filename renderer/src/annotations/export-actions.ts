/**
 * Saving what the user exports, the same gesture in both editions: the desktop app asks the host
 * (a save dialog, then the file is written; a PDF is printed in a hidden window); the web edition
 * downloads the file, and prints a PDF through the browser from the print view in a new tab.
 */
import type { ExportFile, PalimpsesteApi, PrintRequest } from '../../../electron/common/api.ts';
import { formatPrintRoute } from '../reader/print-route.ts';

/** The Electron preload is there: the host can show dialogs and print to PDF. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && 'palimpseste' in window && window.palimpseste !== undefined;
}

/** Saves an export file; resolves with a French message for the status line. */
export async function saveExport(api: PalimpsesteApi, file: ExportFile): Promise<string> {
  if (isDesktop()) {
    const result = await api.saveExportFile(file);
    if (!result.ok) return result.error.message;
    return result.value.saved ? `Enregistré : ${result.value.path}` : 'Export annulé.';
  }
  const type = file.kind === 'json' ? 'application/json' : 'text/markdown';
  const url = URL.createObjectURL(new Blob([file.content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Fichier « ${file.suggestedName} » téléchargé.`;
}

/** Exports a print view as PDF (see the module comment). Must run in the click's handler (the tab opens at once). */
export async function exportPdf(api: PalimpsesteApi, request: PrintRequest): Promise<string> {
  if (isDesktop()) {
    const result = await api.exportPdf(request);
    if (!result.ok) return result.error.message;
    return result.value.saved ? `PDF enregistré : ${result.value.path}` : 'Export annulé.';
  }
  const view = window.open(new URL(formatPrintRoute(request), window.location.href).href, '_blank');
  if (!view) return 'Le navigateur a bloqué l’ouverture de la vue d’impression : autorisez les fenêtres de Palimpseste.';
  // The print view says when it is laid out (fonts loaded); the browser's dialog then offers « Enregistrer au format PDF ».
  view.addEventListener('palimpseste:print-ready', () => view.print(), { once: true });
  return 'Vue d’impression ouverte : choisissez « Enregistrer au format PDF » dans la fenêtre d’impression.';
}

/** A file name from an article number and a date (`L611-3_2006-01-28`). */
export function fileStem(...parts: string[]): string {
  return parts
    .join('_')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 120);
}

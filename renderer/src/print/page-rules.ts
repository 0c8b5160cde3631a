/**
 * The printed page: its size (A4 by default, US Letter), its margins, and its margin boxes — the
 * footer with the corpus's source and revision and the export date on the left, « page N / M » on
 * the right (CSS paged media: `counter(page)` / `counter(pages)`, which Chromium prints since 131;
 * the page count runs through the whole document, so a trail's dossier is numbered continuously).
 *
 * The rules depend on the document (its footer), so they are made here and adopted as a
 * constructed style sheet: the app's CSP allows no inline `<style>`.
 */
import type { PaperSize } from '../../../electron/common/api.ts';

/** A CSS string literal holding `text` (no line breaks: a footer is one line). */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')}"`;
}

export function pageRules(paper: PaperSize, footer: string): string {
  const size = paper === 'Letter' ? 'letter' : 'A4';
  const box = 'font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7.5pt; color: #000;';
  return `@page {
  size: ${size};
  margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: ${cssString(footer)}; ${box} vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: "page " counter(page) " / " counter(pages); ${box} vertical-align: top; padding-top: 4mm; white-space: nowrap; }
}`;
}

/** Adopts the page rules for this document; returns what removes them. */
export function adoptPageRules(paper: PaperSize, footer: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageRules(paper, footer));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

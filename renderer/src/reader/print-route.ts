/**
 * The locations of the print views (parsed and written by `reader/route.ts`, which owns the whole
 * location). The desktop app loads one in a hidden window and prints it to PDF; the web edition
 * opens it in a tab and the browser prints it; the tests print it with Playwright's `page.pdf()`.
 *
 *   #/imprimer/a4/article/<article id>@2006-01-28                       an article as annotated
 *   #/imprimer/a4/comparaison/<article id>/1985-12-21..2024-01-01[/redline]   a comparison
 *   #/imprimer/letter/parcours/<name>/<article id>@<date>/…             a trail as one dossier
 *
 * Article ids and the trail's name are URI-encoded (an id holds a slash).
 */
import type { PaperSize, PrintRequest, TrailStep } from '../../../electron/common/api.ts';
import { parseArticleId } from '../../../corpus/model/ids.ts';
import { isIsoDate } from '../dates/french-dates.ts';
import { parseVersionPair } from './versions-route.ts';

export const PRINT_SEGMENT = 'imprimer';

const PAPERS: Record<string, PaperSize> = { a4: 'A4', letter: 'Letter' };

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function datedId(segment: string | undefined): { id: string; date: string } | undefined {
  const text = decode(segment);
  const at = text?.lastIndexOf('@') ?? -1;
  if (!text || at < 1) return undefined;
  const id = text.slice(0, at);
  const date = text.slice(at + 1);
  return isIsoDate(date) && parseArticleId(id) ? { id, date } : undefined;
}

/** The segments after `imprimer/` → the request; undefined when malformed. */
export function parsePrintRoute(segments: readonly string[]): PrintRequest | undefined {
  const paper = PAPERS[segments[0] ?? ''];
  if (!paper) return undefined;
  const kind = segments[1];
  if (kind === 'article' && segments.length === 3) {
    const target = datedId(segments[2]);
    return target ? { kind: 'article', article: target.id, date: target.date, paper } : undefined;
  }
  if (kind === 'comparaison' && (segments.length === 4 || segments.length === 5)) {
    const id = decode(segments[2]);
    const pair = parseVersionPair(segments.slice(3));
    if (!id || !parseArticleId(id) || !pair) return undefined;
    return { kind: 'comparison', article: id, from: pair.from, to: pair.to, view: pair.view, paper };
  }
  if (kind === 'parcours' && segments.length >= 4) {
    const name = decode(segments[2]) ?? '';
    const steps: TrailStep[] = [];
    for (const segment of segments.slice(3)) {
      const target = datedId(segment);
      if (!target) return undefined;
      // The number is read from the article itself when it is printed.
      steps.push({ article: target.id, code: parseArticleId(target.id)!.code, num: '', date: target.date });
    }
    return { kind: 'trail', name, steps, paper };
  }
  return undefined;
}

/** The location of a print view, `#/imprimer/…`. */
export function formatPrintRoute(request: PrintRequest): string {
  const paper = request.paper === 'Letter' ? 'letter' : 'a4';
  const base = `#/${PRINT_SEGMENT}/${paper}`;
  switch (request.kind) {
    case 'article':
      return `${base}/article/${encodeURIComponent(`${request.article}@${request.date}`)}`;
    case 'comparison':
      return `${base}/comparaison/${encodeURIComponent(request.article)}/${request.from}..${request.to}${request.view === 'redline' ? '/redline' : ''}`;
    case 'trail':
      return `${base}/parcours/${encodeURIComponent(request.name)}/${request.steps.map((s) => encodeURIComponent(`${s.article}@${s.date}`)).join('/')}`;
  }
}

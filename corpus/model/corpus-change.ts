/**
 * What changed between two compiled corpora (the one in use and the one a pack brings): codes added
 * and removed, versions added per code, the consolidated versions that came in, the date of the data.
 * Said to the user after an update (« Corpus mis à jour : … ») and after going back to the previous one.
 *
 * Pure: computed from the two manifests only (no article is read).
 */
import type { Manifest } from './bundle.ts';
import type { CodeId, IsoDate } from './model.ts';
import { corpusDataDate } from './timeline.ts';

export interface CodeChange {
  id: CodeId;
  title: string;
  articlesBefore: number;
  articlesAfter: number;
  versionsBefore: number;
  versionsAfter: number;
  /** Dates of consolidated versions (change sets) the new corpus has and the old one had not, ascending. */
  newChangeDates: IsoDate[];
}

export interface CorpusChange {
  dataDateBefore?: IsoDate;
  dataDateAfter: IsoDate;
  builtAtAfter: string;
  codesAdded: { id: CodeId; title: string }[];
  codesRemoved: { id: CodeId; title: string }[];
  /** Codes present in both whose articles or versions changed. */
  codesChanged: CodeChange[];
  /** Versions in the new corpus minus versions in the old (every code). */
  versionsAdded: number;
  /** The same corpus (same build of the same inputs): nothing changes. */
  identical: boolean;
}

type ManifestView = Pick<Manifest, 'sources' | 'builtAt' | 'codes' | 'counts' | 'inputHash'>;

export function describeCorpusChange(before: ManifestView | undefined, after: ManifestView): CorpusChange {
  const old = new Map((before?.codes ?? []).map((c) => [c.id, c]));
  const now = new Map(after.codes.map((c) => [c.id, c]));
  const codesChanged: CodeChange[] = [];
  for (const code of after.codes) {
    const previous = old.get(code.id);
    if (!previous) continue;
    const known = new Set(previous.changeDates);
    const newChangeDates = code.changeDates.filter((d) => !known.has(d));
    if (previous.articleCount === code.articleCount && previous.versionCount === code.versionCount && newChangeDates.length === 0) continue;
    codesChanged.push({
      id: code.id,
      title: code.title,
      articlesBefore: previous.articleCount,
      articlesAfter: code.articleCount,
      versionsBefore: previous.versionCount,
      versionsAfter: code.versionCount,
      newChangeDates,
    });
  }
  const change: CorpusChange = {
    dataDateAfter: corpusDataDate(after),
    builtAtAfter: after.builtAt,
    codesAdded: after.codes.filter((c) => !old.has(c.id)).map(({ id, title }) => ({ id, title })),
    codesRemoved: (before?.codes ?? []).filter((c) => !now.has(c.id)).map(({ id, title }) => ({ id, title })),
    codesChanged,
    versionsAdded: after.counts.versions - (before?.counts.versions ?? 0),
    identical: before !== undefined && before.inputHash === after.inputHash && before.builtAt === after.builtAt,
  };
  if (before) change.dataDateBefore = corpusDataDate(before);
  return change;
}

const frenchDate = (date: IsoDate) => {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${Math.abs(n) > 1 ? many : one}`;

/** One paragraph, in French, for the banner and the command line. */
export function describeCorpusChangeInFrench(change: CorpusChange, verb = 'Corpus mis à jour'): string {
  if (change.identical) return `Ce corpus est déjà celui en usage (données du ${frenchDate(change.dataDateAfter)}) : rien n’a changé.`;
  const parts: string[] = [];
  parts.push(
    change.dataDateBefore && change.dataDateBefore !== change.dataDateAfter
      ? `données du ${frenchDate(change.dataDateAfter)} (au lieu du ${frenchDate(change.dataDateBefore)})`
      : `données du ${frenchDate(change.dataDateAfter)}`,
  );
  if (change.versionsAdded > 0) parts.push(`${plural(change.versionsAdded, 'version ajoutée', 'versions ajoutées')}`);
  else if (change.versionsAdded < 0) parts.push(`${plural(-change.versionsAdded, 'version en moins', 'versions en moins')}`);
  else parts.push('autant de versions qu’avant');
  if (change.codesAdded.length) parts.push(`codes ajoutés : ${change.codesAdded.map((c) => c.title).join(', ')}`);
  if (change.codesRemoved.length) parts.push(`codes retirés : ${change.codesRemoved.map((c) => c.title).join(', ')}`);
  for (const code of change.codesChanged) {
    const delta = code.versionsAfter - code.versionsBefore;
    const details = [
      delta >= 0 ? `+${plural(delta, 'version', 'versions')}` : `−${plural(-delta, 'version', 'versions')}`,
      ...(code.articlesAfter !== code.articlesBefore
        ? [
            `${code.articlesAfter - code.articlesBefore > 0 ? '+' : '−'}${plural(Math.abs(code.articlesAfter - code.articlesBefore), 'article', 'articles')}`,
          ]
        : []),
      ...(code.newChangeDates.length
        ? [
            `${plural(code.newChangeDates.length, 'version consolidée nouvelle', 'versions consolidées nouvelles')} (jusqu’au ${frenchDate(code.newChangeDates[code.newChangeDates.length - 1]!)})`,
          ]
        : []),
    ];
    parts.push(`${code.title} : ${details.join(', ')}`);
  }
  return `${verb} : ${parts.join(' ; ')}.`;
}

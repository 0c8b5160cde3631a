/**
 * DILA's own list of the versions of every article of legi-data's codes (`articleVersions`: LEGI
 * id, state, start, end), read straight from the package files — independently of the legi-data
 * importer, so that the check compares the compiled corpus with the source, not with itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeIdFromTitle } from '../../model/ids.ts';
import type { CodeId, IsoDate } from '../../model/model.ts';
import { legiDataPackage } from '../sources/common/legi-data-package.ts';

export interface LegiVersionEntry {
  id: string;
  /** LEGI's state, as written: VIGUEUR, MODIFIE, MODIFIE_MORT_NE, ABROGE, ABROGE_DIFF, TRANSFERE… */
  etat: string;
  from: IsoDate;
  /** Exclusive end; absent for LEGI's « no end » (2999-01-01). */
  to?: IsoDate;
}

export interface LegiArticle {
  code: CodeId;
  num: string;
  /** The id of the current version. */
  id: string;
  /** The id common to every version (the lexlib file's id). */
  cid: string;
  versions: LegiVersionEntry[];
}

const DAY = 86_400_000;
const NO_END = '2999-01-01';

function isoOfEpoch(ms: unknown): IsoDate | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
  return new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
}

interface RawNode {
  type?: string;
  data?: Record<string, unknown>;
  children?: RawNode[];
}

/** Every article of one legi-data code file, with its versions sorted by start. */
export function readLegiArticles(file: string): { code: CodeId; title: string; articles: LegiArticle[] } {
  const root = JSON.parse(readFileSync(file, 'utf8')) as RawNode;
  const title = String(root.data?.title ?? '')
    .trim()
    .replace(/\s*\.$/, '');
  const code = codeIdFromTitle(title);
  const articles: LegiArticle[] = [];
  const walk = (node: RawNode): void => {
    if (node.type === 'article' && node.data) {
      const data = node.data;
      const raw = Array.isArray(data.articleVersions) ? (data.articleVersions as Record<string, unknown>[]) : [];
      const versions: LegiVersionEntry[] = [];
      for (const v of raw) {
        const from = isoOfEpoch(v.dateDebut);
        if (!from) continue;
        const end = isoOfEpoch(v.dateFin);
        versions.push({ id: String(v.id), etat: String(v.etat), from, ...(end && end < NO_END ? { to: end } : {}) });
      }
      versions.sort((a, b) => a.from.localeCompare(b.from));
      articles.push({ code, num: String(data.num ?? ''), id: String(data.id), cid: String(data.cid ?? data.id), versions });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return { code, title, articles };
}

/** The package's code files (`LEGITEXT….json`). */
export function legiCodeFiles(dataDir = legiDataPackage().dataDir): string[] {
  return ['LEGITEXT000006072050', 'LEGITEXT000006073189', 'LEGITEXT000022197698', 'LEGITEXT000031366350'].map((id) =>
    path.join(dataDir, `${id}.json`),
  );
}

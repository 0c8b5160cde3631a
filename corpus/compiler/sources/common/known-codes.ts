/**
 * Every code LEGI knows (legi-data's `data/index.json`: 107 codes, in force or not), so that
 * « du code des assurances » or a LexHub link to `/code-des-assurances/…` can be named and given its
 * corpus id even when the code itself is not in the corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeIdFromTitle, foldAccents } from '../../../model/ids.ts';
import type { CodeId } from '../../../model/model.ts';
import { legiDataPackage } from './legi-data-package.ts';

export interface KnownCode {
  legiTextId: string;
  /** As LEGI titles it, trailing dot removed: `Code de la sécurité sociale`. */
  title: string;
  id: CodeId;
}

interface IndexEntry {
  id: string;
  titre: string;
  etat: string;
  date_debut?: string;
}

/** Preference when several LEGI texts share a title (old editions): the one in force first. */
const STATE_RANK: Record<string, number> = { VIGUEUR: 0, VIGUEUR_DIFF: 1, MODIFIE: 2 };

let all: KnownCode[] | undefined;
let preferred: KnownCode[] | undefined;

function readIndex(): KnownCode[] {
  if (all) return all;
  const file = path.join(legiDataPackage().dataDir, 'index.json');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as IndexEntry[];
  const ranked = entries
    .filter((entry) => typeof entry.id === 'string' && typeof entry.titre === 'string')
    .sort((a, b) => (STATE_RANK[a.etat] ?? 9) - (STATE_RANK[b.etat] ?? 9) || (b.date_debut ?? '').localeCompare(a.date_debut ?? ''));
  all = ranked.map((entry) => {
    const title = entry.titre.trim().replace(/\s*\.$/, '');
    return { legiTextId: entry.id, title, id: codeIdFromTitle(title) };
  });
  return all;
}

/** Every code title, one entry per corpus id (the edition in force when LEGI has several). */
export function listKnownCodes(): KnownCode[] {
  if (preferred) return preferred.map((code) => ({ ...code }));
  const seen = new Set<CodeId>();
  preferred = readIndex().filter((code) => (seen.has(code.id) ? false : (seen.add(code.id), true)));
  return preferred.map((code) => ({ ...code }));
}

let byLegiTextId: Map<string, KnownCode> | undefined;

/** The code a `LEGITEXT…` id names, any edition. */
export function knownCodeByLegiTextId(legiTextId: string): KnownCode | undefined {
  byLegiTextId ??= new Map(readIndex().map((code) => [code.legiTextId, code] as const));
  return byLegiTextId.get(legiTextId);
}

/**
 * LexHub's folder name for a code title: accents folded, apostrophes dropped (not turned into a
 * dash as in corpus ids): `Code de l'action sociale…` → `code-de-laction-sociale…`.
 */
export function lexhubCodeSlug(title: string): string {
  return foldAccents(title)
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

let bySlug: Map<string, KnownCode> | undefined;

/** The code a LexHub folder slug names (`code-de-laction-sociale-et-des-familles`). */
export function knownCodeByLexhubSlug(slug: string): KnownCode | undefined {
  if (!bySlug) {
    bySlug = new Map();
    for (const code of listKnownCodes()) if (!bySlug.has(lexhubCodeSlug(code.title))) bySlug.set(lexhubCodeSlug(code.title), code);
  }
  return bySlug.get(slug);
}

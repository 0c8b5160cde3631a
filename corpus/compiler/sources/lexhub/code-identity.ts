/**
 * Which code a LexHub repository holds. LexHub names it in its links: every anchor to an article of
 * the same code has the code's folder in its path and LEGI's title in its title
 * (`/code-de-la-securite-sociale/…` titled `Code de la sécurité sociale. - art. …`). The folder is
 * the repository's name without `lexhub-` when it is named so, else the folder most linked to.
 */
import path from 'node:path';
import { codeIdFromTitle } from '../../../model/ids.ts';
import type { CodeId } from '../../../model/model.ts';
import { knownCodeByLexhubSlug, listKnownCodes } from '../common/known-codes.ts';

export interface CodeIdentity {
  id: CodeId;
  title: string;
  legiTextId?: string;
  /** LexHub's folder name for the code. */
  slug: string;
}

/** Counts the titles the links give each code folder. */
export class CodeNameVotes {
  private readonly votes = new Map<string, Map<string, number>>();

  add(slug: string, title: string): void {
    if (!title) return;
    let titles = this.votes.get(slug);
    if (!titles) this.votes.set(slug, (titles = new Map()));
    titles.set(title, (titles.get(title) ?? 0) + 1);
  }

  private total(slug: string): number {
    let sum = 0;
    for (const count of this.votes.get(slug)?.values() ?? []) sum += count;
    return sum;
  }

  /** The code of a repository whose origin is `origin` (bundle, folder or file path). */
  identify(origin: string): CodeIdentity | undefined {
    const named = path
      .basename(origin)
      .replace(/\.(bundle|git)$/, '')
      .replace(/^lexhub-/, '');
    let slug = this.votes.has(named) || knownCodeByLexhubSlug(named) ? named : undefined;
    if (!slug) {
      let best = 0;
      for (const candidate of this.votes.keys()) {
        const total = this.total(candidate);
        if (total > best) [slug, best] = [candidate, total];
      }
    }
    if (!slug) return undefined;
    const titles = [...(this.votes.get(slug) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const known = knownCodeByLexhubSlug(slug);
    const title = titles[0]?.[0] ?? known?.title ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
    const id = codeIdFromTitle(title);
    const legiTextId = known?.legiTextId ?? listKnownCodes().find((code) => code.id === id)?.legiTextId;
    return { id, title, slug, ...(legiTextId ? { legiTextId } : {}) };
  }
}

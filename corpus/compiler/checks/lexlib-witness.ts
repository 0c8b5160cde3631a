/**
 * What a lexlib repository itself says, read straight from its history for the checks (not through
 * the importer): for each consolidated date, the lists of its commit messages (same-day commits
 * joined), and for each article file's LEGI id, the periods its file was present with the number
 * and folder it had. A file's presence is judged at the end of each consolidated date: a move (a
 * delete and an add on the same date, in one commit or two) leaves it present.
 */
import type { IsoDate } from '../../model/model.ts';
import { codeIdFromTitle, legiArticleId } from '../../model/ids.ts';
import { GitRepository } from '../sources/common/git-repository.ts';
import { parseCommitMessage } from '../sources/lexlib/commit-message.ts';

export interface DayLists {
  date: IsoDate;
  created: string[];
  modified: string[];
  repealed: string[];
  amendingTexts: string[];
  commits: number;
}

export interface Presence {
  from: IsoDate;
  /** First date the file is absent again; undefined: present at the last commit. */
  to?: IsoDate;
  num: string;
  folder: string;
}

export interface LexlibWitness {
  code: string;
  days: DayLists[];
  /** LEGI id (`LEGIARTI…`) → the periods its file was present, chronological. */
  presence: Map<string, Presence[]>;
  /** LEGI id and consolidated date → the article's number that day (the file's name). */
  numberOn(legiId: string, date: IsoDate): string | undefined;
}

const ARTICLE_PATH = /^(?:(.*)\/)?Article (.+) - (\d+)\.md$/;

export async function readLexlibWitness(origin: string, cacheDir: string): Promise<LexlibWitness> {
  const repo = await GitRepository.open(origin, cacheDir);
  const commits = await repo.history();
  const readme = (await repo.readBlobs(['HEAD:README.md'])).get('HEAD:README.md') ?? '';
  const title = /^#\s+(.+?)\s*$/m.exec(readme)?.[1] ?? origin;
  const days: DayLists[] = [];
  const presence = new Map<string, Presence[]>();
  /** LEGI id → live paths (path → number). */
  const live = new Map<string, Map<string, string>>();
  const touchedToday = new Set<string>();
  let today: DayLists | undefined;

  const closeDay = (): void => {
    if (!today) return;
    for (const id of touchedToday) {
      const paths = live.get(id);
      const periods = presence.get(id) ?? [];
      const open = periods.at(-1)?.to === undefined ? periods.at(-1) : undefined;
      if (paths && paths.size > 0) {
        // The number is the latest added file's (Map keeps insertion order).
        const [lastPath, num] = [...paths].at(-1)!;
        const folder = lastPath.includes('/') ? lastPath.slice(0, lastPath.indexOf('/')) : '';
        if (open && open.num === num && open.folder === folder) continue;
        if (open) open.to = today.date;
        periods.push({ from: today.date, num, folder });
        presence.set(id, periods);
      } else if (open) open.to = today.date;
    }
    touchedToday.clear();
  };

  for (const commit of commits) {
    const message = parseCommitMessage(commit.message, { source: origin, path: commit.sha, warnings: [] });
    const date = message.date ?? commit.authorDate.slice(0, 10);
    if (!today || today.date !== date) {
      closeDay();
      today = { date, created: [], modified: [], repealed: [], amendingTexts: [], commits: 0 };
      days.push(today);
    }
    today.commits++;
    today.created.push(...message.created);
    today.modified.push(...message.modified);
    today.repealed.push(...message.repealed);
    for (const text of message.amendingTexts) if (!today.amendingTexts.includes(text)) today.amendingTexts.push(text);
    for (const change of commit.changes) {
      const match = ARTICLE_PATH.exec(change.path);
      if (!match) continue;
      const id = legiArticleId(match[3]!);
      let paths = live.get(id);
      if (!paths) live.set(id, (paths = new Map()));
      if (change.status === 'D') paths.delete(change.path);
      else {
        paths.delete(change.path);
        paths.set(change.path, match[2]!.replace(/\s+/g, ' ').trim());
      }
      touchedToday.add(id);
    }
  }
  closeDay();

  return {
    code: codeIdFromTitle(title),
    days,
    presence,
    numberOn(legiId, date) {
      const periods = presence.get(legiId) ?? [];
      const on = periods.find((p) => p.from <= date && (p.to === undefined || date < p.to));
      return (on ?? periods.filter((p) => p.from <= date).at(-1))?.num;
    },
  };
}

/** Whether the file of the article is present on the date. */
export function presentOn(periods: readonly Presence[] | undefined, date: IsoDate): boolean {
  return (periods ?? []).some((p) => p.from <= date && (p.to === undefined || date < p.to));
}

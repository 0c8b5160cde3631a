/**
 * A LexHub repository (a git bundle or repository, one per code) as a `SourceImport`: one history
 * pass, every distinct article blob read once in batches and parsed once, then each article's
 * commits turned into versions (`article-timeline.ts`) and its last folder into the TOC.
 *
 * Identity: an article is its number (the `# Article …` heading), not its file: LexHub moves files
 * whenever a section is renamed (a delete and an add in the same commit), which is no repeal.
 */
import { GitRepository, type Commit } from '../common/git-repository.ts';
import type { ImportedArticle, SourceImport } from '../source-import.ts';
import { articleId } from '../../../model/ids.ts';
import type { CompileWarning, IsoDate } from '../../../model/model.ts';
import { AmendingTextCatalog, piecesOfMessage, type AmendingText } from './amending-text.ts';
import { buildTimeline, UNFIXED_DATE, type TimelineEvent } from './article-timeline.ts';
import { CodeNameVotes } from './code-identity.ts';
import { buildLexhubToc, type ArticlePlacement } from './lexhub-toc.ts';
import { parseLexhubFile, type LexhubArticleFile } from './lexhub-file.ts';
import { slugWords, Vocabulary } from './section-slug.ts';

export interface LexhubImportOptions {
  cacheDir: string;
  sourceId: string;
  onProgress?: (done: number, total: number) => void;
}

/** Blobs per `git cat-file --batch` call: bounded memory, and a progress step. */
const BLOB_BATCH = 4000;

interface ArticleTrack {
  num: string;
  events: TimelineEvent[];
  lastPath: string;
}

function isArticlePath(filePath: string): boolean {
  return filePath.toLowerCase().endsWith('.md') && !/(^|\/)readme\.md$/i.test(filePath);
}

/** `2006-01-28T00:00:00+01:00` → `2006-01-28`: the date as LexHub wrote it, whatever the offset. */
function commitDate(commit: Commit): IsoDate {
  return commit.authorDate.slice(0, 10);
}

export async function importLexhub(origin: string, options: LexhubImportOptions): Promise<SourceImport> {
  const source = options.sourceId;
  const warnings: CompileWarning[] = [];
  const repo = await GitRepository.open(origin, options.cacheDir);
  const [head, history] = await Promise.all([repo.head(), repo.history()]);
  // The history is in date order already (checked on both bundles); a stable sort keeps it safe.
  const commits = history.map((commit, index) => ({ commit, index, date: commitDate(commit) }));
  commits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

  // Every distinct article blob, with the first path it was seen at (for warnings).
  const blobPaths = new Map<string, string>();
  for (const { commit } of commits) {
    for (const change of commit.changes) {
      if (change.status !== 'D' && isArticlePath(change.path) && !blobPaths.has(change.blob)) blobPaths.set(change.blob, change.path);
    }
  }
  const parsed = new Map<string, LexhubArticleFile>();
  const votes = new CodeNameVotes();
  const blobs = [...blobPaths.keys()];
  options.onProgress?.(0, blobs.length);
  for (let start = 0; start < blobs.length; start += BLOB_BATCH) {
    const batch = blobs.slice(start, start + BLOB_BATCH);
    const contents = await repo.readBlobs(batch);
    for (const blob of batch) {
      const filePath = blobPaths.get(blob)!;
      const content = contents.get(blob);
      if (content === undefined) {
        warnings.push({ source, path: filePath, message: `blob ${blob.slice(0, 12)} illisible dans le dépôt` });
        continue;
      }
      const result = parseLexhubFile(content, { source, path: filePath });
      warnings.push(...result.warnings);
      parsed.set(blob, result.article);
      for (const [slug, title] of result.article.codeNames) votes.add(slug, title);
    }
    options.onProgress?.(Math.min(start + BLOB_BATCH, blobs.length), blobs.length);
  }

  // Amending texts: the whole repository first, so that bare numbers can be completed.
  const catalog = new AmendingTextCatalog();
  const pieces: AmendingText[][] = commits.map(({ commit }) => piecesOfMessage(commit.message));
  for (const list of pieces) catalog.learn(list);

  const tracks = new Map<string, ArticleTrack>();
  const pathNum = new Map<string, string>();
  const numPaths = new Map<string, Set<string>>();
  const duplicated = new Set<string>();
  const detach = (filePath: string): string | undefined => {
    const num = pathNum.get(filePath);
    if (num === undefined) return undefined;
    pathNum.delete(filePath);
    numPaths.get(num)?.delete(filePath);
    return num;
  };
  commits.forEach(({ commit, date }, position) => {
    const amendedBy = catalog.amendedBy(pieces[position]!, date);
    const removed = new Set<string>();
    const touched = new Set<string>();
    for (const change of commit.changes) {
      if (!isArticlePath(change.path)) continue;
      if (change.status === 'D') {
        const num = detach(change.path);
        if (num !== undefined) removed.add(num);
        continue;
      }
      const file = parsed.get(change.blob);
      if (!file) continue;
      const previous = pathNum.get(change.path);
      if (previous !== undefined && previous !== file.num) {
        detach(change.path);
        removed.add(previous);
      }
      pathNum.set(change.path, file.num);
      let paths = numPaths.get(file.num);
      if (!paths) numPaths.set(file.num, (paths = new Set()));
      paths.add(change.path);
      touched.add(file.num);
      let track = tracks.get(file.num);
      if (!track) tracks.set(file.num, (track = { num: file.num, events: [], lastPath: change.path }));
      track.lastPath = change.path;
      track.events.push({
        kind: 'text',
        date,
        paragraphs: file.paragraphs,
        nota: file.nota,
        links: file.links,
        ...(amendedBy ? { amendedBy } : {}),
      });
    }
    // A move deletes and adds in the same commit; two files left for one number is LexHub's error.
    for (const num of touched) {
      const paths = numPaths.get(num)!;
      if (paths.size > 1 && !duplicated.has(num)) {
        duplicated.add(num);
        warnings.push({
          source,
          path: [...paths].at(-1)!,
          message: `article ${num} présent dans plusieurs dossiers à la fois (${[...paths].join(', ')}): le dernier modifié fait foi`,
        });
      }
    }
    // A number whose last file went away in this commit (and was not added elsewhere) is repealed.
    for (const num of removed) {
      if ((numPaths.get(num)?.size ?? 0) === 0) tracks.get(num)?.events.push({ kind: 'repeal', date });
    }
  });

  const code = votes.identify(origin);
  const codeId = code?.id ?? 'code-inconnu';
  if (!code) warnings.push({ source, path: origin, message: 'code non identifié: aucun lien titré vers un article du code' });

  // Section titles get their accents back from the words of the articles' latest texts.
  const wanted = new Set<string>();
  for (const track of tracks.values())
    for (const folder of track.lastPath.split('/').slice(0, -1)) for (const word of slugWords(folder)) wanted.add(word);
  const vocabulary = new Vocabulary(wanted);

  const articles: ImportedArticle[] = [];
  const placements: ArticlePlacement[] = [];
  for (const track of tracks.values()) {
    // LexHub knows an article by its number: every version of the track bears it.
    const versions = buildTimeline(track.events).map((version) => ({ ...version, num: track.num }));
    if (versions.length === 0) continue;
    const last = versions.at(-1)!;
    vocabulary.learn(last.paragraphs.join(' '));
    articles.push({ code: codeId, num: track.num, versions });
    placements.push({
      id: articleId(codeId, undefined, track.num),
      num: track.num,
      folders: track.lastPath.split('/').slice(0, -1),
      ...(last.status === 'ABROGE' && last.validTo ? { repealedOn: last.validTo } : {}),
    });
  }
  const { toc, sectionPaths } = buildLexhubToc(codeId, placements, vocabulary);
  for (const article of articles) {
    const sectionPath = sectionPaths.get(articleId(codeId, undefined, article.num));
    if (sectionPath) article.sectionPath = sectionPath;
  }

  const lastFixed = [...commits].reverse().find(({ date }) => date < UNFIXED_DATE)?.date;
  return {
    info: { id: source, kind: 'lexhub', path: origin, revision: head, ...(lastFixed ? { date: lastFixed } : {}), codes: [codeId] },
    codes: [{ id: codeId, title: code?.title ?? codeId, ...(code?.legiTextId ? { legiTextId: code.legiTextId } : {}), toc }],
    articles,
    warnings,
  };
}

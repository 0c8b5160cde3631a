/**
 * Which blobs each lexlib commit needs, and the reading of them in chunks: one `git cat-file --batch`
 * per chunk, the next chunk read while the current one is replayed, so memory stays bounded by a
 * chunk plus the result.
 */
import { type Commit, type FileChange, GitRepository } from '../common/git-repository.ts';
import { normalizeArticleNum } from '../common/lexlib-format/article-file.ts';

/** `01. Partie législative/Article L611-3 - 6743538.md` */
const ARTICLE_PATH = /^(?:(.*)\/)?Article (.+) - (\d+)\.md$/;
const INTEGRAL_PATH = /(?:^|\/)[^/]* - Intégral\.md$/;
/** Blobs per `cat-file` call: article files are a few KB, so a chunk is a few tens of MB. */
const CHUNK_BLOBS = 4000;
/** A whole-code file is about 1 MB: it counts as this many article blobs in a chunk. */
const INTEGRAL_WEIGHT = 200;

/** The number an article file's name gives (`…/Article L611-3 - 6743538.md` → `L611-3`). */
export function numberOfArticlePath(filePath: string): string | undefined {
  const match = ARTICLE_PATH.exec(filePath);
  return match ? normalizeArticleNum(match[2]!) : undefined;
}

/** A changed article file: its LEGI id digits and its number, from the file name. */
export interface ArticleChange {
  change: FileChange;
  digits: string;
  num: string;
}

export interface CommitPlan {
  commit: Commit;
  articleChanges: ArticleChange[];
  /** The whole-code file, when this commit adds or changes it. */
  integral?: FileChange;
  /** Blobs to read, a whole-code file counting for `INTEGRAL_WEIGHT`. */
  weight: number;
}

export function planCommit(commit: Commit): CommitPlan {
  const plan: CommitPlan = { commit, articleChanges: [], weight: 0 };
  for (const change of commit.changes) {
    const match = ARTICLE_PATH.exec(change.path);
    if (match) {
      plan.articleChanges.push({ change, digits: match[3]!, num: normalizeArticleNum(match[2]!) });
      if (change.status !== 'D') plan.weight += 1;
    } else if (INTEGRAL_PATH.test(change.path) && change.status !== 'D') {
      plan.integral = change;
      plan.weight += INTEGRAL_WEIGHT;
    }
  }
  return plan;
}

/** The code's title from the first whole-code file of the history (`Code de la mutualité - Intégral.md`). */
export function titleFromIntegralFile(commits: readonly Commit[]): string | undefined {
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (!ARTICLE_PATH.test(change.path) && INTEGRAL_PATH.test(change.path)) {
        return change.path.replace(/^.*\//, '').replace(/ - Intégral\.md$/, '');
      }
    }
  }
  return undefined;
}

/** Consecutive commits grouped so that each group reads about `CHUNK_BLOBS` blobs. */
export function chunkPlans(plans: readonly CommitPlan[]): CommitPlan[][] {
  const chunks: CommitPlan[][] = [];
  let chunk: CommitPlan[] = [];
  let weight = 0;
  for (const plan of plans) {
    if (chunk.length > 0 && weight + plan.weight > CHUNK_BLOBS) {
      chunks.push(chunk);
      chunk = [];
      weight = 0;
    }
    chunk.push(plan);
    weight += plan.weight;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function blobsOf(chunk: readonly CommitPlan[]): string[] {
  const shas = new Set<string>();
  for (const plan of chunk) {
    for (const { change } of plan.articleChanges) if (change.status !== 'D') shas.add(change.blob);
    if (plan.integral) shas.add(plan.integral.blob);
  }
  return [...shas];
}

/** Each chunk with its blobs (sha → text), the next chunk's blobs being read while the caller works. */
export async function* readChunks(
  repo: GitRepository,
  chunks: readonly CommitPlan[][],
): AsyncGenerator<{ plans: readonly CommitPlan[]; blobs: Map<string, string> }> {
  let pending = repo.readBlobs(blobsOf(chunks[0] ?? []));
  for (let c = 0; c < chunks.length; c++) {
    const blobs = await pending;
    if (c + 1 < chunks.length) pending = repo.readBlobs(blobsOf(chunks[c + 1]!));
    yield { plans: chunks[c]!, blobs };
  }
}

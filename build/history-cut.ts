/**
 * A git history cut down to a few files: every commit of the source that changed one of them,
 * replayed in order with its own author, committer, dates and message (which the caller may
 * restrict), its tree holding only those files as they were at that commit — the source's own
 * blobs, byte for byte. Written as a git bundle (`HEAD` and `refs/heads/main`, like the sources).
 *
 * `npm run corpus:sample` cuts the lexlib and LexHub histories of a few dozen articles this way
 * (`build/corpus-sample.ts`); `npm run corpus:fetch` cuts one code's folder out of LexHub's
 * repository of all codes (`build/corpus-fetch.ts`). One `git log` pass reads the source, one `git fast-import` writes the
 * cut (blobs referenced by their id through the source's object store), so a cut of 1,800 commits
 * takes seconds.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  return stdout;
}

export interface SourceChange {
  /** A, M, D, T (`git log --raw`). */
  status: string;
  /** The file's mode after the commit (`100644`), `000000` when deleted. */
  mode: string;
  blob: string;
  path: string;
}

/** One commit of the source, as `git log --raw` and the commit object give it. */
export interface SourceCommit {
  sha: string;
  /** `Name <email> 1136415600 +0100`, the commit object's own line. */
  author: string;
  committer: string;
  message: string;
  changes: SourceChange[];
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/** The whole first-parent history of `gitDir`, oldest first, with the files each commit changed. */
export async function readHistory(gitDir: string): Promise<SourceCommit[]> {
  const format = [`${RECORD}%H`, '%an <%ae> %ad', '%cn <%ce> %cd', `%B${FIELD}`].join(FIELD);
  const out = await git([
    '--git-dir',
    gitDir,
    'log',
    '--first-parent',
    '--reverse',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '--date=raw',
    `--format=${format}`,
  ]);
  const commits: SourceCommit[] = [];
  for (const record of out.split(RECORD)) {
    if (!record.trim()) continue;
    const [sha, author, committer, message, raw] = record.split(FIELD);
    if (!sha || author === undefined || committer === undefined || message === undefined) {
      throw new Error(`${gitDir}: git log illisible près de « ${record.slice(0, 80)} »`);
    }
    const changes: SourceChange[] = [];
    for (const line of (raw ?? '').split('\n')) {
      // `:100644 100644 <old> <new> M\t<path>`
      const match = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) ([AMDT])\d*\t(.+)$/.exec(line);
      if (match) changes.push({ mode: match[1]!, blob: match[2]!, status: match[3]!, path: match[4]! });
    }
    commits.push({ sha, author, committer, message, changes });
  }
  return commits;
}

export interface CutOptions {
  /** A bare clone of the source. */
  gitDir: string;
  history: SourceCommit[];
  /** The files the cut holds. */
  keep(filePath: string): boolean;
  /**
   * Which of them make a commit of the cut when they change (the article files; a README rides
   * along with the next such commit, so the cut has no commit where no article changed).
   */
  triggers(filePath: string): boolean;
  /** The message of the cut's commit (default: the source's). */
  message?(commit: SourceCommit): string;
  /** The path of a kept file in the cut (default: the same): a code's folder of a repository of many codes becomes the root. */
  rename?(filePath: string): string;
  outBundle: string;
}

export interface CutResult {
  commits: number;
  /** Kept files at the head of the cut. */
  files: number;
  /** Every kept path, over the whole history. */
  paths: string[];
  head: string;
}

export async function cutHistory(options: CutOptions): Promise<CutResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-cut-'));
  try {
    const out = path.join(work, 'cut.git');
    await git(['init', '--quiet', '--bare', '--initial-branch=main', out]);
    // The source's objects are reachable from the cut: fast-import refers to its blobs by id.
    const objects = (await git(['--git-dir', options.gitDir, 'rev-parse', '--path-format=absolute', '--git-path', 'objects'])).trim();
    writeFileSync(path.join(out, 'objects', 'info', 'alternates'), `${objects}\n`);

    const files = new Map<string, { mode: string; blob: string }>();
    const paths = new Set<string>();
    const stream: string[] = [];
    let commits = 0;
    for (const commit of options.history) {
      let triggered = false;
      for (const change of commit.changes) {
        if (!options.keep(change.path)) continue;
        const filePath = options.rename ? options.rename(change.path) : change.path;
        paths.add(filePath);
        if (change.status === 'D') files.delete(filePath);
        else files.set(filePath, { mode: change.mode, blob: change.blob });
        if (options.triggers(change.path)) triggered = true;
      }
      if (!triggered) continue;
      commits++;
      const message = options.message ? options.message(commit) : commit.message;
      stream.push(
        'commit refs/heads/main',
        `author ${commit.author}`,
        `committer ${commit.committer}`,
        `data ${Buffer.byteLength(message, 'utf8')}`,
        message,
        'deleteall',
      );
      for (const [filePath, file] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        stream.push(`M ${file.mode} ${file.blob} ${quotePath(filePath)}`);
      }
      stream.push('');
    }
    if (commits === 0) throw new Error(`${options.gitDir} : aucun commit ne touche les fichiers demandés`);
    await fastImport(out, stream.join('\n') + '\n');
    // One thread: the same cut gives the same bundle, byte for byte.
    await git(['--git-dir', out, '-c', 'pack.threads=1', 'bundle', 'create', '--quiet', options.outBundle, 'HEAD', 'main']);
    const head = (await git(['--git-dir', out, 'rev-parse', 'HEAD'])).trim();
    return { commits, files: files.size, paths: [...paths].sort(), head };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** fast-import's path syntax: C-style quotes only where the path needs them. */
function quotePath(filePath: string): string {
  if (!/^"|\n|\\/.test(filePath)) return filePath;
  return `"${filePath.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function fastImport(gitDir: string, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'fast-import', '--quiet', '--date-format=raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import : ${stderr.trim() || `code ${code}`}`))));
    child.stdin.end(input, 'utf8');
  });
}

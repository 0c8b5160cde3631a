/**
 * Read access to a git history (a `.bundle` file or a repository) through the `git` command:
 * one `git log --raw` pass for the whole history and one `git cat-file --batch` process for blobs.
 * A bundle is cloned once (bare) into a cache folder keyed by its heads, so rebuilds reuse it.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const MAX_BUFFER = 1024 * 1024 * 1024;

export interface FileChange {
  /** A (added), M (modified), D (deleted), T (type change). */
  status: string;
  /** Blob of the file after the commit (all zeros when deleted). */
  blob: string;
  path: string;
}

export interface Commit {
  sha: string;
  /** Author date, ISO 8601 with offset (`2006-01-28T00:00:00+01:00`). */
  authorDate: string;
  authorName: string;
  message: string;
  changes: FileChange[];
}

/** Raised when a source cannot be opened at all: the message names it and says why, in one line. */
export class SourceOpenError extends Error {}

async function git(args: string[], cwd?: string): Promise<string> {
  // Never a password prompt: a remote that asks for one fails, with its message, instead of waiting.
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    maxBuffer: MAX_BUFFER,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/**
 * A bare clone of `origin` (a bundle, a repository, a remote's URL) at `dir`, for the compiler's
 * cache and the build scripts alike (`npm run corpus:fetch`, `npm run corpus:sample`). It is cloned
 * beside `dir` and renamed into place: an interrupted clone never leaves half a repository where a
 * whole one is expected. A clone already at `dir` is kept, or fetched again with `update` (a remote
 * that has moved on). Errors are git's, with its message.
 */
export async function cloneBare(origin: string, dir: string, options: { update?: boolean } = {}): Promise<void> {
  if (existsSync(path.join(dir, 'HEAD'))) {
    if (options.update) await git(['--git-dir', dir, 'fetch', '--quiet', '--prune', 'origin', '+refs/heads/*:refs/heads/*']);
    return;
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await git(['clone', '--bare', '--quiet', origin, tmp]);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

export class GitRepository {
  private constructor(
    /** The path the user gave (bundle or repository). */
    readonly origin: string,
    /** The git directory actually read. */
    readonly gitDir: string,
  ) {}

  /**
   * Opens a bundle (cloned into `cacheDir` on first use) or an existing repository.
   * Throws `SourceOpenError` with one clear line when it is missing or corrupt.
   */
  static async open(origin: string, cacheDir: string): Promise<GitRepository> {
    if (!existsSync(origin)) throw new SourceOpenError(`${origin}: introuvable (no such file or folder)`);
    if (statSync(origin).isFile()) {
      let heads: string;
      try {
        heads = await git(['bundle', 'list-heads', origin]);
      } catch (error) {
        throw new SourceOpenError(`${origin}: not a readable git bundle (${firstLine(error)})`);
      }
      if (!heads.trim()) throw new SourceOpenError(`${origin}: git bundle with no heads`);
      const key = createHash('sha256').update(heads).digest('hex').slice(0, 16);
      const gitDir = path.join(cacheDir, `${path.basename(origin).replace(/\.bundle$/, '')}-${key}.git`);
      try {
        await cloneBare(origin, gitDir);
      } catch (error) {
        throw new SourceOpenError(`${origin}: corrupt git bundle, clone failed (${firstLine(error)})`);
      }
      return new GitRepository(origin, gitDir);
    }
    let gitDir: string;
    try {
      gitDir = (await git(['rev-parse', '--absolute-git-dir'], origin)).trim();
      await git(['--git-dir', gitDir, 'rev-parse', '--verify', 'HEAD']);
    } catch (error) {
      throw new SourceOpenError(`${origin}: not a git repository with commits (${firstLine(error)})`);
    }
    return new GitRepository(origin, gitDir);
  }

  async head(): Promise<string> {
    return (await git(['--git-dir', this.gitDir, 'rev-parse', 'HEAD'])).trim();
  }

  /** Every commit of HEAD's first-parent history, oldest first, with the files each one changed. */
  async history(): Promise<Commit[]> {
    const marker = '\u0001commit\u0001';
    const out = await git([
      '--git-dir',
      this.gitDir,
      'log',
      '--reverse',
      '--first-parent',
      '-m',
      '--raw',
      '--no-renames',
      '--no-abbrev',
      '-z',
      `--format=${marker}%H%x00%aI%x00%an%x00%B%x00`,
      'HEAD',
    ]);
    const commits: Commit[] = [];
    for (const chunk of out.split(marker)) {
      if (!chunk) continue;
      const fields = chunk.split('\0');
      const [sha = '', authorDate = '', authorName = '', message = ''] = fields;
      const changes: FileChange[] = [];
      // After the message: records ":mode mode sha sha status" then the path, NUL separated.
      for (let i = 4; i < fields.length; i++) {
        const meta = fields[i]!.replace(/^\n+/, '');
        if (!meta.startsWith(':')) continue;
        const parts = meta.split(' ');
        const filePath = fields[i + 1];
        if (parts.length >= 5 && filePath !== undefined) {
          changes.push({ status: parts[4]!.charAt(0), blob: parts[3]!, path: filePath });
          i++;
        }
      }
      commits.push({ sha, authorDate, authorName, message: message.replace(/\n+$/, ''), changes });
    }
    return commits;
  }

  /** Paths of the files at a revision. */
  async listFiles(rev = 'HEAD'): Promise<string[]> {
    const out = await git(['--git-dir', this.gitDir, 'ls-tree', '-r', '-z', '--name-only', rev]);
    return out.split('\0').filter(Boolean);
  }

  /** Reads many blobs (by sha or `rev:path`) through one `git cat-file --batch` process. */
  async readBlobs(names: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    if (names.length === 0) return result;
    const child = spawn('git', ['--git-dir', this.gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited ${code}: ${stderr}`))));
    });
    child.stdin.end(names.join('\n') + '\n');
    await done;
    const buffer = Buffer.concat(chunks);
    let offset = 0;
    for (const name of names) {
      const newline = buffer.indexOf(10, offset);
      if (newline < 0) break;
      const header = buffer.toString('utf8', offset, newline);
      offset = newline + 1;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
      const size = Number(header.split(' ')[2]);
      result.set(name, buffer.toString('utf8', offset, offset + size));
      offset += size + 1;
    }
    return result;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? (error as { stderr?: string }).stderr || error.message : String(error);
  return text.trim().split('\n').filter(Boolean).pop() ?? 'unknown error';
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyBundle } from '../../../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../../../tests/support/whole-corpus.ts';
import { GitRepository, SourceOpenError } from './git-repository.ts';

// The whole mutualité history with ../shared, else its sample (the same commits for fewer articles).
const bundle = historyBundle('lexlib-code-de-la-mutualite');
const cache = path.resolve(import.meta.dirname, '../../../cache');
const gitOf = (repo: GitRepository, args: string[]) => execFileSync('git', ['--git-dir', repo.gitDir, ...args], { encoding: 'utf8' });

describe('GitRepository', () => {
  it('reads the history of a real bundle with the files of each commit, as git itself counts them', async () => {
    const repo = await GitRepository.open(bundle, cache);
    const history = await repo.history();
    expect(history.length).toBe(Number(gitOf(repo, ['rev-list', '--count', '--first-parent', 'HEAD'])));
    const first = history[0]!;
    expect(first.message).toMatch(/^Version consolidée du \d{4}-\d{2}-\d{2}/);
    const files = gitOf(repo, ['show', '-z', '--format=', '--name-only', first.sha]).split('\0').filter(Boolean);
    expect(first.changes.map((c) => c.path).sort()).toEqual(files.sort());
    const blobs = await repo.readBlobs([first.changes[0]!.blob]);
    expect(blobs.get(first.changes[0]!.blob)).toMatch(/^# /);
  });

  it('says in one line that a missing or corrupt bundle cannot be opened', async () => {
    await expect(GitRepository.open('/nonexistent/x.bundle', cache)).rejects.toThrow(SourceOpenError);
    const dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-'));
    const bad = path.join(dir, 'corrupt.bundle');
    writeFileSync(bad, '# v2 git bundle\nnot really\n');
    await expect(GitRepository.open(bad, cache)).rejects.toThrow(/corrupt\.bundle/);
  });
});

describeWholeCorpus('GitRepository on the whole mutualité history', () => {
  it('reads its 220 commits; the first has the README and the 88 articles of 1985', async () => {
    const repo = await GitRepository.open(bundle, cache);
    const history = await repo.history();
    expect(history.length).toBe(220);
    expect(history[0]!.changes.length).toBe(89); // README.md + the 88 articles of 1985, as `git show --stat` counts them
  });
});

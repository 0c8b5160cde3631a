import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRepository, SourceOpenError } from './git-repository.ts';

const shared = path.resolve(import.meta.dirname, '../../../../../shared/corpus');
const bundle = path.join(shared, 'lexlib-code-de-la-mutualite.bundle');
const cache = path.resolve(import.meta.dirname, '../../../cache');

describe('GitRepository', () => {
  it('reads the whole history of a real bundle with the files of each commit', async () => {
    const repo = await GitRepository.open(bundle, cache);
    const history = await repo.history();
    expect(history.length).toBe(220);
    const first = history[0]!;
    expect(first.message).toMatch(/^Version consolidée du \d{4}-\d{2}-\d{2}/);
    expect(first.changes.length).toBe(89); // README.md + the 88 articles of 1985, as `git show --stat` counts them
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

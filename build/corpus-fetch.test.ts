/**
 * `npm run corpus:fetch`: without network it stops with a clear French message; with a LexHub
 * repository of codes in folders it cuts each code's history out as the bundles of `../shared` are.
 * The "repository of codes" is made here from the committed sample (its sécurité sociale history
 * moved into the folder `code-de-la-securite-sociale/`, as LexHub publishes it): cut back out, it
 * must give the sample's very commits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../electron/host/paths.ts';
import { SAMPLE_DIR } from '../tests/support/shared-corpus.ts';
import { cutHistory, readHistory } from './history-cut.ts';

const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-fetch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fetchCommand(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'build/corpus-fetch.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const gitOut = (gitDir: string, args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' }).trim();

describe('npm run corpus:fetch', () => {
  it('says in French that the sources cannot be fetched when the repository cannot be reached', () => {
    // Nothing listens on port 9 of this machine: what a machine without network sees.
    const result = fetchCommand(['--lexhub', 'http://127.0.0.1:9/legifrance.git', '--out', path.join(work, 'offline')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Impossible de joindre http:\/\/127\.0\.0\.1:9\/legifrance\.git \(.+\)\./);
    expect(result.stderr).toMatch(/Pas de réseau, ou le dépôt a changé d’adresse/);
    expect(result.stderr).toMatch(/l’échantillon du dépôt \(corpus\/sample\)/);
  });

  it('cuts a code’s folder out of a LexHub repository of codes: the same commits as the source', async () => {
    const sample = path.join(work, 'sample.git');
    execFileSync('git', ['clone', '--quiet', '--bare', path.join(SAMPLE_DIR, 'lexhub-code-de-la-securite-sociale.bundle'), sample]);
    // LexHub's layout: the code in its folder.
    const codes = path.join(work, 'codes.bundle');
    await cutHistory({
      gitDir: sample,
      history: await readHistory(sample),
      keep: () => true,
      triggers: () => true,
      rename: (p) => `code-de-la-securite-sociale/${p}`,
      outBundle: codes,
    });
    const upstream = path.join(work, 'legifrance.git');
    execFileSync('git', ['clone', '--quiet', '--bare', codes, upstream]);
    expect(gitOut(upstream, ['ls-tree', '--name-only', 'HEAD'])).toBe('code-de-la-securite-sociale');

    const out = path.join(work, 'fetched');
    const result = fetchCommand(['--lexhub', upstream, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/lexhub-code-de-la-securite-sociale\.bundle : \d+ commits/);
    // No such folder in this repository, and no lexlib address given: each said in one line.
    expect(result.stderr).toMatch(/LexHub, code-de-la-mutualite : .*dossier « code-de-la-mutualite\/ » absent du dépôt/);
    expect(result.stderr).toMatch(/lexlib, code-de-la-securite-sociale : adresse du dépôt non confirmée/);
    expect(result.stdout).toMatch(/npm run corpus -- --source .*lexhub-code-de-la-securite-sociale\.bundle/);
    const fetched = path.join(work, 'fetched.git');
    execFileSync('git', ['clone', '--quiet', '--bare', path.join(out, 'lexhub-code-de-la-securite-sociale.bundle'), fetched]);
    // Same trees, authors, dates and messages: the very commits of the sample.
    expect(gitOut(fetched, ['rev-parse', 'HEAD'])).toBe(gitOut(sample, ['rev-parse', 'HEAD']));
  }, 120_000);
});

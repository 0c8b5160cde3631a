/**
 * `npm run web -- --import-corpus FILE`: the web edition installs a corpus pack before serving it,
 * and refuses a bad one with its reason (exit status 1), the corpus in use untouched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../electron/host/paths.ts';
import { buildSeedPacks, seedFile, type SeedPacks } from '../tests/support/seed-packs.ts';

let work: string;
let packs: SeedPacks;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-web-import-'));
  packs = await buildSeedPacks(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const webArgs = (dataDir: string, more: string[]) => [
  '--import',
  'tsx',
  path.join(PROJECT_ROOT, 'build/web.ts'),
  '--no-build',
  '--port',
  '0',
  '--corpus',
  packs.shipped,
  '--renderer',
  work,
  '--data',
  dataDir,
  ...more,
];

/** Starts the web edition, waits for its address, calls `getCorpusInfo`, stops it. */
async function serveAndAsk(dataDir: string, more: string[]): Promise<{ stderr: string; codes: string[] }> {
  const child = spawn(process.execPath, webArgs(dataDir, more), { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = /^http:\/\/127\.0\.0\.1:\d+\/$/m.exec(out);
        if (line) resolve(line[0]);
      });
      child.once('exit', (status) => reject(new Error(`web exited ${status}: ${stderr}`)));
    });
    const response = await fetch(`${url}api/getCorpusInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    const result = (await response.json()) as { ok: boolean; value: { manifest: { codes: { id: string }[] } } };
    return { stderr, codes: result.value.manifest.codes.map((c) => c.id).sort() };
  } finally {
    child.kill('SIGTERM');
  }
}

describe('npm run web -- --import-corpus', () => {
  it('installs the pack, says what changed, and serves it (and still serves it at the next start)', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    const first = await serveAndAsk(dataDir, ['--import-corpus', packs.packB]);
    expect(first.stderr).toMatch(/Corpus mis à jour : données du .* ; 2 versions ajoutées ; codes ajoutés : Code de la sécurité sociale/);
    expect(first.codes).toEqual(['code-de-la-mutualite', 'code-de-la-securite-sociale']);
    const restart = await serveAndAsk(dataDir, []);
    expect(restart.codes).toEqual(['code-de-la-mutualite', 'code-de-la-securite-sociale']);
    const back = await serveAndAsk(dataDir, ['--revert-corpus']);
    expect(back.stderr).toMatch(/Corpus précédent rétabli/);
    expect(back.codes).toEqual(['code-de-la-mutualite']);
  });

  it('refuses a foreign file with the reason and exit status 1', () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    const result = spawnSync(process.execPath, webArgs(dataDir, ['--import-corpus', seedFile('003')]), {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /Le fichier « 003_.*\.txt » est refusé : ce n’est pas un paquet de corpus Palimpseste .*Le corpus en usage n’a pas changé\./,
    );
    expect(result.stdout).toBe('');
  });
});

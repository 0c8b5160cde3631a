/**
 * The guard itself, in a Vitest run of its own: a test that spins without a breath fails, saying
 * why; the same work with breaths between its steps passes. A short limit keeps the test cheap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runChild } from './run-child.ts';
import { PROJECT_ROOT } from './shared-corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-guard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Spins for that much CPU time (not wall time: a loaded machine gives it less CPU per second).
const FIXTURE = `
const spin = (ms) => { const start = process.cpuUsage(); while (true) { const u = process.cpuUsage(start); if ((u.user + u.system) / 1000 >= ms) return; } };
const breath = () => new Promise((resolve) => setImmediate(resolve));
test('spins 1500 ms in one stretch', () => spin(1500));
test('spins 600 ms in six steps, a breath between them', async () => {
  for (let step = 0; step < 6; step++) { spin(100); await breath(); }
});
`;

it('fails a test that blocks its worker past the limit, and passes one that breathes', async () => {
  writeFileSync(path.join(work, 'busy.test.mjs'), FIXTURE);
  writeFileSync(
    path.join(work, 'vitest.config.mjs'),
    `export default { test: { root: ${JSON.stringify(work)}, include: ['busy.test.mjs'], globals: true, testTimeout: 120000, setupFiles: [${JSON.stringify(path.join(PROJECT_ROOT, 'tests/support/event-loop-guard.ts'))}] } };\n`,
  );
  const vitest = path.join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs');
  const result = await runChild(process.execPath, [vitest, 'run', '--config', path.join(work, 'vitest.config.mjs'), '--reporter=verbose'], {
    cwd: work,
    env: { ...process.env, PALIMPSESTE_STRETCH_LIMIT_MS: '1000', PALIMPSESTE_STRETCH_NOTICE_MS: '', CI: '1', NO_COLOR: '1' },
  });
  const output = result.stdout + result.stderr;
  expect(result.status, output).toBe(1);
  expect(output).toMatch(/busy\.test\.mjs › spins 1500 ms in one stretch kept the test worker busy for \d+\.\d s of CPU/);
  expect(output).toMatch(/✓ busy\.test\.mjs > spins 600 ms in six steps, a breath between them/);
  expect(output).toMatch(/Tests +1 failed \| 1 passed/);
}, 120_000);

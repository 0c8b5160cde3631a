/**
 * `npm test`: every check of the project, in order, with one closing line `N passed, N failed`.
 * 1. type-check, 2. lint, 3. unit tests (Vitest), 4. the default corpus is compiled when missing,
 * 5. end-to-end tests (Playwright in Debian's Chromium against the web edition).
 * Each step counts as tests: a check is one test, Vitest and Playwright report their own counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(title: string, cmd: string, args: string[]): void {
  if (run(title, cmd, args)) passed++;
  else {
    failed++;
    console.log(`✗ ${title} failed`);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

check('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);

// The end-to-end tests and the corpus tests read the compiled default corpus.
check('corpus (npm run corpus)', 'npm', ['run', '--silent', 'corpus']);

const vitestJson = path.join(artifacts, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (!vitestOk && report.numFailedTests === 0) failed++; // a suite that failed to load
} else failed++;

const playwrightJson = path.join(artifacts, 'playwright.json');
if (existsSync(path.join(root, 'playwright.config.ts'))) {
  rmSync(playwrightJson, { force: true });
  const ok = run('end-to-end tests', 'npx', ['playwright', 'test']);
  if (existsSync(playwrightJson)) {
    const report = JSON.parse(readFileSync(playwrightJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    if (!ok && report.stats.unexpected === 0) failed++;
  } else failed++;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);

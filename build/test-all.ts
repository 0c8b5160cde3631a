/**
 * `npm test`: every check of the project, in order, with one closing line `N passed, N failed`.
 * 1. type-check, 2. lint, 3. format check (Prettier), 4. the default corpus is compiled when missing,
 * 5. unit tests (Vitest), 6. end-to-end tests (Playwright in Debian's Chromium against the web edition).
 * Each step counts as tests: a check is one test, Vitest and Playwright report their own counts.
 * Skipped tests are summed by the reason they give, just above the closing line
 * (« 23 tests need ../shared/corpus (…): skipped »): a skip always says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hasSharedCorpus, missingSharedSources, SHARED_DIR, WHOLE_CORPUS_REASON } from '../tests/support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
/** Skipped tests by the reason they gave. */
const skippedBecause = new Map<string, number>();
const UNSTATED = 'skipped without a stated reason';

function skip(reason: string | undefined, count = 1): void {
  const key = reason?.trim() || UNSTATED;
  skippedBecause.set(key, (skippedBecause.get(key) ?? 0) + count);
  skipped += count;
}

/** How long each step took, said at the end (a CI machine must stay well under its limit). */
const durations: [string, number][] = [];
const startedAt = performance.now();
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  durations.push([title, performance.now() - started]);
  return result.status === 0;
}

// Said once, here: which sources the tests read (tests/support/shared-corpus.ts).
console.log(
  hasSharedCorpus
    ? `Sources: ${SHARED_DIR}/corpus (the whole histories).`
    : `Sources: ${missingSharedSources()} — the default corpus and the tests read the committed sample (corpus/sample); the tests that ${WHOLE_CORPUS_REASON} are skipped.`,
);

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
check('format (Prettier)', 'npx', ['prettier', '--check', '.']);

// The end-to-end tests and the corpus tests read the compiled default corpus.
check('corpus (npm run corpus)', 'npm', ['run', '--silent', 'corpus']);

const vitestJson = path.join(artifacts, 'vitest.json');
const vitestSkips = path.join(artifacts, 'vitest-skips.json');
rmSync(vitestJson, { force: true });
rmSync(vitestSkips, { force: true });
const vitestOk = run(
  'unit tests',
  'npx',
  [
    'vitest',
    'run',
    '--config',
    'tests/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
    // Counts the skipped tests by the reason their suite states (tests/support/skip-reasons-reporter.ts).
    '--reporter=./tests/support/skip-reasons-reporter.ts',
  ],
  { PALIMPSESTE_SKIPS_FILE: vitestSkips, PALIMPSESTE_SOURCES_SAID: '1' },
);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  const reasons = existsSync(vitestSkips) ? (JSON.parse(readFileSync(vitestSkips, 'utf8')) as Record<string, number>) : {};
  let explained = 0;
  for (const [reason, count] of Object.entries(reasons)) {
    skip(reason, count);
    explained += count;
  }
  const rest = report.numPendingTests + report.numTodoTests - explained;
  if (rest > 0) skip(undefined, rest);
  if (!vitestOk && report.numFailedTests === 0) failed++; // a suite that failed to load
} else failed++;

interface PlaywrightSuite {
  specs?: { tests: { status: string; annotations?: { type: string; description?: string }[] }[] }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightJson extends PlaywrightSuite {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

/** The skipped tests of a Playwright report, by the description of their `test.skip(condition, description)`. */
function playwrightSkips(suite: PlaywrightSuite): void {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      if (test.status === 'skipped') skip(test.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme')?.description);
    }
  }
  for (const child of suite.suites ?? []) playwrightSkips(child);
}

/** Runs a Playwright suite and counts its results from its JSON report. */
function playwright(title: string, config: string, report: string): void {
  const file = path.join(artifacts, report);
  rmSync(file, { force: true });
  const ok = run(title, 'npx', ['playwright', 'test', '-c', config]);
  if (!existsSync(file)) {
    failed++;
    return;
  }
  const json = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJson;
  const { stats } = json;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  const before = skipped;
  playwrightSkips(json);
  if (skipped - before < stats.skipped) skip(undefined, stats.skipped - (skipped - before));
  if (!ok && stats.unexpected === 0) failed++;
}

// The web edition in Debian's Chromium, then the desktop app (skipped, saying why, without the Electron binary).
playwright('end-to-end tests (web edition, Chromium)', 'tests/e2e/playwright.config.ts', 'playwright.json');
playwright('end-to-end tests (Electron)', 'tests/electron/playwright.config.ts', 'playwright-electron.json');

console.log('');
console.log(
  `Durations: ${durations.map(([title, ms]) => `${title} ${seconds(ms)}`).join(', ')}; in all ${seconds(performance.now() - startedAt)}.`,
);
if (skipped > 0) console.log(`Skipped, by reason (${skipped} in all):`);
for (const [reason, count] of [...skippedBecause].sort((a, b) => b[1] - a[1])) {
  const tests = `${count} ${count === 1 ? 'test' : 'tests'}`;
  // « 23 tests need ../shared/corpus (…): skipped », « 6 tests skipped: Electron binary absent … ».
  console.log(
    reason === UNSTATED ? `${tests} ${UNSTATED}` : /^needs? /.test(reason) ? `${tests} ${reason}: skipped` : `${tests} skipped: ${reason}`,
  );
}
// The last line is exactly `N passed, N failed`: what CI and the README read (the skips are above it).
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

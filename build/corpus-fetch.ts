/**
 * `npm run corpus:fetch [-- --out DOSSIER] [--lexhub URL] [--lexlib CODE=URL]...`: where a network
 * exists, fetches the whole histories the corpus comes from, from the public repositories that
 * publish them, as git bundles named like those of `../shared/corpus/` — so that
 * `npm run corpus -- --source DOSSIER/lexhub-code-de-la-securite-sociale.bundle` compiles them, or
 * `--out ../shared/corpus` makes them the default corpus's and the tests' whole histories.
 *
 * The addresses, and how sure they are (no network here to check them; say so rather than guess):
 * - LexHub: `https://github.com/LexHub-project/legifrance.git`. LexHub's generator
 *   (github.com/LexHub-project/legifrance-bot, `.github/workflows/run.yml`) pushes its output there:
 *   one repository for all codes, one folder per code — the files' own links say so
 *   (`/code-de-la-securite-sociale/partie-legislative/…/l160-1.md`). Each code's history is cut out
 *   of it (`build/history-cut.ts`), its folder as the root, as the bundles of `../shared` are.
 * - lexlib: each repository's README points to `https://github.com/lexlib/documentation/wiki`, so
 *   the organisation is github.com/lexlib; the names of its repositories are not confirmed here.
 *   Give each one with `--lexlib code-de-la-securite-sociale=URL`: without it, lexlib is left out
 *   and the command says so.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { cutHistory, readHistory } from './history-cut.ts';

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** Confirmed as LexHub's output repository (see above). */
export const LEXHUB_URL = 'https://github.com/LexHub-project/legifrance.git';
/** The codes of the default corpus, by their folder in LexHub's repository and their lexlib name. */
export const CODES = ['code-de-la-securite-sociale', 'code-de-la-mutualite'] as const;

const USAGE = `Usage : npm run corpus:fetch -- [--out DOSSIER] [--lexhub URL] [--lexlib CODE=URL]...
  --out DOSSIER      où écrire les historiques (défaut : corpus/fetched ; ../shared/corpus en fait ceux du corpus par défaut)
  --lexhub URL       dépôt LexHub de tous les codes (défaut : ${LEXHUB_URL})
  --lexlib CODE=URL  dépôt lexlib d’un code, par exemple code-de-la-securite-sociale=https://…
                     (les adresses des dépôts lexlib ne sont pas confirmées : sans elles, lexlib n’est pas récupéré)
Codes : ${CODES.join(', ')}.`;

/** A remote that answers (`git ls-remote`), or the reason it does not, in one line. */
export async function reachable(url: string, timeoutMs = 30_000): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await execFileAsync('git', ['ls-remote', '--heads', url], { timeout: timeoutMs, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return { ok: true };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').filter(Boolean).pop();
    const reason = (error as { killed?: boolean }).killed ? `pas de réponse en ${timeoutMs / 1000} s` : (stderr ?? String(error));
    return { ok: false, reason };
  }
}

async function git(args: string[]): Promise<void> {
  await execFileAsync('git', args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

/** A bare clone of `url` in `dir`, fetched again when it is there already. */
async function mirror(url: string, dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'HEAD'))) {
    await git(['--git-dir', dir, 'fetch', '--quiet', '--prune', 'origin', '+refs/heads/*:refs/heads/*']);
    return;
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await git(['clone', '--quiet', '--bare', url, tmp]);
  renameSync(tmp, dir);
}

/** One code's folder of LexHub's repository, cut out as the history of that code alone, written as a bundle. */
export async function splitLexhubCode(gitDir: string, code: string, outBundle: string): Promise<{ commits: number; files: number }> {
  const prefix = `${code}/`;
  const history = await readHistory(gitDir);
  const inCode = (p: string) => p.startsWith(prefix);
  const result = await cutHistory({
    gitDir,
    history,
    keep: inCode,
    triggers: inCode,
    rename: (p) => p.slice(prefix.length),
    outBundle,
  });
  return { commits: result.commits, files: result.files };
}

const size = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} Mo`;

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        out: { type: 'string' },
        lexhub: { type: 'string' },
        lexlib: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const out = path.resolve(values.out ?? path.join(root, 'corpus', 'fetched'));
  const lexhubUrl = values.lexhub ?? LEXHUB_URL;
  const lexlib = new Map<string, string>();
  for (const entry of values.lexlib ?? []) {
    const [code, url] = [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)];
    if (!entry.includes('=') || !CODES.includes(code as (typeof CODES)[number]) || !url) {
      console.error(`--lexlib ${entry} : attendu CODE=URL, CODE parmi ${CODES.join(', ')}.`);
      return 2;
    }
    lexlib.set(code, url);
  }

  console.error(`Vérification de l’accès à ${lexhubUrl}…`);
  const lexhub = await reachable(lexhubUrl);
  if (!lexhub.ok) {
    console.error(
      `Impossible de joindre ${lexhubUrl} (${lexhub.reason}).\n` +
        'Pas de réseau, ou le dépôt a changé d’adresse : les historiques complets ne peuvent pas être récupérés d’ici. ' +
        'Le corpus par défaut et les tests utilisent alors l’échantillon du dépôt (corpus/sample) ; ' +
        'sur une machine qui a les historiques, placez-les dans ../shared/corpus/ ou donnez-les à « npm run corpus -- --source ».',
    );
    return 1;
  }

  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const upstream = path.join(out, 'upstream');
  mkdirSync(upstream, { recursive: true });
  const lexhubDir = path.join(upstream, 'lexhub-legifrance.git');
  console.error(`Clonage de ${lexhubUrl} (tous les codes : cela peut être long)…`);
  await mirror(lexhubUrl, lexhubDir);
  for (const code of CODES) {
    const bundle = path.join(out, `lexhub-${code}.bundle`);
    try {
      const { commits, files } = await splitLexhubCode(lexhubDir, code, bundle);
      console.error(`lexhub-${code}.bundle : ${commits} commits, ${files} fichiers, ${size(bundle)}.`);
      written.push(bundle);
    } catch (error) {
      console.error(
        `LexHub, ${code} : ${error instanceof Error ? error.message : String(error)} (dossier « ${code}/ » absent du dépôt ?).`,
      );
    }
  }

  for (const code of CODES) {
    const url = lexlib.get(code);
    if (!url) {
      console.error(`lexlib, ${code} : adresse du dépôt non confirmée, non récupéré (donnez-la avec --lexlib ${code}=URL).`);
      continue;
    }
    const check = await reachable(url);
    if (!check.ok) {
      console.error(`lexlib, ${code} : impossible de joindre ${url} (${check.reason}).`);
      continue;
    }
    const dir = path.join(upstream, `lexlib-${code}.git`);
    await mirror(url, dir);
    const bundle = path.join(out, `lexlib-${code}.bundle`);
    await git(['--git-dir', dir, 'bundle', 'create', '--quiet', bundle, 'HEAD', '--branches']);
    console.error(`lexlib-${code}.bundle : ${size(bundle)}.`);
    written.push(bundle);
  }

  if (written.length === 0) {
    console.error('Rien n’a été récupéré.');
    return 1;
  }
  console.log(`Historiques écrits dans ${path.relative(root, out) || out}. Pour les compiler :`);
  console.log(`  npm run corpus -- ${written.map((b) => `--source ${path.relative(root, b)}`).join(' ')}`);
  return 0;
}

// Run as a command, not when a test imports the functions above.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = await main();

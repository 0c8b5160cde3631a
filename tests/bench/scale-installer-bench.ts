/**
 * `npm run bench -- scale`: the size of the Linux package around the compiled corpus
 * (`corpus/dist`), as the packaging test builds it — electron-builder `--linux dir` with the stub
 * Electron (`build/packaging-stub.ts`) — then that folder made into a `.deb` by `dpkg-deb` with
 * xz, the compression electron-builder's deb target uses (its own deb and AppImage targets download
 * tools, which this machine cannot). The real Electron binary adds what it weighs (~90 MB
 * compressed) to every figure but the corpus's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildElectron } from '../../build/electron-build.ts';
import { ensureRenderer } from '../../build/ensure-built.ts';
import { ELECTRON_VERSION, makeStubElectron, packLinuxDir } from '../../build/packaging-stub.ts';
import type { Manifest } from '../../corpus/model/bundle.ts';
import { CORPUS_DIR } from '../../electron/host/paths.ts';
import { readBundleJson } from '../support/bundle-files.ts';
import { mb, printTable } from './table.ts';
import { folderBytes } from './folder-bytes.ts';

if (!existsSync(path.join(CORPUS_DIR, 'manifest.json'))) {
  console.log(`${CORPUS_DIR} est absent : lancez « npm run corpus » d’abord. Rien n’est mesuré.`);
  process.exit(1);
}
const manifest = readBundleJson<Manifest>(CORPUS_DIR, 'manifest.json');
const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-installer-'));
try {
  if (!(await ensureRenderer((line) => console.log(line)))) throw new Error('la construction de l’interface a échoué');
  await buildElectron();
  const stub = path.join(work, 'electron-stub');
  makeStubElectron(stub);
  const out = path.join(work, 'out');
  const packed = await packLinuxDir('build/electron-builder.yml', stub, out);
  if (packed.status !== 0) throw new Error(`electron-builder a échoué (${packed.status}) : ${packed.log.slice(-1500)}`);
  const unpacked = path.join(out, 'linux-unpacked');

  // The deb's tree: the app under /opt, as electron-builder's deb target lays it out.
  const tree = path.join(work, 'deb');
  mkdirSync(path.join(tree, 'DEBIAN'), { recursive: true });
  cpSync(unpacked, path.join(tree, 'opt', 'Palimpseste'), { recursive: true });
  writeFileSync(
    path.join(tree, 'DEBIAN', 'control'),
    [
      'Package: palimpseste',
      `Version: 0.1.0+electron${ELECTRON_VERSION}`,
      'Architecture: amd64',
      'Maintainer: Palimpseste <palimpseste@users.noreply.example>',
      `Installed-Size: ${Math.ceil(folderBytes(unpacked) / 1024)}`,
      'Description: Lecteur hors ligne des codes français (paquet de mesure, Electron factice)',
      '',
    ].join('\n'),
  );
  const deb = path.join(work, 'palimpseste.deb');
  const built = spawnSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', tree, deb], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`dpkg-deb a échoué : ${built.stderr}`);

  const corpus = folderBytes(path.join(unpacked, 'resources', 'corpus'));
  printTable([
    ['mesure', 'taille'],
    ['texte brut de toutes les versions', mb(manifest.counts.plainTextBytes)],
    ['corpus (resources/corpus)', `${mb(corpus)} (${(corpus / manifest.counts.plainTextBytes).toFixed(2)} × le texte brut)`],
    ['application dépliée (linux-unpacked, Electron factice)', mb(folderBytes(unpacked))],
    ['paquet .deb (xz, Electron factice)', mb(statSync(deb).size)],
  ]);
  console.log(`(corpus : ${manifest.counts.codes} codes, ${manifest.counts.versions} versions, compilé le ${manifest.builtAt})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

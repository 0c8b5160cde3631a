/**
 * The desktop packaging, checked without the real Electron binary (its download is blocked here):
 * electron-builder packs the app (`--linux dir`) around a stub Electron folder (`packaging-stub.ts`:
 * an executable file carrying Electron's fuse wire, so that electron-builder really flips the fuses,
 * and the locales it prunes), then the test reads the result: the asar's entry point, renderer and
 * the corpus resources, and the fuses as written in the binary.
 *
 * Slow-ish (renderer build when missing, then about 10 s of packing): it runs once, in `beforeAll`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_VERSION } from '../corpus/model/bundle.ts';
import { CORPUS_DIR, PROJECT_ROOT, RENDERER_DIR } from '../electron/host/paths.ts';
import { writeSeedBundle } from '../tests/support/seed-bundle.ts';
import { buildElectron } from './electron-build.ts';
import { FuseState, makeStubElectron, packLinuxDir } from './packaging-stub.ts';
import { ensureRenderer } from './ensure-built.ts';

const CONFIG = 'build/electron-builder.yml';
let work: string;
let appOut: string;
let corpusDir: string;
let builderLog = '';
let builderStatus: number | null = null;

/** All files below a folder, relative, sorted. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesBelow(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-pack-'));
  if (!(await ensureRenderer((line) => console.log(`[packaging.test] ${line}`))))
    throw new Error('The renderer build failed: nothing to package.');
  await buildElectron();
  const stub = path.join(work, 'electron-stub');
  makeStubElectron(stub);

  // The real corpus when it is built; otherwise the seed bundle, through a copy of the config that
  // differs only in where the corpus is taken from.
  let configPath = CONFIG;
  if (existsSync(path.join(CORPUS_DIR, 'manifest.json'))) corpusDir = CORPUS_DIR;
  else {
    corpusDir = path.join(work, 'seed-corpus');
    writeSeedBundle(corpusDir);
    console.log(
      `[packaging.test] ${CORPUS_DIR} is absent (run « npm run corpus »): packing the seed bundle as the corpus resource instead.`,
    );
    const config = await getConfig(PROJECT_ROOT, CONFIG, null);
    configPath = path.join(work, 'electron-builder.json');
    writeFileSync(configPath, JSON.stringify({ ...config, extraResources: [{ from: corpusDir, to: 'corpus', filter: ['**/*'] }] }));
  }
  appOut = path.join(work, 'out');
  const result = await packLinuxDir(configPath, stub, appOut);
  builderStatus = result.status;
  builderLog = result.log;
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder configuration', () => {
  it('is valid for electron-builder and says what the issue asks', async () => {
    const config = await getConfig(PROJECT_ROOT, CONFIG, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.appId).toBe('fr.palimpseste.reader');
    expect(config.productName).toBe('Palimpseste');
    expect(config.asar).toBe(true);
    expect(config.extraMetadata).toEqual({ main: 'build/out/electron/main.js' });
    expect(config.extraResources).toEqual([{ from: 'corpus/dist', to: 'corpus', filter: ['**/*'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('refuses a misspelt option (the validation is real)', async () => {
    const config = await getConfig(PROJECT_ROOT, CONFIG, null);
    await expect(
      validateConfiguration({ ...config, linux: { ...config.linux, tarjet: 'deb' } as never }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.linux/);
  });
});

describe('packed app (linux dir, stub Electron)', () => {
  const unpacked = () => path.join(appOut, 'linux-unpacked');
  const asarPath = () => path.join(unpacked(), 'resources', 'app.asar');

  it('is packed by electron-builder without any download', () => {
    expect(builderStatus, builderLog).toBe(0);
    expect(builderLog).toContain('using custom unpacked Electron distribution');
    expect(builderLog).not.toMatch(/downloading/i);
  });

  it('has the executable renamed, the fuses flipped in it, and only the French and English locales', async () => {
    const executable = path.join(unpacked(), 'palimpseste');
    expect(statSync(executable).mode & 0o111).not.toBe(0);
    const wire = await getCurrentFuseWire(executable);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(readdirSync(path.join(unpacked(), 'locales')).sort()).toEqual(['en-US.pak', 'fr.pak']);
  });

  it('has an asar with the entry point, the preload and the renderer, and no node_modules nor source maps', () => {
    const files = listPackage(asarPath(), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(files).toContain('/package.json');
    const manifest = JSON.parse(extractFile(asarPath(), 'package.json').toString('utf8')) as { main: string; type: string };
    expect(manifest.main).toBe('build/out/electron/main.js');
    expect(manifest.type).toBe('module');
    expect(files).toContain('/build/out/electron/main.js');
    expect(files).toContain('/build/out/electron/preload.cjs');
    expect(files).toContain('/build/out/renderer/index.html');
    expect(files.some((f) => f.startsWith('/node_modules'))).toBe(false);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    // Every renderer file is there, and the assets index.html names are among them.
    const renderer = filesBelow(RENDERER_DIR).filter((f) => !f.endsWith('.map'));
    for (const file of renderer) expect(files, file).toContain(`/build/out/renderer/${file}`);
    const html = extractFile(asarPath(), 'build/out/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(files, asset).toContain(`/build/out/renderer/${asset}`);
    // The bundled main process loads the preload beside it.
    expect(extractFile(asarPath(), 'build/out/electron/main.js').toString('utf8')).toContain('preload.cjs');
  });

  it('ships the whole corpus bundle as resources/corpus', () => {
    const packed = path.join(unpacked(), 'resources', 'corpus');
    expect(filesBelow(packed)).toEqual(filesBelow(corpusDir));
    const manifest = JSON.parse(readFileSync(path.join(packed, 'manifest.json'), 'utf8')) as {
      schemaVersion: number;
      codes: { id: string }[];
    };
    expect(manifest.schemaVersion).toBe(BUNDLE_SCHEMA_VERSION);
    expect(manifest.codes.map((c) => c.id)).toContain('code-de-la-securite-sociale');
  });
});

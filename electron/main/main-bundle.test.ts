/**
 * The bundled main process (`build/out/electron/main.js` as `npm start` and the packaged app run it),
 * run in Node against a recording stand-in for the `electron` module: there is no Electron binary
 * here, but this proves that the bundle loads, and that its wiring does what the tested modules
 * promise once put together — scheme registered before ready, the session hardened, the protocol
 * serving the app and the corpus, IPC answering only the app's window, secure webPreferences, and a
 * deep link given on the command line opened in the first window.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../build/electron-build.ts';
import { BUNDLE_SCHEMA_VERSION } from '../../corpus/model/bundle.ts';
import { API_METHODS } from '../common/api.ts';
import { MIN_ELECTRON_VERSION } from './electron-version.ts';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers.ts';
import { writeSeedBundle } from '../../tests/support/seed-bundle.ts';

/**
 * The stand-in: records every call main.ts makes, and when the window loads its first URL, plays
 * the scenario (requests to the protocol, IPC calls, a blocked request, a refused navigation) and
 * writes everything to $FAKE_ELECTRON_LOG.
 */
const FAKE_ELECTRON = String.raw`
import { writeFileSync } from 'node:fs';
const record = { calls: [], readyAfterSchemes: null };
const listeners = {};
const ipc = {};
let protocolHandler, beforeRequest, permissionRequest, permissionCheck;
let ready = false;
const on = (target) => (name, fn) => { (listeners[target + ':' + name] ??= []).push(fn); };
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => { record.calls.push(['registerSchemesAsPrivileged', schemes, { ready }]); },
};
export const app = {
  isPackaged: false,
  enableSandbox: () => record.calls.push(['enableSandbox', { ready }]),
  setPath: (name, value) => record.calls.push(['setPath', name, value]),
  getPath: (name) => process.env.PALIMPSESTE_DATA ?? '/nonexistent/' + name,
  requestSingleInstanceLock: () => true,
  on: on('app'),
  whenReady: () => new Promise((resolve) => setTimeout(() => { ready = true; resolve(); }, 10)),
  quit: () => record.calls.push(['quit']),
  exit: (code) => { record.calls.push(['exit', code]); finish(); },
  setAsDefaultProtocolClient: (scheme) => record.calls.push(['setAsDefaultProtocolClient', scheme]),
};
export const session = {
  defaultSession: {
    webRequest: { onBeforeRequest: (fn) => { beforeRequest = fn; } },
    setPermissionRequestHandler: (fn) => { permissionRequest = fn; },
    setPermissionCheckHandler: (fn) => { permissionCheck = fn; },
    setDevicePermissionHandler: () => {},
    on: on('session'),
    protocol: { handle: (scheme, fn) => { record.calls.push(['protocol.handle', scheme]); protocolHandler = fn; } },
  },
};
export const ipcMain = { handle: (channel, fn) => { ipc[channel] = fn; } };
export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => record.calls.push(['setApplicationMenu', menu.map((m) => m.label)]),
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
// The dialogs of exports and corpus updates: the bundle only needs them to exist until one is asked for.
export const dialog = {
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showMessageBox: async () => ({ response: 0 }),
};
const windows = [];
export class BrowserWindow {
  static getAllWindows() { return windows; }
  static getFocusedWindow() { return windows[0]; }
  constructor(options) {
    record.calls.push(['BrowserWindow', options]);
    this.webContents = { id: 41, sendInputEvent: () => {} };
    windows.push(this);
  }
  on() {} once() {} isMinimized() { return false; } restore() {} focus() {} maximize() {}
  isMaximized() { return false; } getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 860 }; }
  async loadURL(url) {
    record.calls.push(['loadURL', url]);
    await scenario();
    finish();
  }
}
async function answer(url, method = 'GET') {
  const response = await protocolHandler({ url, method });
  return { status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type'), body: (await response.text()).slice(0, 200) };
}
async function scenario() {
  const trusted = { senderFrame: { url: 'palimpseste://app/index.html#/', parent: null }, sender: { id: 41 } };
  const otherWindow = { senderFrame: { url: 'palimpseste://app/index.html', parent: null }, sender: { id: 42 } };
  const remote = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: 41 } };
  const blocked = {};
  beforeRequest({ url: 'https://www.legifrance.gouv.fr/' }, (r) => { blocked.https = r; });
  beforeRequest({ url: 'palimpseste://app/index.html' }, (r) => { blocked.app = r; });
  let permission;
  permissionRequest({}, 'geolocation', (granted) => { permission = granted; });
  const nav = { prevented: false, url: 'https://evil.example/', preventDefault() { this.prevented = true; } };
  const contents = { handlers: {}, on(name, fn) { (this.handlers[name] ??= []).push(fn); }, setWindowOpenHandler(fn) { this.open = fn; } };
  for (const fn of listeners['app:web-contents-created'] ?? []) fn({}, contents);
  for (const fn of contents.handlers['will-navigate'] ?? []) fn(nav);
  record.scenario = {
    index: await answer('palimpseste://app/index.html'),
    manifest: await answer('palimpseste://app/corpus/manifest.json'),
    traversal: await answer('palimpseste://app/corpus/%2e%2e/%2e%2e/etc/passwd'),
    channels: Object.keys(ipc).sort(),
    corpusInfo: await ipc['palimpseste:getCorpusInfo'](trusted),
    findArticles: await ipc['palimpseste:findArticles'](trusted, 'L. 611-3'),
    otherWindow: await ipc['palimpseste:listTrails'](otherWindow),
    remote: await ipc['palimpseste:listTrails'](remote),
    invalid: await ipc['palimpseste:getToc'](trusted, '../..'),
    blocked,
    permission,
    permissionCheck: permissionCheck(),
    navigationPrevented: nav.prevented,
    windowOpen: contents.open?.({ url: 'https://evil.example/' }),
  };
}
function finish() {
  writeFileSync(process.env.FAKE_ELECTRON_LOG, JSON.stringify(record));
  process.exit(0);
}
`;

interface Answer {
  status: number;
  csp: string | null;
  type: string | null;
  body: string;
}
interface Recorded {
  calls: [string, ...unknown[]][];
  scenario: {
    index: Answer;
    manifest: Answer;
    traversal: Answer;
    channels: string[];
    corpusInfo: { ok: boolean; value?: { baseUrl: string; manifest: { counts: { articles: number } } } };
    findArticles: { ok: boolean; value?: { num: string }[] };
    otherWindow: { ok: boolean; error?: { code: string } };
    remote: { ok: boolean; error?: { code: string } };
    invalid: { ok: boolean; error?: { code: string } };
    blocked: { https?: { cancel: boolean }; app?: { cancel: boolean } };
    permission: boolean;
    permissionCheck: boolean;
    navigationPrevented: boolean;
    windowOpen: { action: string };
  };
}

let work: string;
let record: Recorded;
let run: { status: number | null; stderr: string };

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-main-'));
  const out = path.join(work, 'app', 'build', 'out', 'electron');
  await buildElectron(out);
  const fake = path.join(work, 'app', 'node_modules', 'electron');
  mkdirSync(fake, { recursive: true });
  writeFileSync(path.join(fake, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
  writeFileSync(path.join(fake, 'index.js'), FAKE_ELECTRON);
  writeFileSync(path.join(work, 'app', 'package.json'), JSON.stringify({ name: 'palimpseste', type: 'module' }));
  const renderer = path.join(work, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Palimpseste</title>');
  writeSeedBundle(path.join(work, 'corpus'));
  const log = path.join(work, 'record.json');
  const result = spawnSync(
    process.execPath,
    [path.join(out, 'main.js'), '--some-flag', 'palimpseste://code-de-la-securite-sociale/L611-3@2006-01-28'],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        FAKE_ELECTRON_LOG: log,
        PALIMPSESTE_RENDERER: renderer,
        PALIMPSESTE_CORPUS: path.join(work, 'corpus'),
        PALIMPSESTE_DATA: path.join(work, 'data'),
      },
    },
  );
  run = { status: result.status, stderr: result.stderr };
  record = existsSync(log) ? (JSON.parse(readFileSync(log, 'utf8')) as Recorded) : ({ calls: [] } as unknown as Recorded);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bundled main process under an Electron older than the minimum', () => {
  it('says so and exits before doing anything', () => {
    const log = path.join(work, 'record-old.json');
    // Electron defines process.versions.electron; here a preload script plays 45.4.1.
    const older = path.join(work, 'old-electron.mjs');
    writeFileSync(older, "Object.defineProperty(process.versions, 'electron', { value: '45.4.1' });");
    const result = spawnSync(process.execPath, ['--import', older, path.join(work, 'app', 'build', 'out', 'electron', 'main.js')], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        FAKE_ELECTRON_LOG: log,
        PALIMPSESTE_CORPUS: path.join(work, 'corpus'),
        PALIMPSESTE_DATA: path.join(work, 'data-old'),
      },
    });
    expect(result.stderr).toContain(`Electron 45.4.1 est trop ancien : Palimpseste demande Electron ${MIN_ELECTRON_VERSION} au moins`);
    expect((JSON.parse(readFileSync(log, 'utf8')) as Recorded).calls).toEqual([['exit', 1]]);
  });
});

const call = (name: string) => record.calls.find(([n]) => n === name);

describe('bundled main process (against a recording electron module)', () => {
  it('loads and runs to its first window', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(call('loadURL')).toBeDefined();
  });

  it('registers the privileged scheme and the sandbox before the app is ready', () => {
    expect(call('registerSchemesAsPrivileged')).toEqual([
      'registerSchemesAsPrivileged',
      [
        {
          scheme: 'palimpseste',
          privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false }),
        },
      ],
      { ready: false },
    ]);
    expect(call('enableSandbox')).toEqual(['enableSandbox', { ready: false }]);
    expect(call('protocol.handle')).toEqual(['protocol.handle', 'palimpseste']);
    expect(call('setAsDefaultProtocolClient')).toBeUndefined(); // not packaged
  });

  it('opens one window with the secure preferences and the bundled preload', () => {
    const options = call('BrowserWindow')?.[1] as { webPreferences: Record<string, unknown>; width: number; height: number };
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    expect(String(options.webPreferences.preload)).toMatch(/build\/out\/electron\/preload\.cjs$/);
    expect(existsSync(String(options.webPreferences.preload))).toBe(true);
    expect([options.width, options.height]).toEqual([1280, 860]);
    expect(call('setApplicationMenu')?.[1]).toEqual(['Fichier', 'Édition', 'Navigation', 'Affichage', 'Fenêtre', 'Aide']);
  });

  it('opens the deep link given on the command line', () => {
    expect(call('loadURL')).toEqual(['loadURL', 'palimpseste://app/index.html#/code-de-la-securite-sociale/L611-3@2006-01-28']);
  });

  it('serves the renderer and the corpus through the protocol, with the CSP, and refuses traversal', () => {
    const { index, manifest, traversal } = record.scenario;
    expect([index.status, index.csp, index.type]).toEqual([200, CONTENT_SECURITY_POLICY, 'text/html; charset=utf-8']);
    expect(manifest.status).toBe(200);
    expect(manifest.type).toBe('application/json; charset=utf-8');
    expect(manifest.body).toContain(`"schemaVersion": ${BUNDLE_SCHEMA_VERSION}`);
    expect(traversal.status).toBe(403);
  });

  it('answers IPC from the app window only, with validated arguments', () => {
    const s = record.scenario;
    // One channel per method of the contract, no other.
    expect(s.channels).toHaveLength(API_METHODS.length);
    expect(s.corpusInfo.ok && s.corpusInfo.value?.manifest.counts.articles).toBe(2);
    expect(s.findArticles.value?.map((e) => e.num)).toEqual(['L611-3']);
    expect(s.otherWindow.error?.code).toBe('forbidden');
    expect(s.remote.error?.code).toBe('forbidden');
    expect(s.invalid.error?.code).toBe('invalid-argument');
  });

  it('blocks the network, denies permissions, refuses navigation and new windows', () => {
    const s = record.scenario;
    expect(s.blocked).toEqual({ https: { cancel: true }, app: { cancel: false } });
    expect([s.permission, s.permissionCheck]).toEqual([false, false]);
    expect(s.navigationPrevented).toBe(true);
    expect(s.windowOpen).toEqual({ action: 'deny' });
  });
});

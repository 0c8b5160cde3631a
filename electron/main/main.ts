/**
 * The Electron main process: wiring only. The logic lives in the modules it calls (security,
 * protocol, IPC, menu, window state, and the host shared with the web edition), each tested.
 *
 * Bundled by `build/electron-build.ts` into `build/out/electron/main.js`, beside `preload.cjs`;
 * the renderer build is `../renderer/` from there (in the repository and inside `app.asar` alike).
 * The corpus is `corpus/dist/` of the repository, or `resources/corpus/` in the packaged app.
 * For tests: PALIMPSESTE_CORPUS, PALIMPSESTE_DATA and PALIMPSESTE_RENDERER override these folders.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { APP_SCHEME, appUrl, deepLinkFromArgv, deepLinkToLocation } from '../common/deep-link.ts';
import { createHost, warmCorpus } from '../host/host.ts';
import { corpusUpdateActions } from './corpus-update-actions.ts';
import { isSupportedElectron, unsupportedElectronMessage } from './electron-version.ts';
import { registerApiHandlers } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { createFileExporter, createPdfExporter, type PdfExportDeps, type PdfWindow } from './pdf-export.ts';
import { formatPrintRoute } from '../../renderer/src/reader/print-route.ts';
import { createProtocolHandler, SCHEME_PRIVILEGES } from './protocol.ts';
import { hardenSession, hardenWebContents, isTrustedSender, secureWebPreferences } from './security.ts';
import { fitToDisplays, MIN_SIZE, trackWindow, WindowStateStore } from './window-state.ts';

const log = (message: string) => console.error(`[palimpseste] ${message}`);

// An older Electron lacks security fixes the app relies on (run outside Electron, in the bundle's
// Node test, `process.versions.electron` is absent).
const electronVersion = process.versions.electron;
if (electronVersion !== undefined && !isSupportedElectron(electronVersion)) {
  log(unsupportedElectronMessage(electronVersion));
  app.exit(1);
}

// Both must happen before the app is ready.
protocol.registerSchemesAsPrivileged([SCHEME_PRIVILEGES]);
app.enableSandbox();

const here = import.meta.dirname;
const rendererDir = process.env.PALIMPSESTE_RENDERER ?? path.join(here, '..', 'renderer');
const corpusDir =
  process.env.PALIMPSESTE_CORPUS ??
  (app.isPackaged ? path.join(process.resourcesPath, 'corpus') : path.resolve(here, '..', '..', '..', 'corpus', 'dist'));
if (process.env.PALIMPSESTE_DATA) app.setPath('userData', path.resolve(process.env.PALIMPSESTE_DATA));
const preload = path.join(here, 'preload.cjs');

/** WebContents ids of the app's windows: the only senders IPC answers. */
const appWindows = new Set<number>();
let mainWindow: BrowserWindow | undefined;
/** A deep link received before the window exists. */
let pendingLocation = deepLinkFromArgv(process.argv);

function showLocation(location: string): void {
  if (!mainWindow) {
    pendingLocation = location;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  mainWindow.loadURL(appUrl(location)).catch((error: unknown) => log(`deep link not opened: ${String(error)}`));
}

/** A hidden window for a print view: trusted by IPC while it lives (the print view reads through the API). */
function openHiddenWindow(): PdfWindow {
  const win = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: secureWebPreferences(preload) });
  const id = win.webContents.id;
  appWindows.add(id);
  const read = (expression: string) => win.webContents.executeJavaScript(expression) as Promise<unknown>;
  return {
    loadURL: (url) => win.loadURL(url),
    printReady: async () => {
      const ready = await read('document.documentElement.dataset.printReady');
      return typeof ready === 'string' ? ready : undefined;
    },
    errorText: async () => String((await read("document.querySelector('.print-error')?.textContent ?? ''")) ?? ''),
    printToPDF: (options) => win.webContents.printToPDF(options),
    destroy: () => {
      appWindows.delete(id);
      win.destroy();
    },
  };
}

const FILTERS = {
  pdf: [{ name: 'Document PDF', extensions: ['pdf'] }],
  json: [{ name: 'Annotations (JSON)', extensions: ['json'] }],
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
};

const exportDeps: PdfExportDeps = {
  openHiddenWindow,
  urlOf: appUrl,
  formatPrintRoute,
  askSavePath: async (suggestedName, kind) => {
    const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: FILTERS[kind] };
    const answer = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return answer.canceled ? undefined : answer.filePath;
  },
};

function sendKey(keyCode: string, modifiers: ('control' | 'meta' | 'alt' | 'shift')[]): void {
  const contents = BrowserWindow.getFocusedWindow()?.webContents;
  if (!contents) return;
  contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
}

async function createWindow(): Promise<void> {
  const store = new WindowStateStore(app.getPath('userData'), log);
  const state = fitToDisplays(
    await store.load(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Palimpseste',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  const id = win.webContents.id;
  appWindows.add(id);
  mainWindow = win;
  win.on('closed', () => {
    appWindows.delete(id);
    if (mainWindow === win) mainWindow = undefined;
  });
  if (state.maximized) win.maximize();
  trackWindow(win, store, 500, log);
  win.once('ready-to-show', () => win.show());
  const location = pendingLocation;
  pendingLocation = undefined;
  await win.loadURL(appUrl(location));
}

if (!app.requestSingleInstanceLock()) {
  // Another Palimpseste is running: it receives our arguments (a deep link) through `second-instance`.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const location = deepLinkFromArgv(argv);
    if (location) showLocation(location);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS delivers deep links this way, possibly before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const location = deepLinkToLocation(url);
    if (location) showLocation(location);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow().catch((error: unknown) => log(String(error)));
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, log);
      const host = createHost({
        corpusDir,
        dataDir: app.getPath('userData'),
        log,
        exportPdf: createPdfExporter(exportDeps),
        saveExportFile: createFileExporter(exportDeps),
      });
      session.defaultSession.protocol.handle(
        APP_SCHEME,
        // The corpus folder is asked at each request: an imported corpus is served at once.
        createProtocolHandler({ rendererDir, corpusDir: () => host.corpus.root, verifyCorpusFile: host.verifyCorpusFile }),
      );
      registerApiHandlers(ipcMain, host.api, (event) => isTrustedSender(event, appWindows), log);
      const updates = corpusUpdateActions(
        host.api,
        {
          pickPack: async (options) => {
            const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, { ...options, properties: ['openFile'] }) : undefined;
            return picked && !picked.canceled ? picked.filePaths[0] : undefined;
          },
          show: async (type, title, message) => {
            if (mainWindow) await dialog.showMessageBox(mainWindow, { type, title, message });
          },
        },
        () => mainWindow?.webContents.reload(),
      );
      const run = (action: () => Promise<void>) => () => void action().catch((error: unknown) => log(`corpus update: ${String(error)}`));
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            isPackaged: app.isPackaged,
            actions: {
              sendKey,
              goHome: () => showLocation('#/'),
              importCorpus: run(updates.importCorpus),
              revertCorpus: run(updates.revertCorpus),
            },
          }),
        ),
      );
      // In development the OS would register the bare Electron binary: only the installed app claims the scheme.
      if (app.isPackaged) app.setAsDefaultProtocolClient(APP_SCHEME);
      await createWindow();
      // As the web edition does: the catalogs are read while the first page loads, so the first
      // lookup by number is not the one that pays for them.
      void warmCorpus(host);
    })
    .catch((error: unknown) => {
      log(`startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.exit(1);
    });
}

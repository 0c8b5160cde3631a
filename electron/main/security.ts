/**
 * The security baseline of every window and of the session, as functions taking the Electron objects
 * (so that tests pass mocks): sandboxed, isolated renderers without Node; no navigation away from the
 * app, no new windows, no webviews; every permission denied; every request that is not the app's own
 * scheme (or an inline `data:`/`blob:` resource) cancelled at the session: the app never touches the
 * network, whatever a page tries.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME } from '../common/deep-link.ts';

export type Log = (message: string) => void;

/** The webPreferences of every window. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // The app's pages have nothing to do with a remote module or devtools extensions.
    enableWebSQL: false,
  };
}

/**
 * Schemes a page of the app may load. `devtools:` is Chromium's own (the developer tools window);
 * `data:` and `blob:` never leave the process. Everything else, `http(s):`, `ws(s):`, `ftp:` and
 * `file:` included, is cancelled.
 */
const ALLOWED_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:', 'chrome-devtools:']);

export function isAllowedRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return false;
  return parsed.protocol !== `${APP_SCHEME}:` || parsed.host === APP_HOST;
}

/** Whether a URL is a page of the app itself (`palimpseste://app/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export type SessionLike = {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
} & Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>;

/** Blocks the network and denies every permission for the whole session. */
export function hardenSession(session: SessionLike, log: Log): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`request blocked: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * No navigation out of the app (a link to `https:`, `file:`, `javascript:` does nothing; in-page
 * location changes `#/…` are not navigations and go on working), no new window, no webview.
 */
export function hardenWebContents(contents: ContentsLike, log: Log): void {
  const refuseUnlessApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`navigation refused: ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => refuseUnlessApp(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseUnlessApp(event, event.url));
  contents.on('will-redirect', (event) => refuseUnlessApp(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** The part of an IPC event the sender check reads. */
export interface SenderInfo {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { id: number };
}

/**
 * An IPC call is answered only when it comes from the top frame of one of the app's windows, showing
 * a page of the app: not from an iframe, not from a window that navigated elsewhere.
 */
export function isTrustedSender(event: SenderInfo, appContents: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (!appContents.has(event.sender.id)) return false;
  return isAppUrl(frame.url);
}

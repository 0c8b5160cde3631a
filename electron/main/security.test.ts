import { describe, expect, it } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isTrustedSender,
  secureWebPreferences,
  type ContentsLike,
  type SessionLike,
} from './security.ts';

type Listener = (...args: unknown[]) => unknown;

/** Records what the code under test registers, and lets the test fire it. */
class Recorder {
  readonly listeners = new Map<string, Listener[]>();
  readonly log: string[] = [];
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  fire(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((l) => l(...args));
  }
}

class FakeEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

class FakeSession extends Recorder {
  beforeRequest?: Listener;
  permissionRequest?: Listener;
  permissionCheck?: Listener;
  devicePermission?: Listener;
  webRequest = { onBeforeRequest: (listener: Listener) => (this.beforeRequest = listener) };
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Listener) {
    this.devicePermission = handler;
  }
  /** What the session answers for a request to `url`. */
  request(url: string): { cancel?: boolean } {
    let answer: { cancel?: boolean } = {};
    this.beforeRequest?.({ url, method: 'GET', resourceType: 'xhr' }, (response: { cancel?: boolean }) => (answer = response));
    return answer;
  }
}

class FakeContents extends Recorder {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function hardenedSession() {
  const session = new FakeSession();
  hardenSession(session as unknown as SessionLike, (m) => session.log.push(m));
  return session;
}

function hardenedContents() {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as ContentsLike, (m) => contents.log.push(m));
  return contents;
}

describe('webPreferences', () => {
  it('sandboxes and isolates every window, without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('session: the network', () => {
  it.each([
    'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006743538',
    'http://127.0.0.1:5180/api/listTrails',
    'http://localhost/',
    'ws://127.0.0.1:9222/devtools',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'palimpseste://code-de-la-securite-sociale/L611-3',
    'palimpseste://evil/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('cancels %s', (url) => {
    const session = hardenedSession();
    expect(session.request(url)).toEqual({ cancel: true });
    expect(session.log).toEqual([`request blocked: ${url}`]);
  });

  it.each([
    'palimpseste://app/index.html',
    'palimpseste://app/corpus/search/current.json',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:palimpseste://app/4b1c',
    'devtools://devtools/bundled/inspector.html',
  ])('lets the app load %s', (url) => {
    expect(hardenedSession().request(url)).toEqual({ cancel: false });
    expect(isAllowedRequest(url)).toBe(true);
  });
});

describe('session: permissions and downloads', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midi'])(
    'denies the permission request %s',
    (permission) => {
      const session = hardenedSession();
      let granted: boolean | undefined;
      session.permissionRequest?.({}, permission, (answer: boolean) => (granted = answer), {});
      expect(granted).toBe(false);
      expect(session.log).toEqual([`permission denied: ${permission}`]);
    },
  );

  it('answers no to every permission check and device request, and cancels downloads', () => {
    const session = hardenedSession();
    expect(session.permissionCheck?.({}, 'clipboard-sanitized-write', 'palimpseste://app', {})).toBe(false);
    expect(session.devicePermission?.({ deviceType: 'usb', origin: 'palimpseste://app' })).toBe(false);
    const download = new FakeEvent();
    session.fire('will-download', download);
    expect(download.prevented).toBe(true);
  });
});

describe('web contents: navigation and windows', () => {
  it.each([
    'https://www.legifrance.gouv.fr/',
    'http://127.0.0.1:5180/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'palimpseste://other/index.html',
  ])('refuses navigating to %s', (url) => {
    const contents = hardenedContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = new FakeEvent(url);
      contents.fire(name, event);
      expect(event.prevented, name).toBe(true);
    }
  });

  it('lets a page of the app reload itself', () => {
    const event = new FakeEvent('palimpseste://app/index.html#/code-de-la-securite-sociale/L611-3@2006-01-28');
    hardenedContents().fire('will-navigate', event);
    expect(event.prevented).toBe(false);
  });

  it('denies every window.open, whatever the target, and refuses webviews', () => {
    const contents = hardenedContents();
    for (const url of ['https://example.org/', 'palimpseste://app/index.html', 'about:blank'])
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    const webview = new FakeEvent();
    contents.fire('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });
});

describe('IPC sender check', () => {
  const appWindows = new Set([7]);
  const event = (url: string, parent: unknown = null, id = 7) => ({ senderFrame: { url, parent }, sender: { id } });

  it('trusts the top frame of an app window showing a page of the app', () => {
    expect(isTrustedSender(event('palimpseste://app/index.html#/'), appWindows)).toBe(true);
  });

  it('refuses an iframe, another origin, an unknown window or a vanished frame', () => {
    expect(isTrustedSender(event('palimpseste://app/index.html', { url: 'palimpseste://app/index.html' }), appWindows)).toBe(false);
    expect(isTrustedSender(event('https://evil.example/'), appWindows)).toBe(false);
    expect(isTrustedSender(event('file:///tmp/x.html'), appWindows)).toBe(false);
    expect(isTrustedSender(event('palimpseste://evil/index.html'), appWindows)).toBe(false);
    expect(isTrustedSender(event('palimpseste://app/index.html', null, 8), appWindows)).toBe(false);
    expect(isTrustedSender({ senderFrame: null, sender: { id: 7 } }, appWindows)).toBe(false);
  });
});

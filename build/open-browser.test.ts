import { describe, expect, it } from 'vitest';
import { browserCommand, hasDisplay, openInBrowser, type BrowserCommand } from './open-browser.ts';

const URL = 'http://127.0.0.1:5180/';

/** An opener that records what it was asked to run instead of running it. */
function recording(fail?: Error) {
  const calls: BrowserCommand[] = [];
  const opener = async (command: BrowserCommand) => {
    calls.push(command);
    if (fail) throw fail;
  };
  return { calls, opener };
}

describe('openInBrowser', () => {
  it('opens the address with xdg-open only where an X11 or Wayland display exists', async () => {
    for (const env of [{ DISPLAY: ':0' }, { WAYLAND_DISPLAY: 'wayland-0' }]) {
      const { calls, opener } = recording();
      const said: string[] = [];
      expect(await openInBrowser(URL, { platform: 'linux', env, opener, say: (l) => said.push(l) })).toBe('opened');
      expect(calls).toEqual([{ command: 'xdg-open', args: [URL] }]);
      expect(said).toEqual(['Ouverture dans le navigateur par défaut (xdg-open).']);
    }
  });

  it('without a display (a console, SSH without X) only says to open the address', async () => {
    const { calls, opener } = recording();
    const said: string[] = [];
    expect(await openInBrowser(URL, { platform: 'linux', env: { SSH_CONNECTION: '1 2 3 4' }, opener, say: (l) => said.push(l) })).toBe(
      'no-display',
    );
    expect(calls).toEqual([]);
    expect(said).toEqual(['Pas d’affichage graphique ici : ouvrez cette adresse dans un navigateur.']);
  });

  it('uses open on macOS and start on Windows, which always have a display', async () => {
    for (const [platform, command] of [
      ['darwin', { command: 'open', args: [URL] }],
      ['win32', { command: 'cmd', args: ['/c', 'start', '""', URL], verbatim: true }],
    ] as const) {
      const { calls, opener } = recording();
      expect(await openInBrowser(URL, { platform, env: {}, opener, say: () => {} })).toBe('opened');
      expect(calls).toEqual([command]);
      expect(browserCommand(platform, URL)).toEqual(command);
    }
    expect(hasDisplay('freebsd', {})).toBe(false);
  });

  it('does nothing when asked not to (--no-open, BROWSER=none)', async () => {
    const { calls, opener } = recording();
    expect(await openInBrowser(URL, { platform: 'linux', env: { DISPLAY: ':0' }, disabled: true, opener, say: () => {} })).toBe('disabled');
    expect(await openInBrowser(URL, { platform: 'darwin', env: { BROWSER: 'none' }, opener, say: () => {} })).toBe('disabled');
    expect(calls).toEqual([]);
  });

  it('says so when the opener is missing, and the address stays printed', async () => {
    const { opener } = recording(new Error('spawn xdg-open ENOENT'));
    const said: string[] = [];
    expect(await openInBrowser(URL, { platform: 'linux', env: { DISPLAY: ':0' }, opener, say: (l) => said.push(l) })).toBe('failed');
    expect(said).toEqual(['Le navigateur n’a pas pu être ouvert (xdg-open : spawn xdg-open ENOENT) : ouvrez cette adresse vous-même.']);
  });
});

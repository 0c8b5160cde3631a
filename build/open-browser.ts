/**
 * Opening an address in the user's default browser, as `npm start` does for the web edition:
 * `xdg-open` on Linux and the BSDs, `open` on macOS, `start` on Windows — only where there is a
 * display to show it on (a Linux console or an SSH session without X forwarding has none: there the
 * address is printed and nothing else is tried). `BROWSER=none` (the convention of many dev servers)
 * or `--no-open` say not to.
 */
import { spawn } from 'node:child_process';

export interface BrowserCommand {
  command: string;
  args: string[];
  /** Windows: the arguments go to cmd as written (Node would quote `""` again). */
  verbatim?: boolean;
}

/** Whether a browser window can be shown: Windows and macOS always; elsewhere an X11 or Wayland display. */
export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens `url` in the default browser. */
export function browserCommand(platform: NodeJS.Platform, url: string): BrowserCommand {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title. The address is ours
  // (`http://127.0.0.1:PORT/`): nothing in it that cmd would read as an operator.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true };
  return { command: 'xdg-open', args: [url] };
}

export type Opener = (command: BrowserCommand) => Promise<void>;

/** Starts the command detached: the browser outlives nothing of ours, and its output is not ours. */
export const spawnOpener: Opener = ({ command, args, verbatim }) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: verbatim ?? false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });

export interface OpenOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Not asked to open (`--no-open`). */
  disabled?: boolean;
  opener?: Opener;
  say: (line: string) => void;
}

/** Opens the address where it can, and says what it did: `opened`, `no-display`, `disabled` or `failed`. */
export async function openInBrowser(url: string, options: OpenOptions): Promise<'opened' | 'no-display' | 'disabled' | 'failed'> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  if (options.disabled || env.BROWSER === 'none') return 'disabled';
  if (!hasDisplay(platform, env)) {
    options.say('Pas d’affichage graphique ici : ouvrez cette adresse dans un navigateur.');
    return 'no-display';
  }
  const command = browserCommand(platform, url);
  try {
    await (options.opener ?? spawnOpener)(command);
    options.say(`Ouverture dans le navigateur par défaut (${command.command}).`);
    return 'opened';
  } catch (error) {
    options.say(
      `Le navigateur n’a pas pu être ouvert (${command.command} : ${error instanceof Error ? error.message : String(error)}) : ouvrez cette adresse vous-même.`,
    );
    return 'failed';
  }
}

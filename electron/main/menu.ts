/**
 * The application menu, in French, with the usual shortcuts. Built as a template (plain data) so
 * that it is tested without Electron; `main.ts` passes it to `Menu.buildFromTemplate`.
 * The reader's own shortcuts (Ctrl/Cmd+K search, Alt+←/→ trail steps) are handled by the renderer;
 * the menu shows them and, when chosen with the mouse, sends the same keys to the page.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Sends a key to the focused page, as if typed: `{ key: 'k', modifiers: ['control'] }`. */
  sendKey(key: string, modifiers: ('control' | 'meta' | 'alt' | 'shift')[]): void;
  /** Reopens the app's home page. */
  goHome(): void;
  /** « Mettre à jour le corpus… »: picks a corpus pack and imports it (`corpus-update-actions.ts`). */
  importCorpus(): void;
  /** « Revenir au corpus précédent ». */
  revertCorpus(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only when not packaged. */
  isPackaged: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate({ platform, isPackaged, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = mac ? 'meta' : 'control';
  const appMenu: MenuItemConstructorOptions = {
    label: 'Palimpseste',
    submenu: [
      { role: 'about', label: 'À propos de Palimpseste' },
      { type: 'separator' },
      { role: 'hide', label: 'Masquer Palimpseste' },
      { role: 'hideOthers', label: 'Masquer les autres' },
      { role: 'unhide', label: 'Tout afficher' },
      { type: 'separator' },
      { role: 'quit', label: 'Quitter Palimpseste' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: [
      { label: 'Accueil', accelerator: 'CmdOrCtrl+Shift+H', click: () => actions.goHome() },
      { type: 'separator' },
      { label: 'Mettre à jour le corpus…', click: () => actions.importCorpus() },
      { label: 'Revenir au corpus précédent', click: () => actions.revertCorpus() },
      { type: 'separator' },
      mac ? { role: 'close', label: 'Fermer la fenêtre' } : { role: 'quit', label: 'Quitter', accelerator: 'Ctrl+Q' },
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { role: 'undo', label: 'Annuler' },
      { role: 'redo', label: 'Rétablir' },
      { type: 'separator' },
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      { role: 'selectAll', label: 'Tout sélectionner' },
    ],
  };
  const goMenu: MenuItemConstructorOptions = {
    label: 'Navigation',
    submenu: [
      // registerAccelerator: false — the page receives these keys itself; the menu only shows them.
      { label: 'Rechercher', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: () => actions.sendKey('k', [command]) },
      { type: 'separator' },
      { label: 'Étape précédente', accelerator: 'Alt+Left', registerAccelerator: false, click: () => actions.sendKey('Left', ['alt']) },
      { label: 'Étape suivante', accelerator: 'Alt+Right', registerAccelerator: false, click: () => actions.sendKey('Right', ['alt']) },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { role: 'zoomIn', label: 'Zoom avant' },
      { role: 'zoomOut', label: 'Zoom arrière' },
      { role: 'resetZoom', label: 'Taille réelle' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Plein écran' },
      ...(isPackaged
        ? []
        : ([
            { type: 'separator' },
            { role: 'reload', label: 'Recharger' },
            { role: 'toggleDevTools', label: 'Outils de développement' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: 'Fenêtre',
    submenu: [
      { role: 'minimize', label: 'Réduire' },
      ...(mac ? ([{ role: 'zoom', label: 'Agrandir' }] satisfies MenuItemConstructorOptions[]) : []),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: 'Aide',
    submenu: [{ role: 'about', label: 'À propos de Palimpseste' }],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, goMenu, viewMenu, windowMenu, ...(mac ? [] : [helpMenu])];
}

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sent: string[] = [];
  let home = 0;
  const updates: string[] = [];
  const template = buildMenuTemplate({
    platform,
    isPackaged,
    actions: {
      sendKey: (key, mods) => sent.push(`${mods.join('+')}+${key}`),
      goHome: () => home++,
      importCorpus: () => updates.push('import'),
      revertCorpus: () => updates.push('revert'),
    },
  });
  return { template, sent, home: () => home, updates };
}

describe('application menu', () => {
  it('is in French with the usual shortcuts on Linux and Windows', () => {
    const { template } = build('linux');
    expect(template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Navigation', 'Affichage', 'Fenêtre', 'Aide']);
    const items = flatten(template);
    const byLabel = new Map(items.map((i) => [i.label, i]));
    expect(byLabel.get('Copier')?.role).toBe('copy');
    expect(byLabel.get('Quitter')?.accelerator).toBe('Ctrl+Q');
    expect(byLabel.get('Rechercher')?.accelerator).toBe('CmdOrCtrl+K');
    expect(byLabel.get('Étape précédente')?.accelerator).toBe('Alt+Left');
    // Every item that is not a separator has a French label.
    for (const item of items.filter((i) => i.type !== 'separator')) expect(item.label, JSON.stringify(item.role)).toMatch(/\p{L}/u);
  });

  it('puts the application menu first on macOS and uses Cmd', () => {
    const { template, sent } = build('darwin');
    expect(template[0]?.label).toBe('Palimpseste');
    flatten(template)
      .find((i) => i.label === 'Rechercher')
      ?.click?.({} as never, undefined, {} as never);
    expect(sent).toEqual(['meta+k']);
  });

  it('sends the trail keys to the page rather than registering them, so the page handles them once', () => {
    const { template, sent, home } = build('linux');
    const items = flatten(template);
    for (const label of ['Étape précédente', 'Étape suivante', 'Rechercher'])
      expect(items.find((i) => i.label === label)?.registerAccelerator).toBe(false);
    items.find((i) => i.label === 'Étape suivante')?.click?.({} as never, undefined, {} as never);
    items.find((i) => i.label === 'Accueil')?.click?.({} as never, undefined, {} as never);
    expect(sent).toEqual(['alt+Right']);
    expect(home()).toBe(1);
  });

  it('offers the corpus updates in the File menu', () => {
    const { template, updates } = build('linux');
    const file = template.find((m) => m.label === 'Fichier')!;
    const items = flatten([file]);
    items.find((i) => i.label === 'Mettre à jour le corpus…')?.click?.({} as never, undefined, {} as never);
    items.find((i) => i.label === 'Revenir au corpus précédent')?.click?.({} as never, undefined, {} as never);
    expect(updates).toEqual(['import', 'revert']);
  });

  it('offers the developer tools only outside the packaged app', () => {
    expect(flatten(build('linux', true).template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flatten(build('linux', false).template).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

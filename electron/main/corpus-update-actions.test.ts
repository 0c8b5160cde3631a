import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedPacks, seedFile, type SeedPacks } from '../../tests/support/seed-packs.ts';
import { createHost } from '../host/host.ts';
import { corpusUpdateActions, type UpdateDialogs } from './corpus-update-actions.ts';

let work: string;
let packs: SeedPacks;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-menu-update-'));
  packs = await buildSeedPacks(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function setup(picked: (string | undefined)[]) {
  const host = createHost({ corpusDir: packs.shipped, dataDir: mkdtempSync(path.join(work, 'data-')) });
  const shown: string[] = [];
  let reloads = 0;
  const dialogs: UpdateDialogs = {
    pickPack: async (options) => {
      expect(options.filters[0]).toEqual({ name: 'Corpus Palimpseste', extensions: ['palimpseste'] });
      return picked.shift();
    },
    show: async (kind, title, message) => void shown.push(`${kind} | ${title} | ${message}`),
  };
  const actions = corpusUpdateActions(host.api, dialogs, () => reloads++);
  return { host, actions, shown, reloads: () => reloads };
}

describe('the menu’s corpus updates', () => {
  it('imports the chosen pack, reloads the window and says what changed; then goes back', async () => {
    const { host, actions, shown, reloads } = setup([packs.packB]);
    await actions.importCorpus();
    expect(reloads()).toBe(1);
    expect(shown).toEqual([
      expect.stringMatching(/^info \| Mettre à jour le corpus \| Corpus mis à jour : .*codes ajoutés : Code de la sécurité sociale/),
    ]);
    expect((await host.corpus.manifest()).codes).toHaveLength(2);
    await actions.revertCorpus();
    expect(reloads()).toBe(2);
    expect(shown[1]).toMatch(/^info \| Revenir au corpus précédent \| Corpus précédent rétabli/);
    expect((await host.corpus.manifest()).codes).toHaveLength(1);
  });

  it('does nothing when the dialog is cancelled, and shows the reason of a refusal without reloading', async () => {
    const { actions, shown, reloads } = setup([undefined, seedFile('000')]);
    await actions.importCorpus();
    expect(shown).toEqual([]);
    await actions.importCorpus();
    expect(reloads()).toBe(0);
    expect(shown).toEqual([
      expect.stringMatching(/^error \| Mettre à jour le corpus \| Le fichier « 000_.* » est refusé : ce n’est pas un paquet/),
    ]);
  });
});

/**
 * The menu's corpus updates, as the desktop app runs them: « Mettre à jour le corpus… » asks for a
 * pack in a file dialog, imports it through the host (the same `importCorpus` as the web edition's
 * command line), says what changed or why the file was refused, and reloads the window so that the
 * reader reads the new corpus (its tables of contents and search index are fetched afresh).
 * Electron's dialogs and the window are injected: the logic is tested in Node.
 */
import { PACK_EXTENSION } from '../../corpus/model/corpus-pack.ts';
import type { CorpusUpdate, PalimpsesteApi, Result } from '../common/api.ts';

export interface UpdateDialogs {
  /** The chosen file, or undefined when the user cancelled. */
  pickPack(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | undefined>;
  show(kind: 'info' | 'error', title: string, message: string): Promise<void>;
}

export interface CorpusUpdateActions {
  importCorpus(): Promise<void>;
  revertCorpus(): Promise<void>;
}

export function corpusUpdateActions(
  api: Pick<PalimpsesteApi, 'importCorpus' | 'revertCorpus'>,
  dialogs: UpdateDialogs,
  reload: () => void,
): CorpusUpdateActions {
  const report = async (result: Result<CorpusUpdate>, title: string) => {
    if (!result.ok) return dialogs.show('error', title, result.error.message);
    if (!result.value.change.identical) reload();
    await dialogs.show('info', title, result.value.message);
  };
  return {
    async importCorpus() {
      const file = await dialogs.pickPack({
        title: 'Mettre à jour le corpus',
        filters: [
          { name: 'Corpus Palimpseste', extensions: [PACK_EXTENSION] },
          { name: 'Tous les fichiers', extensions: ['*'] },
        ],
      });
      if (file === undefined) return;
      await report(await api.importCorpus(file), 'Mettre à jour le corpus');
    },
    async revertCorpus() {
      await report(await api.revertCorpus(), 'Revenir au corpus précédent');
    },
  };
}

/**
 * The help (`?` or F1): the keyboard shortcuts and a short guide, in French. A modal `<dialog>`:
 * the focus stays inside, Échap closes it and the focus returns where it was.
 */
import { useEffect, useRef } from 'react';

const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Ctrl+K', '/'], what: 'Aller à la recherche' },
  { keys: ['↑', '↓', 'Entrée'], what: 'Dans la recherche : choisir un résultat, l’ouvrir ; Entrée sur des mots : la page de résultats' },
  { keys: ['Échap'], what: 'Fermer la liste des résultats, le calendrier ou cette aide' },
  { keys: ['Pg↑', 'Pg↓'], what: 'Page de résultats : page précédente, page suivante' },
  { keys: ['Alt+←', 'Alt+→'], what: 'Étape précédente, étape suivante du parcours (aussi les boutons latéraux de la souris)' },
  { keys: ['n', 'p'], what: 'Comparaison de versions : modification suivante, précédente' },
  { keys: ['Entrée', 'Échap'], what: 'Date de lecture : appliquer la date tapée, rétablir la date lue' },
  { keys: ['↑', '↓'], what: 'Date de lecture : un jour plus tard, un jour plus tôt' },
  { keys: ['Pg↑', 'Pg↓'], what: 'Date de lecture : un mois plus tôt, un mois plus tard (avec Maj : un an)' },
  { keys: ['?', 'F1'], what: 'Cette aide' },
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="help-dialog" aria-labelledby="help-title" onClose={onClose}>
      <div className="help-head">
        <h2 id="help-title">Aide</h2>
        <button type="button" onClick={onClose} aria-label="Fermer l’aide">
          Fermer
        </button>
      </div>
      <section aria-labelledby="help-keys">
        <h3 id="help-keys">Raccourcis clavier</h3>
        <table className="help-shortcuts">
          <tbody>
            {SHORTCUTS.map(({ keys, what }) => (
              <tr key={`${keys.join()}${what}`}>
                <th scope="row">
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && ' '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="help-guide" className="help-guide">
        <h3 id="help-guide">Guide rapide</h3>
        <p>
          <strong>Lire à une date.</strong> La date de lecture, en haut, dit quel droit est lu : chaque article s’ouvre dans sa version en
          vigueur ce jour-là. Tapez-la en jj/mm/aaaa (ou « 1er janvier 1990 », « 1/1/90 ») ou choisissez-la dans le calendrier ; «
          Aujourd’hui » revient au droit en vigueur.
        </p>
        <p>
          <strong>Chercher.</strong> Un numéro (« L611-3 », « art. L. 611-3 ») ouvre l’article, d’abord dans le code que vous lisez ; des
          mots cherchent dans le droit en vigueur à la date de lecture, ou dans le choix indiqué à côté de la recherche. Les guillemets
          cherchent une expression exacte.
        </p>
        <p>
          <strong>Versions.</strong> L’onglet « Versions » donne la chronologie de l’article ; deux versions se comparent côte à côte ou en
          redline (supprimé barré, ajouté souligné). « Modifications du code » liste, date par date, les articles créés, modifiés et
          abrogés.
        </p>
        <p>
          <strong>Liens et parcours.</strong> Les renvois du texte sont des liens : ils ouvrent l’article visé tel qu’en vigueur à la date
          lue. Chaque article ouvert devient une étape du parcours, que l’on peut nommer, enregistrer et rouvrir.
        </p>
        <p>
          <strong>Citer.</strong> « Copier la citation » donne la référence telle qu’on l’écrit (« Article L611-3 du code de la sécurité
          sociale, dans sa rédaction issue de… ») ; « Copier le lien » rouvre la même version ; « Copier le texte » copie l’article.
        </p>
        <p>Tout fonctionne hors ligne : le corpus est sur cet ordinateur, aucune donnée ne quitte la machine.</p>
      </section>
    </dialog>
  );
}

/**
 * What a change set changed, in a phrase: « 2 créés, 14 modifiés, 0 abrogé », or — for the
 * consolidated versions in which the source changed no article (lexlib has empty commits, e.g. the
 * Code de la sécurité sociale on 25 September 2004) — words that say so, never « 0 créé, 0 modifié,
 * 0 abrogé » with nothing else.
 */
import type { ChangeSet } from '../../../corpus/model/model.ts';
import { count } from './french-counts.ts';

type Counted = Pick<ChangeSet, 'created' | 'modified' | 'repealed' | 'amendingTexts'> & { unplaced?: readonly string[] };

function changedNothing(set: Counted): boolean {
  return set.created.length + set.modified.length + set.repealed.length === 0;
}

function unplacedNote(set: Counted): string {
  const unplaced = set.unplaced?.length ?? 0;
  return unplaced > 0
    ? ` (${count(unplaced, 'article nommé', 'articles nommés')} par la source, absent${unplaced > 1 ? 's' : ''} du corpus)`
    : '';
}

/** The line of the list of dates. */
export function changeSetCounts(set: Counted): string {
  if (changedNothing(set)) return `aucun article créé, modifié ou abrogé${unplacedNote(set)}`;
  return `${count(set.created.length, 'créé')}, ${count(set.modified.length, 'modifié')}, ${count(set.repealed.length, 'abrogé')}`;
}

/** The sentence at the head of a change set's page. */
export function changeSetSentence(set: Counted): string {
  if (!changedNothing(set)) {
    const total = set.created.length + set.modified.length + set.repealed.length;
    return `${count(total, 'article')} : ${changeSetCounts(set)}.`;
  }
  const why =
    set.amendingTexts.length > 0
      ? 'la source nomme les textes ci-dessous, mais ne change le texte d’aucun article à cette date'
      : 'la source date une version consolidée à ce jour sans changer le texte d’aucun article ni nommer de texte';
  return `Version consolidée sans aucun article créé, modifié ou abrogé${unplacedNote(set)} : ${why}.`;
}

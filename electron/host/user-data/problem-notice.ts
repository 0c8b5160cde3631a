/**
 * A damaged user-data file told to the user in the interface's own words (« parcours », « session »),
 * once, as a notice shown at launch: what was unreadable, what was kept, and where the copy is.
 */
import path from 'node:path';
import type { StoreProblem } from './record-store.ts';

export type StoreKind = 'trails' | 'session' | 'annotations';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** What the store holds after the damage. */
function kept(n: number): string {
  return n === 0
    ? 'aucun parcours n’est enregistré par ailleurs'
    : n === 1
      ? 'votre parcours enregistré est là'
      : `vos ${n} parcours enregistrés sont là`;
}

function others(n: number): string {
  return n === 0 ? 'il n’y en avait pas d’autre' : n === 1 ? 'l’autre est là' : `les ${n} autres sont là`;
}

function whereKept(problem: StoreProblem): string {
  return problem.keptAs !== undefined
    ? `Une copie intacte du fichier a été gardée sous « ${path.basename(problem.keptAs)} », dans le dossier de données.`
    : 'Le fichier n’a pas pu être copié à côté (dossier en lecture seule ou disque plein) ; il n’a pas été modifié.';
}

/** The same, for the annotations (their own words: « annotation », feminine). */
function describeAnnotationsProblem(problem: StoreProblem): string {
  const n = problem.skipped;
  const left =
    problem.kept === 0
      ? 'aucune autre annotation n’est enregistrée'
      : problem.kept === 1
        ? 'votre autre annotation est là'
        : `vos ${problem.kept.toLocaleString('fr-FR')} autres annotations sont là`;
  if (problem.whole)
    return `Le fichier de vos annotations était illisible : aucune annotation n’a pu en être lue${problem.kept > 0 ? ` (${plural(problem.kept, 'annotation vient', 'annotations viennent')} des modifications enregistrées depuis)` : ''}. ${whereKept(problem)} Les nouvelles annotations s’enregistrent normalement ; vous pouvez aussi réimporter un export.`;
  if (problem.file.endsWith('.journal'))
    return `${n > 1 ? `${n} modifications de vos annotations étaient illisibles et n’ont pas pu être appliquées` : 'Une modification de vos annotations était illisible et n’a pas pu être appliquée'} ; ${left}. ${whereKept(problem)}`;
  return `${n > 1 ? `${n} annotations étaient illisibles et ont été écartées` : 'Une annotation était illisible et a été écartée'} ; ${left}. ${whereKept(problem)}`;
}

export function describeProblem(problem: StoreProblem, kind: StoreKind): { message: string; keptAs?: string } {
  const journal = problem.file.endsWith('.journal');
  let message: string;
  if (kind === 'annotations') {
    message = describeAnnotationsProblem(problem);
  } else if (kind === 'session') {
    message = `Le fichier de votre dernière session était illisible ; Palimpseste repart de la page d’accueil. ${whereKept(problem)}`;
  } else if (problem.whole) {
    message = `Le fichier de vos parcours enregistrés était illisible : aucun parcours n’a pu en être lu${problem.kept > 0 ? ` (${plural(problem.kept, 'parcours vient', 'parcours viennent')} des modifications enregistrées depuis)` : ''}. ${whereKept(problem)} Les nouveaux parcours s’enregistrent normalement.`;
  } else if (journal) {
    const n = problem.skipped;
    message = `${n > 1 ? `${n} modifications de vos parcours étaient illisibles et n’ont pas pu être appliquées` : 'Une modification de vos parcours était illisible et n’a pas pu être appliquée'} ; ${kept(problem.kept)}. ${whereKept(problem)}`;
  } else {
    const n = problem.skipped;
    message = `${n > 1 ? `${n} parcours enregistrés étaient illisibles et ont été écartés` : 'Un parcours enregistré était illisible et a été écarté'} ; ${others(problem.kept)}. ${whereKept(problem)}`;
  }
  return problem.keptAs !== undefined ? { message, keptAs: problem.keptAs } : { message };
}

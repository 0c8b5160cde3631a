/**
 * A damaged user-data file told to the user in the interface's own words (« parcours », « session »),
 * once, as a notice shown at launch: what was unreadable, what was kept, and where the copy is.
 */
import path from 'node:path';
import type { StoreProblem } from './record-store.ts';

export type StoreKind = 'trails' | 'session';

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

export function describeProblem(problem: StoreProblem, kind: StoreKind): { message: string; keptAs?: string } {
  const journal = problem.file.endsWith('.journal');
  let message: string;
  if (kind === 'session') {
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

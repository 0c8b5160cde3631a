/**
 * Titles of the divisions of a code's plan, from every table of contents the sources give (the one
 * chosen for the code, and the others: LexHub's folders, an older whole-code file), so that a
 * division the chosen tree lacks gets its real title when any source has it, and « titre inconnu »
 * only when none does.
 *
 * A division is known by its part and its chain of plan steps (`Partie législative` › Livre VI ›
 * Titre I › Chapitre V); sections that are no plan division (Section 2, Sous-section 1) are skipped.
 */
import { foldAccents } from '../../model/ids.ts';
import type { Section } from '../../model/model.ts';
import { type PlanStep, sectionStep } from './plan-position.ts';

/** A part title for comparison: `Partie réglementaire - Décrets en Conseil d'Etat` and LexHub's `Partie reglementaire decrets en conseil detat` agree. */
export function partKey(title: string): string {
  return foldAccents(title)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Key of a division: its part and its steps. */
export function divisionKey(part: string, steps: readonly PlanStep[]): string {
  return `${partKey(part)}|${steps.map((s) => `${s.level[0]}${s.ordinal}${s.variant ?? ''}`).join('.')}`;
}

/** Division key → title, from the trees given (first tree first). */
export function divisionTitles(tocs: readonly (readonly Section[])[]): Map<string, string> {
  const titles = new Map<string, string>();
  const visit = (sections: readonly Section[], part: string, steps: readonly PlanStep[]) => {
    for (const section of sections) {
      const step = sectionStep(section.title);
      const own = step ? [...steps, step] : steps;
      if (step) {
        const key = divisionKey(part, own);
        if (!titles.has(key)) titles.set(key, section.title);
      }
      visit(section.children, part, own);
    }
  };
  for (const toc of tocs) for (const root of toc) visit(root.children, root.title, []);
  return titles;
}

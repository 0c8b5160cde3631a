/**
 * The code and part filters of a search, the same in the search box's panel and on the results
 * page: « Tous les codes » then the corpus's codes, « Toutes les parties » then the parts in the
 * order of a code. The labels are visible on the results page and visually hidden in the narrow
 * panel of the search box (the screen reader reads them in both).
 */
import type { ArticlePart } from '../../../corpus/search/search-types.ts';
import { useReader } from '../reader/reader-context.ts';

/** How a part is named in filters and facets. */
export const PART_NAMES: Record<ArticlePart, string> = {
  L: 'Partie législative',
  R: 'Réglementaire (R)',
  D: 'Réglementaire (D)',
  A: 'Arrêtés (A)',
  other: 'Annexes et autres',
};
/** The parts in the order of a code. */
export const PART_ORDER: readonly ArticlePart[] = ['L', 'R', 'D', 'A', 'other'];

export function CodePartFilters({
  code,
  part,
  onChange,
  hiddenLabels = false,
}: {
  code: string | undefined;
  part: ArticlePart | undefined;
  /** The filter changed: the new code and part (undefined: all). */
  onChange: (change: { code?: string | undefined; part?: ArticlePart | undefined }) => void;
  hiddenLabels?: boolean;
}) {
  const reader = useReader();
  const codes = reader.corpus?.manifest.codes ?? [];
  const label = (text: string) => (hiddenLabels ? <span className="visually-hidden">{text}</span> : <>{text} </>);
  return (
    <>
      <label>
        {label('Code')}
        <select value={code ?? ''} onChange={(event) => onChange({ code: event.target.value || undefined })}>
          <option value="">Tous les codes</option>
          {codes.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {label('Partie')}
        <select value={part ?? ''} onChange={(event) => onChange({ part: (event.target.value || undefined) as ArticlePart | undefined })}>
          <option value="">Toutes les parties</option>
          {PART_ORDER.map((value) => (
            <option key={value} value={value}>
              {PART_NAMES[value]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

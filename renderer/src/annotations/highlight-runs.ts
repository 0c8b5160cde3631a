/**
 * A paragraph cut into runs for display: each run is characters of the paragraph with the reference
 * link it is in (if any) and the highlights that cover it. References and highlights may overlap in
 * any way (a passage across a link, two passages over the same words); the text is never lost or
 * duplicated: the runs, joined, are the paragraph.
 *
 * Pure (no DOM): the article view, the comparison and the print view render these runs.
 */
import type { Reference } from '../../../corpus/model/model.ts';
import type { AnchorStatus } from '../../../corpus/annotations/anchor.ts';
import type { RoleId } from '../../../corpus/annotations/roles.ts';

/** One highlight's piece in this paragraph (offsets in the paragraph's text). */
export interface HighlightPiece {
  annotationId: string;
  start: number;
  end: number;
  role: RoleId;
  status: AnchorStatus;
  /** The annotation's number on the page (« 3 »), shown after its last piece. */
  number: number;
  /** This piece is the last of its annotation: its number goes after it. */
  last: boolean;
}

export interface Run {
  text: string;
  start: number;
  end: number;
  reference?: Reference;
  /** The highlights over this run, the earliest-starting first. */
  marks: HighlightPiece[];
  /** Highlights whose last piece ends here: their numbers follow the run. */
  endsHere: HighlightPiece[];
}

export function paragraphRuns(text: string, references: readonly Reference[], pieces: readonly HighlightPiece[]): Run[] {
  // The references as `segmentParagraph` keeps them: in range, not overlapping an earlier one.
  const refs: Reference[] = [];
  let cursor = 0;
  for (const ref of [...references]
    .filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end)
    .sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (ref.start < cursor) continue;
    refs.push(ref);
    cursor = ref.end;
  }
  const marks = pieces
    .map((p) => ({ ...p, start: Math.max(0, p.start), end: Math.min(text.length, p.end) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.number - b.number);
  const cuts = new Set<number>([0, text.length]);
  for (const r of refs) cuts.add(r.start).add(r.end);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  let refIndex = 0;
  // A sweep over the cut points: the highlights open at a point are `active` (10,000 highlights on
  // one article stay linear, not runs × highlights).
  let next = 0;
  let active: HighlightPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (refIndex < refs.length && refs[refIndex]!.end <= start) refIndex++;
    const ref = refs[refIndex];
    active = active.filter((m) => m.end > start);
    while (next < marks.length && marks[next]!.start <= start) {
      if (marks[next]!.end > start) active.push(marks[next]!);
      next++;
    }
    const run: Run = {
      text: text.slice(start, end),
      start,
      end,
      marks: [...active],
      endsHere: active.filter((m) => m.last && m.end === end),
    };
    if (ref && ref.start <= start && ref.end >= end) run.reference = ref;
    runs.push(run);
  }
  if (runs.length === 0) runs.push({ text: '', start: 0, end: 0, marks: [], endsHere: [] });
  return runs;
}

/** Consecutive runs in the same reference (or in none), so that one link wraps all its runs. */
export function groupByReference(runs: readonly Run[]): { reference?: Reference; runs: Run[] }[] {
  const groups: { reference?: Reference; runs: Run[] }[] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last && last.reference === run.reference) last.runs.push(run);
    else groups.push({ ...(run.reference ? { reference: run.reference } : {}), runs: [run] });
  }
  return groups;
}

/**
 * The comparison of two versions of an article, in the shape the versions UI renders:
 * - `rows`: the side-by-side view, paragraphs aligned, each side as segments (a missing side is a gap);
 * - `redline`: the one-column view, deletions and insertions inline;
 * - `changes`: the stops of the next/previous navigator, in reading order; every changed segment and
 *   every changed row carries the index of its stop, so the UI can find and count them.
 *
 * Granularity `word` shows what changed inside a modified paragraph; `paragraph` shows a modified
 * paragraph as the whole old paragraph deleted and the whole new one inserted.
 *
 * A stop is one run of deleted and/or inserted words inside a modified paragraph, or one run of
 * consecutive inserted/removed paragraphs (in `paragraph` granularity, one run of consecutive rows
 * that are not equal).
 *
 * Pure: no platform imports.
 */
import type { Version } from '../model/model.ts';
import { alignParagraphs, type AlignOptions, type Row, type RowKind } from './align-paragraphs.ts';

export type Granularity = 'word' | 'paragraph';

/** The part of a version the comparison reads. */
export type VersionText = Pick<Version, 'paragraphs'>;

export type SegmentKind = 'equal' | 'deleted' | 'inserted';

export interface Segment {
  kind: SegmentKind;
  text: string;
  /** Index in `Comparison.changes` of the stop this deleted or inserted segment belongs to. */
  change?: number;
}

/** One row of the side-by-side view. */
export interface ComparisonRow {
  kind: RowKind;
  oldIndex?: number;
  newIndex?: number;
  /** Left column (old version); absent for an inserted paragraph: a gap. */
  old?: Segment[];
  /** Right column (new version); absent for a removed paragraph: a gap. */
  new?: Segment[];
  /** For modified rows: how similar the two paragraphs are, 0 to 1. */
  similarity?: number;
  /** Stops this row holds, in order (empty for an equal row). */
  changes: number[];
}

/** One paragraph of the redline. A modified paragraph in `paragraph` granularity gives two blocks. */
export interface RedlineBlock {
  /** Row of `Comparison.rows` this block shows. */
  row: number;
  /** `removed` / `inserted` for a whole paragraph deleted / inserted, `modified` for inline changes. */
  kind: RowKind;
  segments: Segment[];
}

/** One stop of the next/previous navigator. */
export interface ChangeStop {
  index: number;
  /** Rows [row, rowEnd) it spans in the side-by-side view. */
  row: number;
  rowEnd: number;
  /** First redline block it appears in. */
  redlineBlock: number;
  kind: 'words' | 'paragraphs';
}

export interface ComparisonSummary {
  /** Paragraph rows of each kind. */
  equal: number;
  modified: number;
  inserted: number;
  removed: number;
  /** Words (non-space tokens) deleted and inserted, in `word` granularity inside modified paragraphs plus whole paragraphs. */
  deletedWords: number;
  insertedWords: number;
}

export interface Comparison {
  granularity: Granularity;
  rows: ComparisonRow[];
  redline: RedlineBlock[];
  changes: ChangeStop[];
  /** `changes.length`: the count of changes the UI shows. */
  changeCount: number;
  summary: ComparisonSummary;
}

/** Compares two versions of an article (see the module comment). */
export function compareVersions(
  oldVersion: VersionText,
  newVersion: VersionText,
  granularity: Granularity,
  options: AlignOptions = {},
): Comparison {
  const aligned = alignParagraphs(oldVersion.paragraphs, newVersion.paragraphs, options);
  return buildComparison(aligned, oldVersion.paragraphs, newVersion.paragraphs, granularity);
}

/** Builds the comparison from aligned rows (exported for callers that align once and render both granularities). */
export function buildComparison(
  aligned: readonly Row[],
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
  granularity: Granularity,
): Comparison {
  const rows: ComparisonRow[] = [];
  const redline: RedlineBlock[] = [];
  const changes: ChangeStop[] = [];
  const summary: ComparisonSummary = { equal: 0, modified: 0, inserted: 0, removed: 0, deletedWords: 0, insertedWords: 0 };
  // The stop that the current run of whole-paragraph changes belongs to, if the previous row continues it.
  let openStop: ChangeStop | undefined;

  const newStop = (rowIndex: number, kind: ChangeStop['kind']): ChangeStop => {
    const stop: ChangeStop = { index: changes.length, row: rowIndex, rowEnd: rowIndex + 1, redlineBlock: redline.length, kind };
    changes.push(stop);
    return stop;
  };
  const wholeParagraphStop = (rowIndex: number): number => {
    if (openStop) openStop.rowEnd = rowIndex + 1;
    else openStop = newStop(rowIndex, 'paragraphs');
    return openStop.index;
  };

  aligned.forEach((row, rowIndex) => {
    summary[row.kind]++;
    const oldText = row.oldIndex === undefined ? undefined : oldParagraphs[row.oldIndex]!;
    const newText = row.newIndex === undefined ? undefined : newParagraphs[row.newIndex]!;
    const out: ComparisonRow = { kind: row.kind, changes: [] };
    if (row.oldIndex !== undefined) out.oldIndex = row.oldIndex;
    if (row.newIndex !== undefined) out.newIndex = row.newIndex;
    if (row.similarity !== undefined) out.similarity = row.similarity;

    if (row.kind === 'equal') {
      openStop = undefined;
      out.old = [{ kind: 'equal', text: oldText! }];
      out.new = [{ kind: 'equal', text: newText! }];
      redline.push({ row: rowIndex, kind: 'equal', segments: [{ kind: 'equal', text: newText! }] });
    } else if (row.kind === 'modified' && granularity === 'word') {
      openStop = undefined;
      out.old = [];
      out.new = [];
      const inline: Segment[] = [];
      let stop: ChangeStop | undefined;
      for (const change of row.changes ?? []) {
        if (change.op === 'equal') {
          stop = undefined;
          out.old.push({ kind: 'equal', text: change.oldText ?? change.text });
          out.new.push({ kind: 'equal', text: change.text });
          inline.push({ kind: 'equal', text: change.text });
          continue;
        }
        if (!stop) {
          stop = newStop(rowIndex, 'words');
          out.changes.push(stop.index);
        }
        const segment: Segment = { kind: change.op === 'delete' ? 'deleted' : 'inserted', text: change.text, change: stop.index };
        (change.op === 'delete' ? out.old : out.new).push(segment);
        inline.push({ ...segment });
        if (change.op === 'delete') summary.deletedWords += countWords(change.text);
        else summary.insertedWords += countWords(change.text);
      }
      redline.push({ row: rowIndex, kind: 'modified', segments: inline });
    } else {
      // Whole-paragraph changes: removed, inserted, or modified shown in `paragraph` granularity.
      const index = wholeParagraphStop(rowIndex);
      out.changes.push(index);
      if (oldText !== undefined) {
        out.old = [{ kind: 'deleted', text: oldText, change: index }];
        redline.push({ row: rowIndex, kind: 'removed', segments: [{ kind: 'deleted', text: oldText, change: index }] });
        summary.deletedWords += countWords(oldText);
      }
      if (newText !== undefined) {
        out.new = [{ kind: 'inserted', text: newText, change: index }];
        redline.push({ row: rowIndex, kind: 'inserted', segments: [{ kind: 'inserted', text: newText, change: index }] });
        summary.insertedWords += countWords(newText);
      }
    }
    rows.push(out);
  });
  return { granularity, rows, redline, changes, changeCount: changes.length, summary };
}

/** Words as the reader counts them: runs of letters or digits (« l'article » is one, « L. 612-9 » two). */
function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

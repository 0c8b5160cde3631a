/**
 * The diff engine of Palimpseste: word diff of legal French, paragraph alignment, and the comparison
 * of two versions (side by side, redline, navigator) that the versions UI renders.
 *
 * Pure: no platform imports.
 */
export { tokenizeLegalFrench, tokenKey, type Token, type TokenKind } from './tokenize.ts';
export { diffSequences, type Edit, type EditOp, type SequenceDiff, type SequenceDiffOptions } from './sequence-diff.ts';
export {
  diffWords,
  diffWordsDetailed,
  countChanges,
  type Change,
  type ChangeOp,
  type WordDiff,
  type WordDiffOptions,
} from './word-diff.ts';
export { applyChanges, revertChanges, PatchMismatchError } from './patch.ts';
export { alignParagraphs, type AlignOptions, type Row, type RowKind } from './align-paragraphs.ts';
export {
  compareVersions,
  buildComparison,
  type ChangeStop,
  type Comparison,
  type ComparisonRow,
  type ComparisonSummary,
  type Granularity,
  type RedlineBlock,
  type Segment,
  type SegmentKind,
  type VersionText,
} from './compare-versions.ts';

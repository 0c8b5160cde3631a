/**
 * Applying a word diff: the old text plus its changes gives the new text, and the other way round.
 * Each run is checked against the text it is applied to, so a diff that does not belong to the text
 * is reported instead of producing a wrong text (the property tests rely on that).
 *
 * Pure: no platform imports.
 */
import type { Change } from './word-diff.ts';

export class PatchMismatchError extends Error {}

/** The new text, from the old one and the changes computed between them. */
export function applyChanges(oldText: string, changes: readonly Change[]): string {
  let cursor = 0;
  let out = '';
  for (const change of changes) {
    if (change.op === 'insert') {
      out += change.text;
      continue;
    }
    const expected = change.op === 'equal' ? (change.oldText ?? change.text) : change.text;
    cursor = consume(oldText, cursor, expected, change.op);
    if (change.op === 'equal') out += change.text;
  }
  if (cursor !== oldText.length) throw new PatchMismatchError(`old text has ${oldText.length - cursor} characters left after the diff`);
  return out;
}

/** The old text, from the new one and the changes computed between them. */
export function revertChanges(newText: string, changes: readonly Change[]): string {
  let cursor = 0;
  let out = '';
  for (const change of changes) {
    if (change.op === 'delete') {
      out += change.text;
      continue;
    }
    cursor = consume(newText, cursor, change.text, change.op);
    if (change.op === 'equal') out += change.oldText ?? change.text;
  }
  if (cursor !== newText.length) throw new PatchMismatchError(`new text has ${newText.length - cursor} characters left after the diff`);
  return out;
}

function consume(text: string, cursor: number, expected: string, op: string): number {
  if (!text.startsWith(expected, cursor)) {
    throw new PatchMismatchError(`${op} run ${JSON.stringify(expected.slice(0, 40))} does not match the text at offset ${cursor}`);
  }
  return cursor + expected.length;
}

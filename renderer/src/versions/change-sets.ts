/**
 * A code's change sets (one per consolidated version), fetched once per library and kept: the
 * change-date list and every change-set page read the same array.
 */
import type { ChangeSet, CodeId } from '../../../corpus/model/model.ts';
import { unwrap } from '../api/client.ts';
import type { Library } from '../data/library.ts';

const loaded = new WeakMap<Library, Map<CodeId, Promise<ChangeSet[]>>>();

export function changeSetsOf(library: Library, code: CodeId): Promise<ChangeSet[]> {
  let byCode = loaded.get(library);
  if (!byCode) loaded.set(library, (byCode = new Map()));
  let sets = byCode.get(code);
  if (!sets) {
    sets = library.api.getChangeSets(code).then(unwrap);
    byCode.set(code, sets);
    const forget = byCode;
    sets.catch(() => forget.delete(code));
  }
  return sets;
}

/** « Modifications du 28 janvier 2006 » is about the day a consolidated version came in force. */
export function changeSetOn(sets: readonly ChangeSet[], day: string): { set?: ChangeSet; previous?: ChangeSet; next?: ChangeSet } {
  const index = sets.findIndex((s) => s.date === day);
  if (index < 0) return {};
  const previous = sets[index - 1];
  const next = sets[index + 1];
  return { set: sets[index]!, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/**
 * Which version of an article an annotation was made on, in the corpus as it is now.
 *
 * By the LEGI id of the version when both sides know it (it survives a change of dates), else by
 * its validFrom, else the version in force on that date (`corpus/model/timeline.ts`): a corpus
 * update may have merged versions whose texts turned out equal, or a better source may have moved a
 * date. A version whose end the sources state without a date counts as running on here: the
 * annotation was made on its text, so on that date it was there to read.
 *
 * Pure: no platform imports.
 */
import { FAR_FUTURE, versionIndexOn } from '../model/timeline.ts';
import type { Version } from '../model/model.ts';
import type { AnnotatedVersion } from './annotation.ts';

/** Index of the version in `versions` (chronological), or -1 when none matches. */
export function sourceVersionIndex(versions: readonly Version[], made: AnnotatedVersion): number {
  if (made.legiVersionId) {
    const byId = versions.findIndex((version) => version.legiVersionId === made.legiVersionId);
    if (byId >= 0) return byId;
  }
  const byDate = versions.findIndex((version) => version.validFrom === made.validFrom);
  if (byDate >= 0) return byDate;
  return versionIndexOn(versions, made.validFrom, FAR_FUTURE);
}

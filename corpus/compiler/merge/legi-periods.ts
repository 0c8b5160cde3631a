/**
 * DILA's dates decide when an article was in force. legi-data lists, for every article of its codes,
 * every LEGI version with its dates; the other sources' dates are inferred from git histories
 * (lexlib's consolidated versions, LexHub's commits), which move files between folders, keep stale
 * files and miss versions. So once a timeline is built from the texts, the periods in force are
 * made DILA's: the union of the ranges of its versions (a version « mort-née » never applied and
 * is not among them — the importer leaves it out). The texts, their starts inside those periods and
 * their sources stay as the sources give them.
 *
 * - A version whose stretch (its start to the next version's start) runs past the end of a DILA
 *   period ends there, with DILA's state (repealed, transferred…): the gap is kept (L3121-12 of the
 *   Code du travail: out from 2008-08-22 to 2016-08-10).
 * - A version the sources end (a file removed, an « Abrogé par ») while DILA has the article in
 *   force runs on (L114-11 of the sécurité sociale: a LexHub move on 2018-12-23 is no repeal).
 * - A version starting while DILA has the article out starts with DILA's next period inside its
 *   stretch; a stretch with no DILA period at all never applied and is left out.
 * - A DILA period starting inside a version's stretch after a gap brings the same text back: a copy
 *   of the version starts there.
 */
import type { IsoDate, Version, VersionStatus } from '../../model/model.ts';
import { endOfStatus, versionStatus, type DateRange, type VersionEnd } from '../../model/timeline.ts';
import type { ImportedVersion } from '../sources/source-import.ts';

interface DilaPeriod extends DateRange {
  /** DILA's state of the version that ends the period (absent when the period runs on). */
  endStatus?: VersionStatus;
}

/** The periods in force per DILA: the union of the versions' ranges, each with the state that ends it. */
export function dilaPeriods(versions: readonly Pick<ImportedVersion, 'validFrom' | 'validTo' | 'status'>[]): DilaPeriod[] {
  const sorted = versions
    .filter((v) => v.validTo === undefined || v.validFrom < v.validTo)
    .slice()
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const periods: DilaPeriod[] = [];
  for (const v of sorted) {
    const last = periods.at(-1);
    if (last && (last.to === undefined || v.validFrom <= last.to)) {
      if (last.to !== undefined && (v.validTo === undefined || v.validTo >= last.to)) {
        if (v.validTo === undefined) {
          delete last.to;
          delete last.endStatus;
        } else {
          last.to = v.validTo;
          last.endStatus = v.status ?? 'ABROGE';
        }
      }
      continue;
    }
    periods.push({
      from: v.validFrom,
      ...(v.validTo !== undefined ? { to: v.validTo, endStatus: v.status ?? 'ABROGE' } : {}),
    });
  }
  return periods;
}

/** Which parts of [from, to) the periods cover (`to` undefined: open). */
function piecesWithin(from: IsoDate, to: IsoDate | undefined, periods: readonly DilaPeriod[]): DilaPeriod[] {
  const pieces: DilaPeriod[] = [];
  for (const p of periods) {
    if (to !== undefined && p.from >= to) break;
    if (p.to !== undefined && p.to <= from) continue;
    const start = p.from > from ? p.from : from;
    // The piece ends where the period ends, unless the next version starts first.
    if (p.to === undefined || (to !== undefined && to <= p.to)) pieces.push({ from: start, ...(to !== undefined ? { to } : {}) });
    else pieces.push({ from: start, to: p.to, ...(p.endStatus ? { endStatus: p.endStatus } : {}) });
  }
  return pieces;
}

export interface LegiPeriodsResult {
  versions: Version[];
  /** Versions with a text whose whole stretch DILA has out of force: left out. */
  dropped: Version[];
}

/**
 * The timeline's versions (chronological, closed) with their ends made DILA's (see above). `dila`
 * are the versions the dated source gives for this article; `dataDate` tells in force later.
 */
export function applyLegiPeriods(
  timeline: readonly Version[],
  dila: readonly { version: Pick<ImportedVersion, 'validFrom' | 'validTo' | 'status' | 'legiVersionId'> }[],
  dataDate: IsoDate,
): LegiPeriodsResult {
  const periods = dilaPeriods(dila.map((c) => c.version));
  if (periods.length === 0) return { versions: [...timeline], dropped: [] };
  const legiIdByStart = new Map(
    dila.flatMap((c) => (c.version.legiVersionId ? [[c.version.validFrom, c.version.legiVersionId] as const] : [])),
  );
  const versions: Version[] = [];
  const dropped: Version[] = [];
  timeline.forEach((version, i) => {
    const next = timeline[i + 1]?.validFrom;
    // Replaced by the next version: repealed and re-created that very day (LEGI's « ABROGE » ending
    // where the next version starts) stays so; any other end there is a modification.
    const endAtNext: VersionEnd = version.validTo === next && version.status === 'ABROGE' ? 'repealed' : 'replaced';
    const pieces = piecesWithin(version.validFrom, next, periods);
    if (pieces.length === 0) {
      dropped.push(version);
      return;
    }
    pieces.forEach((piece, k) => {
      const v: Version = k === 0 ? version : { ...version, links: [...version.links], references: [], sources: [...version.sources] };
      if (k > 0) {
        delete v.linkOnlyChanges;
        const legiVersionId = legiIdByStart.get(piece.from);
        if (legiVersionId) v.legiVersionId = legiVersionId;
        else delete v.legiVersionId;
      }
      v.validFrom = piece.from;
      delete v.endInferred;
      let end: VersionEnd | undefined;
      if (piece.to === undefined) delete v.validTo;
      else {
        v.validTo = piece.to;
        // An end DILA dates after the data date (ABROGE_DIFF) is a repeal already scheduled: the
        // status says how it ends (`versionStatus`), the date that it is in force until then.
        end = piece.to === next ? endAtNext : (endOfStatus(piece.endStatus) ?? 'repealed');
      }
      v.status = versionStatus({ validFrom: v.validFrom, ...(end ? { end } : {}) }, dataDate);
      if (v.linkOnlyChanges) {
        const inside = v.linkOnlyChanges.filter((d) => d > v.validFrom && (v.validTo === undefined || d < v.validTo));
        if (inside.length > 0) v.linkOnlyChanges = inside;
        else delete v.linkOnlyChanges;
      }
      versions.push(v);
    });
  });
  return { versions, dropped };
}

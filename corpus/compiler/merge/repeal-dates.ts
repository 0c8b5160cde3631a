/**
 * Dates for the repeals the sources state without dating them. lexlib keeps the files of thousands
 * of repealed articles with an « Abrogé par » entry and no end — the whole former Code du travail
 * (L122-14-3: « Abrogé par : Ordonnance n°2007-329 du 12 mars 2007 - art. 12 (VD) … », replaced on
 * 2008-05-01 by L1232-1, L1233-2, L1235-1, L1235-9), 606 articles of the sécurité sociale. Left
 * undated, such an article reads as in force up to the data date: repealed law shown as in force.
 *
 * The order of trust, decided on the articles whose repeal date the sources do give (lexlib's file
 * removed: 978 articles of the Code du travail, 2,736 of the sécurité sociale, 387 of the mutualité,
 * each method tried alone against that date; `npm run test:unit -- repeal-dates` prints the figures):
 * 1. `message` — a consolidated version's commit message lists the article under « Articles
 *    abrogés » (its file stays: a stale file): the consolidated version states it.
 * 2. `repeal-entry` — the « Abrogé par » entry writes its date of effect (« … en vigueur le 1er
 *    janvier 2003 »): right for 95 % (travail) to 99.6 % (sécurité sociale).
 * 3. `repealing-text` — exactly one consolidated version of the code after the version's start brought
 *    the repealing text into force: right for 99 to 100 %. When several did, the one on the date the
 *    new texts started or the NOTA gives, if one is.
 * 4. `new-texts` — the date the « Nouveaux textes » that replace it came into force (the earliest
 *    after the version's start): 83 to 91 %. The whole former Code du travail: 2008-05-01.
 * 5. `nota` — the date of entry into force its NOTA gives: 45 to 86 %.
 * 6. `repealing-text-first` — the first of several consolidated versions that brought the repealing
 *    text: 56 to 79 %.
 * 7. `publication` — the day after the repealing text's publication in the Journal officiel (the
 *    default rule, code civil art. 1): rarely the exact day, most often within weeks.
 * 8. `signature` — the repealing text's own date: the earliest the repeal can be.
 * 9. `former-code` — no repeal entry at all, but the source moved the article into the code's former
 *    part: the day it did (the former Code du travail: 2008-05-01, when the new code came into force).
 *    Last, because a repeal entry naming a later text proves the article outlived that day.
 *    An article whose file sits in the former part from the start (lexlib files the former Code du
 *    travail under « … ancienne » folders since 1973) and that no source dates — 510 of them, no
 *    « Abrogé par », no NOTA: L51-10-3, R51-11-2 — ends with the former code as a whole: on the day
 *    most of the former part's dated repeals fall (2008-05-01), if its last version started before.
 *    A version that started later (a source amended it after that day) proves it outlived the code
 *    and stays in force; so do the articles DILA dates (legi-data: L143-11-4 in force since 2011).
 * Any date not after the version's start is no evidence. Articles whose dates DILA gives (legi-data)
 * are not touched: their periods come from DILA (`legi-periods.ts`).
 */
import type { Article, ArticleId, ChangeSet, InferredEnd, InferredEndBasis, IsoDate, Version } from '../../model/model.ts';
import { endOfStatus, isEndedStatus, versionStatus } from '../../model/timeline.ts';
import { parseFrenchDate } from '../sources/common/dates.ts';
import { dayAfterPublication, entryDateOfEffect, notaDateOfEffect, repealEntries, textIdentity } from './repeal-evidence.ts';

/** What the rest of the code says that an article's repeal can be dated by. */
export interface RepealContext {
  /** The date the article's source moved it into the code's former part, when it did. */
  formerPartSince?(id: ArticleId): IsoDate | undefined;
  /** The code's consolidated versions, ascending, with the identities of their amending texts and the articles they list as repealed. */
  consolidations: readonly { date: IsoDate; texts: ReadonlySet<string>; repealed: ReadonlySet<string> }[];
  /** The first start of the code's article bearing this number, when there is one. */
  firstStartOf(num: string): IsoDate | undefined;
}

export function repealContext(articles: readonly Article[], changeSets: readonly ChangeSet[]): RepealContext {
  const firstStart = new Map<string, IsoDate>();
  for (const article of articles) {
    for (const version of article.versions) {
      const num = version.num ?? article.num;
      const known = firstStart.get(num);
      if (known === undefined || version.validFrom < known) firstStart.set(num, version.validFrom);
    }
  }
  return {
    consolidations: changeSets.map((set) => ({
      date: set.date,
      texts: new Set(set.amendingTexts.flatMap((t) => textIdentity(t) ?? [])),
      repealed: new Set(set.repealed),
    })),
    firstStartOf: (num) => firstStart.get(num),
  };
}

export interface InferredRepeal {
  date: IsoDate;
  end: InferredEnd;
}

/**
 * The version the sources say was repealed without dating it: ended undated, in force with an
 * « Abrogé par » entry, or in force but moved into the code's former part after it started.
 */
export function needsRepealDate(version: Version, formerPartSince?: IsoDate): boolean {
  if (version.validTo !== undefined) return false;
  if (isEndedStatus(version.status)) return true;
  return repealEntries(version.links).length > 0 || (formerPartSince !== undefined && formerPartSince > version.validFrom);
}

/** The date of the repeal of an article's last version, by the order of trust above. */
export function inferRepealDate(article: Pick<Article, 'id'>, version: Version, context: RepealContext): InferredRepeal | undefined {
  const after = (date: IsoDate | undefined): date is IsoDate => date !== undefined && date > version.validFrom;
  const found = (date: IsoDate, basis: InferredEndBasis, evidence?: string): InferredRepeal => ({
    date,
    end: { basis, ...(evidence ? { evidence } : {}) },
  });
  const entries = repealEntries(version.links);
  const entryText = entries.map((e) => e.label).join(' ; ');

  const listed = context.consolidations.find((c) => after(c.date) && c.repealed.has(article.id));
  if (listed) return found(listed.date, 'message');

  for (const entry of entries) {
    const date = entryDateOfEffect(entry);
    if (after(date)) return found(date, 'repeal-entry', entry.label);
  }

  const newTexts = version.links.filter((l) => l.kind === 'newTexts' && l.articleNum);
  const newStarts = newTexts
    .map((l) => context.firstStartOf(l.articleNum!))
    .filter(after)
    .sort();
  const newTextsEvidence = newTexts.map((l) => l.articleNum!).join(', ');
  const nota = notaDateOfEffect(version.nota);

  const identities = new Set(entries.flatMap((e) => textIdentity(e.text) ?? []));
  const bringing = context.consolidations.filter((c) => after(c.date) && [...identities].some((id) => c.texts.has(id)));
  if (bringing.length === 1) return found(bringing[0]!.date, 'repealing-text', entryText);
  if (bringing.length > 1) {
    const confirmed = bringing.find((c) => c.date === newStarts[0] || c.date === nota);
    if (confirmed) return found(confirmed.date, 'repealing-text', entryText);
  }
  if (newStarts.length > 0) return found(newStarts[0]!, 'new-texts', newTextsEvidence);
  if (after(nota)) return found(nota, 'nota', version.nota?.join(' '));
  if (bringing.length > 1) return found(bringing[0]!.date, 'repealing-text-first', entryText);
  for (const entry of entries) {
    const date = dayAfterPublication(entry);
    if (after(date)) return found(date, 'publication', entry.label);
  }
  for (const entry of entries) {
    const date = parseFrenchDate(entry.text) ?? /\b(\d{4}-\d{2}-\d{2})\b/.exec(entry.text)?.[1];
    if (after(date)) return found(date, 'signature', entry.label);
  }
  const former = context.formerPartSince?.(article.id);
  if (after(former)) return found(former, 'former-code');
  return undefined;
}

/**
 * Dates every undated repeal of the codes' articles in place (the last version gets its end and
 * how it was found). Articles legi-data knows (`datedByDila`) are DILA's to date.
 * Returns how many repeals were dated and how many stay undated.
 */
export function dateUndatedRepeals(
  articles: ReadonlyMap<string, Article[]>,
  changeSets: ReadonlyMap<string, ChangeSet[]>,
  datedByDila: ReadonlySet<ArticleId>,
  dataDate: IsoDate,
  formerPartSince: ReadonlyMap<ArticleId, IsoDate> = new Map(),
  inFormerPart: ReadonlySet<ArticleId> = new Set(),
): { dated: number; undated: number } {
  let dated = 0;
  let undated = 0;
  for (const [code, list] of articles) {
    const context = { ...repealContext(list, changeSets.get(code) ?? []), formerPartSince: (id: ArticleId) => formerPartSince.get(id) };
    for (const article of list) {
      const last = article.versions.at(-1);
      if (!last || !needsRepealDate(last, formerPartSince.get(article.id))) continue;
      if (datedByDila.has(article.id)) continue;
      const inferred = inferRepealDate(article, last, context);
      if (!inferred) {
        undated++;
        continue;
      }
      last.validTo = inferred.date;
      last.endInferred = inferred.end;
      // A repeal dated after the data date is scheduled: ABROGE all the same (`versionStatus`).
      last.status = versionStatus({ validFrom: last.validFrom, end: endOfStatus(last.status) ?? 'repealed' }, dataDate);
      dated++;
    }
    dated += endFormerPart(
      list.filter((a) => inFormerPart.has(a.id) && !datedByDila.has(a.id)),
      context,
      dataDate,
    );
  }
  return { dated, undated };
}

function endWith(version: Version, inferred: InferredRepeal, dataDate: IsoDate): void {
  version.validTo = inferred.date;
  version.endInferred = inferred.end;
  // A repeal dated after the data date is scheduled: ABROGE all the same (`versionStatus`).
  version.status = versionStatus({ validFrom: version.validFrom, end: endOfStatus(version.status) ?? 'repealed' }, dataDate);
}

/**
 * The articles of a code's former part still open after the pass above (no source states their
 * repeal): the evidence of `inferRepealDate` if any (a NOTA, « Nouveaux textes »), else the day the
 * former part ended — the date most of its dated repeals share. Returns how many were dated.
 */
function endFormerPart(former: readonly Article[], context: RepealContext, dataDate: IsoDate): number {
  const ends = new Map<IsoDate, number>();
  for (const article of former) {
    const last = article.versions.at(-1)!;
    if (last.validTo !== undefined && isEndedStatus(last.status)) ends.set(last.validTo, (ends.get(last.validTo) ?? 0) + 1);
  }
  const [formerEnd, count] = [...ends].sort((a, b) => b[1] - a[1])[0] ?? [];
  let dated = 0;
  for (const article of former) {
    const last = article.versions.at(-1)!;
    if (last.validTo !== undefined) continue;
    const inferred =
      inferRepealDate(article, last, context) ??
      (formerEnd !== undefined && formerEnd > last.validFrom
        ? {
            date: formerEnd,
            end: { basis: 'former-code' as const, evidence: `${count} articles de l’ancienne partie du code abrogés ce jour` },
          }
        : undefined);
    if (!inferred) continue;
    endWith(last, inferred, dataDate);
    dated++;
  }
  return dated;
}

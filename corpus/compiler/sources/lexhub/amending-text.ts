/**
 * The amending text of a LexHub commit, from its message:
 *   `Modifications par Décret 85-1353 1985-12-17 & Loi n°95-116 du 4 février 1995`
 *   `Modifications par LOI n°2017-1836 du 30 décembre 2017  15 (V) & LOI n°2018-166 du 8 mars 2018  11 (V)`
 *   `Modifications par 85-1353 & LOI n°2017-1836 du 30 décembre 2017  15 ( & décembre 2005`
 * A message lists, for all the files of the commit together, LEGI's links of the versions: the
 * text that created the article (often the 1985 codification decree), the one that brought this
 * version, and sometimes the one that later replaced it; pieces are often cut (`décembre 2005`).
 *
 * Cleaning, kept honest: each piece is cut after its date (the article number and status that
 * follow are LEGI's link details, not part of the name); pieces naming no text (`JORF 19 janvier
 * 1994`, `décembre 2005`) are dropped; a bare number (`85-1353`) gets the full name the same
 * repository gives it elsewhere. The amending text of a version is the most recent text dated on
 * or before the commit date — a text signed later cannot have brought it — and the code's
 * codification texts (named in a large share of all commits) do not count once they are more than
 * a year old. When nothing is left, the amending text is unknown rather than guessed.
 */
import type { IsoDate } from '../../../model/model.ts';

export interface AmendingText {
  /** The piece as cleaned: `LOI n°2017-1836 du 30 décembre 2017`, `Décret 85-1353 1985-12-17`. */
  name: string;
  /** `2017-1836`, when the piece has a text number. */
  number?: string;
  /** Signature date, when the piece has one. */
  date?: IsoDate;
}

const MONTHS: Record<string, string> = {
  janvier: '01',
  fevrier: '02',
  février: '02',
  mars: '03',
  avril: '04',
  mai: '05',
  juin: '06',
  juillet: '07',
  aout: '08',
  août: '08',
  septembre: '09',
  octobre: '10',
  novembre: '11',
  decembre: '12',
  décembre: '12',
};
const FRENCH_DATE =
  /\b(\d{1,2})(?:er)?\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})\b/i;
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/;
const TEXT_NUMBER = /(?<![\d-])(\d{2,4}-\d{1,5}(?:-\d{1,3})?)(?![\d-])/;
const TEXT_TYPE =
  /^(?:loi|d[ée]cret|ordonnance|arr[êe]t[ée]|d[ée]cision|circulaire|d[ée]lib[ée]ration|convention|accord|avenant|r[èe]glement|directive|code)\b/i;
const GENERAL_SCOPE = /^Modifi[ée] par un texte d'une port[ée]e g[ée]n[ée]rale$/i;

interface DateMatch {
  date: IsoDate;
  end: number;
  index: number;
}

function findDate(piece: string): DateMatch | undefined {
  const found: DateMatch[] = [];
  const french = FRENCH_DATE.exec(piece);
  if (french) {
    const month = MONTHS[french[2]!.toLowerCase()];
    if (month)
      found.push({
        date: `${french[3]}-${month}-${french[1]!.padStart(2, '0')}`,
        index: french.index,
        end: french.index + french[0].length,
      });
  }
  const iso = ISO_DATE.exec(piece);
  if (iso) found.push({ date: `${iso[1]}-${iso[2]}-${iso[3]}`, index: iso.index, end: iso.index + iso[0].length });
  return found.sort((a, b) => a.index - b.index)[0];
}

/** One piece of a message, cleaned; undefined when it names no text. */
export function cleanPiece(raw: string): AmendingText | undefined {
  const piece = raw.replace(/\s+/g, ' ').trim();
  if (!piece) return undefined;
  if (GENERAL_SCOPE.test(piece)) return { name: piece };
  const date = findDate(piece);
  const name = (date ? piece.slice(0, date.end) : piece.replace(/(?:\s+\d+)?\s*\([A-Za-z]{0,3}\)?.*$/, '')).replace(/[\s,;:(]+$/, '');
  const numberMatch = TEXT_NUMBER.exec(date ? name.replace(ISO_DATE, ' ') : name);
  const number = numberMatch?.[1];
  const typed = TEXT_TYPE.test(name);
  // Kept: a typed text with a date or a number (`Arrêté du 30 décembre 2015`, `Décret 85-1353`),
  // or a text number on its own (`85-1353`, `2018-166 du 8 mars 2018`).
  if (!(typed && (date || number)) && !(number && /^(?:n°\s*)?\d/.test(name))) return undefined;
  return { name, ...(number ? { number } : {}), ...(date ? { date: date.date } : {}) };
}

/** The pieces of a commit message (first line; `Modifications par` and `&` separators). */
export function piecesOfMessage(message: string): AmendingText[] {
  const line = (message.split('\n')[0] ?? '').trim();
  const body = line.replace(/^Modifications par\s*/i, '');
  const pieces: AmendingText[] = [];
  for (const raw of body.split('&')) {
    const piece = cleanPiece(raw);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/**
 * What a whole repository says about its texts: the fullest name of each text number, and how many
 * commits name each number (the codification texts are named in a large share of them).
 */
export class AmendingTextCatalog {
  private readonly names = new Map<string, Map<string, number>>();
  private readonly commitsNaming = new Map<string, number>();
  private commits = 0;

  learn(pieces: readonly AmendingText[]): void {
    this.commits++;
    const numbers = new Set<string>();
    for (const piece of pieces) {
      if (!piece.number) continue;
      numbers.add(piece.number);
      if (!piece.date || !TEXT_TYPE.test(piece.name)) continue;
      let forms = this.names.get(piece.number);
      if (!forms) this.names.set(piece.number, (forms = new Map()));
      forms.set(piece.name, (forms.get(piece.name) ?? 0) + 1);
    }
    for (const number of numbers) this.commitsNaming.set(number, (this.commitsNaming.get(number) ?? 0) + 1);
  }

  /** A bare or untyped piece completed with the name the repository uses most for its number. */
  complete(piece: AmendingText): AmendingText {
    if (!piece.number || (piece.date && TEXT_TYPE.test(piece.name))) return piece;
    const forms = this.names.get(piece.number);
    if (!forms) return piece;
    const name = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const date = findDate(name)?.date;
    return { name, number: piece.number, ...(date ? { date } : {}) };
  }

  /** Named in at least 5 % of the commits: a codification text, not an amending one. */
  isUbiquitous(number: string | undefined): boolean {
    if (!number || this.commits < 20) return false;
    return (this.commitsNaming.get(number) ?? 0) >= this.commits * 0.05;
  }

  /** The amending text of a version that came in force on `date`, or undefined when unknown. */
  amendedBy(pieces: readonly AmendingText[], date: IsoDate): string | undefined {
    const completed = pieces.map((piece) => this.complete(piece));
    const general = completed.find((piece) => GENERAL_SCOPE.test(piece.name));
    const yearBefore = `${String(Number(date.slice(0, 4)) - 1).padStart(4, '0')}${date.slice(4)}`;
    const dated = completed.filter(
      (piece): piece is AmendingText & { date: IsoDate } =>
        piece.date !== undefined && piece.date <= date && !(this.isUbiquitous(piece.number) && piece.date < yearBefore),
    );
    if (dated.length === 0) return general?.name;
    const latest = dated.reduce((max, piece) => (piece.date > max ? piece.date : max), '');
    const names = [...new Set(dated.filter((piece) => piece.date === latest).map((piece) => piece.name))];
    return names.join(' ; ');
  }
}

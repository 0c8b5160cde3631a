/** Calendar dates as the sources write them. */
import type { IsoDate } from '../../../model/model.ts';

/** `YYYY-MM-DD` naming a real day (2006-02-30 is not one). */
export function isValidIsoDate(text: string): text is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const MONTHS: Record<string, number> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};

/** `28 janvier 2006`, `1er janvier 1987` (anywhere in the text: the first one) → `2006-01-28`. */
export function parseFrenchDate(text: string): IsoDate | undefined {
  const match = /\b(\d{1,2})(?:er)?\s+([a-zéû]+)\s+(\d{4})\b/i.exec(text);
  if (!match) return undefined;
  const month = MONTHS[match[2]!.toLowerCase()];
  if (!month) return undefined;
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

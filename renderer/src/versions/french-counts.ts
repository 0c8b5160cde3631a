/** Counts written as a French reader expects them: « 1 modification », « 14 modifications », « 1 234 mots ». */
const numberFormat = new Intl.NumberFormat('fr-FR');

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(n)} ${n === 1 || n === 0 ? singular : plural}`;
}

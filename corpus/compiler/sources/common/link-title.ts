/**
 * LEGI's one-line names of a linked text or article, as LexHub writes them in anchor titles and
 * legi-data in `lienModifications[].textTitle`:
 *   `Code de la sécurité sociale. - art. L160-1 (V)`
 *   `LOI n°2020-992 du 7 août 2020 - art. 5 (V)`
 *   `Loi n°2005-881 du 2 août 2005 - art. 22 () JORF 3 août 2005`
 *   `Décret n°2012-1246  du 7 novembre 2012 (V)`
 */
import type { LinkStatusCode } from '../../../model/model.ts';

const STATUS_CODES = new Set<string>(['V', 'VD', 'VT', 'Ab', 'M', 'MMN', 'T', 'P', '']);

export interface LinkTitle {
  /** The text named, trailing dot removed, spaces collapsed: `Code de la sécurité sociale`. */
  text: string;
  /** The article named inside it, when any: `L160-1`, `5`, `Annexe article 1`. */
  articleNum?: string;
  status: LinkStatusCode;
}

function isStatus(code: string): code is LinkStatusCode {
  return STATUS_CODES.has(code);
}

function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/, '');
}

export function parseLinkTitle(label: string): LinkTitle {
  const line = label.replace(/\s+/g, ' ').trim();
  // The status is the first parenthesised code after the article (or after the text).
  const split = /^(.*?) - art\.?(.*)$/.exec(line);
  const head = split ? split[1]! : line;
  const tail = split ? split[2]! : '';
  const statusSource = split ? tail : line;
  let status: LinkStatusCode = '';
  let statusAt = -1;
  for (const match of statusSource.matchAll(/\(([A-Za-z]{0,3})\)/g)) {
    if (isStatus(match[1]!)) {
      status = match[1]!;
      statusAt = match.index;
      break;
    }
  }
  if (!split) {
    return { text: cleanText(statusAt >= 0 ? line.slice(0, statusAt) : line), status };
  }
  const numPart = (statusAt >= 0 ? tail.slice(0, statusAt) : tail).trim();
  // `art., v. init.` names no article.
  const articleNum = numPart && !numPart.startsWith(',') ? numPart.replace(/\s*,?\s*v\. init\.?$/, '').trim() : '';
  return { text: cleanText(head), status, ...(articleNum ? { articleNum } : {}) };
}

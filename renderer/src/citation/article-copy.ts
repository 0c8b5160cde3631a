/**
 * « Copier le texte »: the version on screen as plain text, ready to paste in a note or a brief —
 * its heading, its dates, its paragraphs, its NOTA, the text it comes from, and the citation.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import { validityRange } from '../dates/french-dates.ts';
import { writeAmendingText } from './amending-texts.ts';
import { articleCitation, type CitedVersion } from './article-citation.ts';

export interface CopiedVersion extends CitedVersion {
  paragraphs: readonly string[];
  nota?: readonly string[];
}

export function articleCopyText(codeTitle: string, num: string, version: CopiedVersion, created: boolean, today: IsoDate): string {
  const blocks = [`Article ${num} — ${codeTitle}`, validityRange(version.validFrom, version.validTo, today), ...version.paragraphs];
  if (version.nota && version.nota.length > 0) blocks.push(`NOTA : ${version.nota.join('\n')}`);
  if (version.amendedBy) blocks.push(`${created ? 'Créé par' : 'Modifié par'} : ${writeAmendingText(version.amendedBy)}`);
  blocks.push(`(${articleCitation(codeTitle, num, version, today)}.)`);
  return blocks.join('\n\n');
}

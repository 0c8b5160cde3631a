/**
 * A lexlib commit message: `Version consolidée du 2006-01-28`, then the lists
 * `Articles nouveaux:` / `Articles modifiés:` / `Articles abrogés:` (tab-indented comma lists of
 * article numbers) and `Modifications entrant en vigeur venant de:` (one `- text` per line).
 * A second commit on the same date writes `Version consolidée du 2020-05-25 00:00:01 +0200`.
 */
import type { IsoDate } from '../../../model/model.ts';
import { isValidIsoDate } from '../common/dates.ts';
import { type ParseContext, warn } from '../common/parse-context.ts';

export interface ConsolidatedVersionMessage {
  /** The version date from the first line; undefined when missing or impossible (warned). */
  date?: IsoDate;
  created: string[];
  modified: string[];
  repealed: string[];
  amendingTexts: string[];
}

type ListName = 'created' | 'modified' | 'repealed' | 'amendingTexts';

const LIST_BY_HEADER: Record<string, ListName> = {
  'Articles nouveaux:': 'created',
  'Articles modifiés:': 'modified',
  'Articles abrogés:': 'repealed',
  // Sic: the data writes « vigeur ».
  'Modifications entrant en vigeur venant de:': 'amendingTexts',
  'Modifications entrant en vigueur venant de:': 'amendingTexts',
};

export function parseCommitMessage(message: string, ctx: ParseContext): ConsolidatedVersionMessage {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  const result: ConsolidatedVersionMessage = { created: [], modified: [], repealed: [], amendingTexts: [] };
  const first = /^Version consolidée du (\d{4}-\d{2}-\d{2})\b/i.exec(lines[0]?.trim() ?? '');
  if (!first) warn(ctx, 1, `message sans « Version consolidée du AAAA-MM-JJ » : « ${(lines[0] ?? '').slice(0, 80)} »`);
  else if (!isValidIsoDate(first[1]!)) warn(ctx, 1, `date impossible « ${first[1]} »`);
  else result.date = first[1]!;

  const numberLists: Record<'created' | 'modified' | 'repealed', string[]> = { created: [], modified: [], repealed: [] };
  let list: ListName | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const header = LIST_BY_HEADER[line.trim()];
    if (header) {
      list = header;
      continue;
    }
    if (list === 'amendingTexts') {
      const entry = /^\s*- ?(.*)$/.exec(line);
      if (entry && entry[1]!.trim()) {
        result.amendingTexts.push(entry[1]!.trim());
        continue;
      }
    } else if (list && /^\s/.test(line)) {
      numberLists[list].push(line.trim());
      continue;
    }
    warn(ctx, i + 1, `ligne inattendue dans le message : « ${line.trim().slice(0, 80)} »`);
  }
  for (const name of ['created', 'modified', 'repealed'] as const) {
    result[name] = numberLists[name]
      .flatMap((chunk) => chunk.split(/,\s*/))
      .map((n) => n.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  }
  return result;
}

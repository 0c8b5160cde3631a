/**
 * Which text brought a version in force. A lexlib commit's author is that text
 * (`Loi n°2018-1203 du 22 décembre 2018`), but 702 of the 1,771 sécurité sociale commits say
 * `Plusieurs textes` and 40 `Inconnu`. For those, the article itself knows better: in lexlib the
 * `Modifié par` list of a version names the text(s) that made that version (L611-3: `Loi n°94-43 …`
 * at 1994-01-19, replaced by `Loi n°95-116 …` at 1995-02-05), and `Créé par` names the text that
 * created its first version. These entries are kept when they are among the commit's
 * `Modifications entrant en vigeur venant de:` texts (the same text, compared by its number), which
 * drops entries of other dates; if none is, the entries are kept as they are. Failing entries, a
 * commit list that names a single text gives it. Several texts are joined with ` ; `.
 */
import type { Link } from '../../../model/model.ts';
import { groupBy } from '../../../util/group-by.ts';
import { parseLinkEntry } from '../common/lexlib-format/links.ts';

const GENERIC_AUTHORS = /^(plusieurs textes|inconnu)$/i;

/** Identity of a legal text across its spellings: its number (`85-1353`, `2005-1528`), else its words. */
export function textIdentity(text: string): string {
  const number = /\b(\d{2,4}-\d{1,5})\b/.exec(text);
  return number ? number[1]! : text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `Décret n°85-1353 1985-12-17` → `Décret n°85-1353 du 17 décembre 1985` (the Légifrance spelling). */
export function spellTextDate(label: string): string {
  const match = /^(.*\S)\s+(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  const month = match ? MONTHS[Number(match[3]) - 1] : undefined;
  if (!match || !month) return label;
  const day = Number(match[4]);
  return `${match[1]} du ${day === 1 ? '1er' : day} ${month} ${match[2]}`;
}

/** The nicest spelling: `Décret n°85-1353 du 17 décembre 1985` rather than `Décret n°85-1353 1985-12-17`. */
function bestLabel(labels: readonly string[]): string {
  const withDay = labels.filter((label) => /\sdu\s+\d/.test(label));
  if (withDay.length === 0) return spellTextDate([...labels].sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!);
  return [...withDay].sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!;
}

function groupByIdentity(labels: readonly string[]): Map<string, string[]> {
  return groupBy(
    labels.filter((label) => label),
    textIdentity,
  );
}

export interface AmendedByInput {
  /** The commit author's name. */
  author: string;
  /** The commit's `Modifications entrant en vigeur venant de:` entries. */
  commitTexts: readonly string[];
  /** The version's links. */
  links: readonly Link[];
  /** True for an article's first version (then `Créé par` counts too). */
  firstVersion: boolean;
}

export function chooseAmendedBy(input: AmendedByInput): string | undefined {
  const author = input.author.trim();
  if (author && !GENERIC_AUTHORS.test(author)) return author;

  const commitLabels = input.commitTexts.map((entry) => parseLinkEntry(entry, 'modifiedBy').link.text);
  const commitGroups = groupByIdentity(commitLabels);
  const kinds = new Set(input.firstVersion ? ['modifiedBy', 'createdBy'] : ['modifiedBy']);
  const linkGroups = groupByIdentity(input.links.filter((link) => kinds.has(link.kind)).map((link) => link.text));

  let chosen = [...linkGroups.keys()].filter((key) => commitGroups.has(key));
  if (chosen.length === 0) chosen = [...linkGroups.keys()];
  if (chosen.length === 0 && commitGroups.size === 1) chosen = [...commitGroups.keys()];
  if (chosen.length === 0) return undefined;
  return chosen.map((key) => bestLabel([...(linkGroups.get(key) ?? []), ...(commitGroups.get(key) ?? [])])).join(' ; ');
}

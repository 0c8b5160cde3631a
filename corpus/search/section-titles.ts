/**
 * The titles of an article's place in the table of contents, as a search field: a user who types
 * « indemnités journalières maladie » means the articles of the section so named, even where the
 * article's own text says « les indemnités » and nothing else.
 *
 * Titles are indexed per section, not per article (every article of a chapter would repeat the
 * chapter's words: 30,000 articles × six levels), and a shard keeps, for each document, the
 * section it sits in and, for each section, its parent: the words of a title reach every article
 * below it at query time. The level and its number (« Chapitre 3 : ») are no words of the title.
 * Pure module: the compiler writes it, the engine reads it.
 */
import type { Section } from '../model/model.ts';
import { queryTerms } from './french-analysis.ts';
import { decodeVarints, encodeVarint } from './varint.ts';

/** The section table of a shard: parents, and the stemmed words of the titles → sections. */
export interface PackedSections {
  /** Parent slot of each section, -1 for a top level (a part of the code). */
  parent: number[];
  /** Stemmed title words, sorted. */
  terms: string[];
  /** For each term, varints: section slot − previous slot (ascending). */
  postings: string[];
}

const LEVEL_LABEL =
  /^\s*(?:(?:premi[eè]re|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|septi[eè]me|huiti[eè]me|neuvi[eè]me)\s+partie|partie|livre|titre|chapitre|section|sous-section|paragraphe|sous-paragraphe|annexe)\b/i;

/**
 * The words of a title that say what the section is about: « Chapitre 3 : Assurance maladie » →
 * « Assurance maladie »; « Chapitre unique », « Titre II » → nothing.
 */
export function titleWords(title: string): string {
  if (!LEVEL_LABEL.test(title)) return title;
  const colon = title.indexOf(':');
  return colon >= 0 ? title.slice(colon + 1) : LEVEL_LABEL.exec(title)![0].match(/partie/i) ? title : '';
}

/** Every section of some tables of contents, flattened: id → slot, with parents and titles. */
export interface SectionTable {
  slots: Map<string, number>;
  parent: number[];
  titles: string[];
}

export function sectionTable(tocs: readonly (readonly Section[])[]): SectionTable {
  const table: SectionTable = { slots: new Map(), parent: [], titles: [] };
  const walk = (sections: readonly Section[], parent: number) => {
    for (const section of sections) {
      // A section listed twice (a TOC that moved it) keeps its first place.
      if (table.slots.has(section.id)) continue;
      const slot = table.parent.length;
      table.slots.set(section.id, slot);
      table.parent.push(parent);
      table.titles.push(section.title);
      walk(section.children, slot);
    }
  };
  for (const toc of tocs) walk(toc, -1);
  return table;
}

/**
 * The sections a shard needs (those its documents sit in, and every section above them),
 * renumbered for the shard, with their title words indexed; and each document's section slot.
 */
export function packSections(
  table: SectionTable,
  docSections: readonly (string | undefined)[],
): { sections: PackedSections; docs: number[] } {
  const local = new Map<number, number>();
  const order: number[] = [];
  const need = (slot: number): number => {
    const known = local.get(slot);
    if (known !== undefined) return known;
    const up = table.parent[slot]!;
    if (up >= 0) need(up);
    const mine = order.length;
    local.set(slot, mine);
    order.push(slot);
    return mine;
  };
  const docs = docSections.map((id) => {
    const slot = id === undefined ? undefined : table.slots.get(id);
    return slot === undefined ? -1 : need(slot);
  });
  const parent = order.map((slot) => {
    const up = table.parent[slot]!;
    return up < 0 ? -1 : local.get(up)!;
  });
  const byTerm = new Map<string, number[]>();
  order.forEach((slot, mine) => {
    for (const term of queryTerms(titleWords(table.titles[slot] ?? ''))) {
      if (/^\d+$/.test(term)) continue;
      const list = byTerm.get(term);
      if (list) list.push(mine);
      else byTerm.set(term, [mine]);
    }
  });
  const terms = [...byTerm.keys()].sort();
  const postings = terms.map((term) => {
    let previous = 0;
    let out = '';
    for (const slot of byTerm.get(term)!) {
      out += encodeVarint(slot - previous);
      previous = slot;
    }
    return out;
  });
  return { sections: { parent, terms, postings }, docs };
}

export function decodeSectionPostings(encoded: string): number[] {
  const values = decodeVarints(encoded);
  let slot = 0;
  return values.map((delta) => (slot += delta));
}

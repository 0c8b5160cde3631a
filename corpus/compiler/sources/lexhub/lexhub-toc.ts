/**
 * A code's table of contents from LexHub's folders: each article sits in the folder of its last
 * known file (so a repealed article stays where it was last), folder slugs become titles
 * (`section-slug.ts`). Reading order: the parts in LEGI's order, then sections by their number,
 * else by the first article number they hold, articles by number. A section whose articles are all repealed ends
 * (`validTo`) with the last of those repeals.
 */
import type { ArticleId, CodeId, IsoDate, Section } from '../../../model/model.ts';
import { articleNumberSortKey, compareArticleNumbers } from '../../../text/article-number.ts';
import { titleFromSlug, type Vocabulary } from './section-slug.ts';

export interface ArticlePlacement {
  id: ArticleId;
  num: string;
  /** Folder slugs from the code's root. */
  folders: string[];
  /** Set when the article's last version was repealed. */
  repealedOn?: IsoDate;
}

const PART_ORDER = [
  'partie-legislative',
  'partie-reglementaire',
  'partie-reglementaire-decrets-en-conseil-detat',
  'partie-reglementaire-decrets-simples',
  'partie-reglementaire-arretes',
  'partie-arretes',
  'annexes',
];

interface Node {
  section: Section;
  children: Map<string, Node>;
  /** Smallest sort key of the articles below. */
  firstKey: string;
  /** Latest repeal below, or undefined as soon as one article below is not repealed. */
  endsOn: IsoDate | undefined;
  live: boolean;
  nums: Map<ArticleId, string>;
  /** The number of the section in its slug, for reading order. */
  rank: number | undefined;
}

export interface LexhubToc {
  toc: Section[];
  /** Section titles from the root down to each article. */
  sectionPaths: Map<ArticleId, string[]>;
}

export function buildLexhubToc(code: CodeId, placements: readonly ArticlePlacement[], vocabulary?: Vocabulary): LexhubToc {
  const root: Node = newNode({ id: code, title: '', level: 'other', children: [], articles: [] }, undefined);
  const sectionPaths = new Map<ArticleId, string[]>();
  for (const placement of placements) {
    if (placement.folders.length === 0) continue;
    let node = root;
    const titles: string[] = [];
    const key = articleNumberSortKey(placement.num);
    for (let depth = 0; depth < placement.folders.length; depth++) {
      const slug = placement.folders[depth]!;
      let child = node.children.get(slug);
      if (!child) {
        const { title, level, rank } = titleFromSlug(slug, vocabulary);
        child = newNode(
          { id: `${code}:${placement.folders.slice(0, depth + 1).join('/')}`, title, level, children: [], articles: [] },
          rank,
        );
        node.children.set(slug, child);
      }
      node = child;
      titles.push(child.section.title);
      if (key < node.firstKey) node.firstKey = key;
      if (placement.repealedOn === undefined) node.live = true;
      else if (node.endsOn === undefined || placement.repealedOn > node.endsOn) node.endsOn = placement.repealedOn;
    }
    node.nums.set(placement.id, placement.num);
    sectionPaths.set(placement.id, titles);
  }
  return { toc: finish(root, true), sectionPaths };
}

function newNode(section: Section, rank: number | undefined): Node {
  return { section, children: new Map(), firstKey: '\uffff', endsOn: undefined, live: false, nums: new Map(), rank };
}

function finish(node: Node, top: boolean): Section[] {
  const entries = [...node.children.entries()];
  entries.sort(([slugA, a], [slugB, b]) => {
    if (top) {
      const rank = (slug: string): number => (PART_ORDER.includes(slug) ? PART_ORDER.indexOf(slug) : PART_ORDER.length);
      const byPart = rank(slugA) - rank(slugB);
      if (byPart !== 0) return byPart;
    }
    // Numbered sections by their number (« Titre VI » holds L16-10-1 yet comes after « Titre I »),
    // then by the first article they hold; a section without a number after the numbered ones.
    const byRank = (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY);
    if (byRank !== 0 && !Number.isNaN(byRank)) return byRank;
    return a.firstKey < b.firstKey ? -1 : a.firstKey > b.firstKey ? 1 : slugA.localeCompare(slugB);
  });
  return entries.map(([, child]) => {
    const section = child.section;
    section.children = finish(child, false);
    section.articles = [...child.nums.entries()].sort((a, b) => compareArticleNumbers(a[1], b[1])).map(([id]) => id);
    if (!child.live && child.endsOn !== undefined) section.validTo = child.endsOn;
    return section;
  });
}

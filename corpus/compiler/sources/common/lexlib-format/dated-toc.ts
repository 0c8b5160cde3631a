/**
 * A code's table of contents through time, from successive snapshots of its whole-code file (one
 * per lexlib commit): a section is identified by its chain of titles; it is valid from the first
 * snapshot that has it to the first snapshot after the last one that has it. A retitled section
 * (« Section 2 : Statuts. » → « Section 2 : Statuts ») is thus two sections with adjacent dates.
 * Articles keep their order in the latest snapshot that lists them; a living section lists the
 * articles whose latest place it is (repealed ones included), an ended section what it last had.
 */
import type { ArticleId, IsoDate, Section, SectionLevel } from '../../../../model/model.ts';
import type { IntegralSection } from './integral.ts';

interface DatedNode {
  title: string;
  level: SectionLevel;
  key: string;
  children: DatedNode[];
  childByTitle: Map<string, DatedNode>;
  articles: ArticleId[];
  firstSnapshot: number;
  lastSnapshot: number;
}

/** FNV-1a, 32 bits, hex: short stable ids from title chains. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Keeps `previous` entries missing from `next` right after the entry they followed. */
function mergeOrder(previous: readonly ArticleId[], next: readonly ArticleId[]): ArticleId[] {
  const result = [...next];
  const present = new Set(next);
  for (let i = 0; i < previous.length; i++) {
    const id = previous[i]!;
    if (present.has(id)) continue;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const index = result.indexOf(previous[j]!);
      if (index >= 0) {
        at = index + 1;
        break;
      }
    }
    result.splice(at, 0, id);
    present.add(id);
  }
  return result;
}

export class DatedToc {
  private readonly roots: DatedNode[] = [];
  private readonly rootByTitle = new Map<string, DatedNode>();
  private readonly dates: IsoDate[] = [];
  /** Latest title chain of each article. */
  readonly sectionPaths = new Map<ArticleId, string[]>();
  /** Latest section of each article. */
  private readonly latestNode = new Map<ArticleId, DatedNode>();

  constructor(private readonly codeId: string) {}

  /**
   * Adds the tree of one snapshot; `idOf` maps an article number to its id at that date, given the
   * titles of its sections (the same number can be in two parts: R211-1 in the Code de la mutualité).
   */
  addSnapshot(date: IsoDate, toc: readonly IntegralSection[], idOf: (num: string, sectionPath: readonly string[]) => ArticleId): void {
    const snapshot = this.dates.length;
    this.dates.push(date);
    const visit = (
      sections: readonly IntegralSection[],
      siblings: DatedNode[],
      byTitle: Map<string, DatedNode>,
      parentKey: string,
      path: string[],
    ): void => {
      for (const section of sections) {
        let node = byTitle.get(section.title);
        if (!node) {
          const key = `${parentKey}\u0000${section.title}`;
          node = {
            title: section.title,
            level: section.level,
            key,
            children: [],
            childByTitle: new Map(),
            articles: [],
            firstSnapshot: snapshot,
            lastSnapshot: snapshot,
          };
          byTitle.set(section.title, node);
          siblings.push(node);
        }
        node.lastSnapshot = snapshot;
        const titles = [...path, section.title];
        const ids = section.articles.map((num) => idOf(num, titles));
        for (const id of ids) {
          this.sectionPaths.set(id, titles);
          this.latestNode.set(id, node);
        }
        node.articles = mergeOrder(node.articles, ids);
        visit(section.children, node.children, node.childByTitle, node.key, titles);
      }
    };
    visit(toc, this.roots, this.rootByTitle, '', []);
  }

  get snapshotCount(): number {
    return this.dates.length;
  }

  /**
   * The merged tree, with `validFrom`/`validTo` on every section, unless `dated` is false (a single
   * snapshot « as of » a date says nothing of when its sections began).
   */
  sections(options: { dated?: boolean } = {}): Section[] {
    const dated = options.dated ?? true;
    const convert = (node: DatedNode): Section => {
      const section: Section = {
        id: `${this.codeId}/section/${fnv1a(node.key)}`,
        title: node.title,
        level: node.level,
        children: node.children.map(convert),
        // A section still in the last snapshot lists the articles whose latest place it is (one that
        // moved to another section is listed there only); a section that ended keeps what it had.
        articles: [...new Set(node.articles)].filter((id) => node.lastSnapshot < this.dates.length - 1 || this.latestNode.get(id) === node),
      };
      if (!dated) return section;
      section.validFrom = this.dates[node.firstSnapshot]!;
      const end = this.dates[node.lastSnapshot + 1];
      if (end !== undefined) section.validTo = end;
      return section;
    };
    return this.roots.map(convert);
  }
}

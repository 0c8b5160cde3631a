/**
 * Every article gets a place in its code's table of contents. The chosen tree (legi-data's current
 * tree, a whole-code file) lists the articles it knows; the others — repealed before that tree was
 * taken, of a former code (the Code du travail before 2008), or known only by a source without a
 * tree — are placed from what is known of them, in this order:
 * 1. the section of the listed article whose number precedes theirs (a repealed L615-4 sits among
 *    the L615-x), when that section is in the part their source files them under (lexlib's folder
 *    `03. Partie législative ancienne`) and in the divisions their number spells (`plan-position.ts`):
 *    L122-14-3 of the former code never lands among the L2315-x of the current one;
 * 2. else the division their number spells, in that part: the part and every division are created
 *    where the tree lacks them, titled from any source that has the title (`plan-titles.ts`) and
 *    « titre inconnu » otherwise — never an invented title — and the article goes next to its
 *    predecessor by number inside that division;
 * 3. else (no part known, no number by plan, no neighbour) a section « Articles hors plan ».
 * So a code with no tree at all (a lexlib repository without a whole-code file, and no legi-data)
 * gets its parts from the source's folders and its divisions from its numbers.
 */
import type { Article, ArticleId, CodeId, Section } from '../../model/model.ts';
import { compareArticleNumbers } from '../../text/article-number.ts';
import { type PlanStep, planPosition, sameStep, sectionStep, stepHeading } from './plan-position.ts';
import { divisionKey, divisionTitles, partKey } from './plan-titles.ts';

export const UNPLACED_SECTION_ID = 'hors-plan';
export const UNPLACED_SECTION_TITLE = 'Articles hors plan';
/** What stands for a division's title when no source gives it. */
export const UNKNOWN_TITLE = 'titre inconnu';

export interface PlacementOptions {
  /** The code, for the ids of the sections created. */
  code: CodeId;
  /** Title of the part each article's source files it under (lexlib's folder, a tree's root), by article id. */
  parts?: ReadonlyMap<ArticleId, string>;
  /** The code's other trees (the ones not chosen): titles for the divisions the chosen tree lacks. */
  otherTocs?: readonly (readonly Section[])[];
  /**
   * The merged id of an id a tree lists: legi-data lists an article by its « cid » where lexlib's
   * file named it by another of its LEGI ids (L491-1 of the sécurité sociale).
   */
  mergedId?: (id: ArticleId) => ArticleId;
}

/** How the articles were placed, for the record and the tests. */
export interface PlacementStats {
  listed: number;
  /** Next to the listed article preceding them by number. */
  byNeighbour: number;
  /** In the division their number spells (created or not). */
  byPlan: number;
  unplaced: number;
  createdSections: number;
}

/** Fills the tree with every article, sets `Article.section`, returns the articles in reading order. */
export function placeUnsectionedArticles(
  toc: Section[],
  articles: readonly Article[],
  options: PlacementOptions = { code: '' },
): { ordered: Article[]; stats: PlacementStats } {
  const byId = new Map(articles.map((a) => [a.id, a] as const));
  const placed = new Map<ArticleId, Section>();
  const parent = new Map<Section, Section>();
  const walk = (sections: readonly Section[], above?: Section) => {
    for (const s of sections) {
      if (above) parent.set(s, above);
      if (options.mergedId) s.articles = s.articles.map(options.mergedId);
      s.articles = s.articles.filter((id) => byId.has(id) && !placed.has(id));
      for (const id of s.articles) placed.set(id, s);
      walk(s.children, s);
    }
  };
  walk(toc);

  const listed = articles.filter((a) => placed.has(a.id)).sort((a, b) => compareArticleNumbers(a.num, b.num));
  const missing = articles.filter((a) => !placed.has(a.id)).sort((a, b) => compareArticleNumbers(a.num, b.num));
  const stats: PlacementStats = { listed: listed.length, byNeighbour: 0, byPlan: 0, unplaced: 0, createdSections: 0 };
  if (missing.length === 0) return { ordered: collect(toc, byId), stats };

  const plan = new PlanTree(toc, parent, options, divisionTitles([toc, ...(options.otherTocs ?? [])]));
  const stepsOf = planReading(articles, options.parts);
  const touched = new Set<Section>();
  let unplaced: Section | undefined;
  for (const article of missing) {
    const partTitle = options.parts?.get(article.id);
    const root = partTitle === undefined ? undefined : plan.root(partTitle);
    const steps = stepsOf(article);
    const neighbour = predecessor(listed, article.num);
    const neighbourSection = neighbour ? placed.get(neighbour.id) : undefined;
    let section: Section | undefined;
    if (neighbourSection && plan.accepts(neighbourSection, neighbour!, root, steps)) {
      section = neighbourSection;
      stats.byNeighbour++;
    } else {
      const start = root ?? (neighbourSection && steps.length > 0 ? plan.rootOf(neighbourSection) : undefined);
      if (start) {
        const division = plan.descend(start, steps);
        const inside = predecessor(plan.listedIn(division, listed, placed), article.num);
        section = (inside && placed.get(inside.id)) ?? division;
        stats.byPlan++;
      } else if (neighbourSection) {
        section = neighbourSection;
        stats.byNeighbour++;
      }
    }
    if (!section) {
      if (!unplaced) {
        unplaced = { id: UNPLACED_SECTION_ID, title: UNPLACED_SECTION_TITLE, level: 'other', children: [], articles: [] };
        toc.push(unplaced);
      }
      section = unplaced;
      stats.unplaced++;
    }
    section.articles.push(article.id);
    touched.add(section);
  }
  stats.createdSections = plan.created;
  // Each section that took newcomers keeps its articles in number order.
  for (const s of touched) if (s.articles.length > 1) s.articles.sort((x, y) => compareArticleNumbers(byId.get(x)!.num, byId.get(y)!.num));
  return { ordered: collect(toc, byId), stats };
}

/** The articles in reading order, each told its section. */
function collect(toc: readonly Section[], byId: ReadonlyMap<ArticleId, Article>): Article[] {
  const ordered: Article[] = [];
  const visit = (sections: readonly Section[]) => {
    for (const s of sections) {
      for (const id of s.articles) {
        const article = byId.get(id)!;
        article.section = s.id;
        ordered.push(article);
      }
      visit(s.children);
    }
  };
  visit(toc);
  return ordered;
}

/**
 * The plan positions of the articles, trusted only where their part numbers by plan that way: the
 * Code du travail's « Partie législative » numbers in four digits (L1232-1), so its L243-10-1
 * (LEGI's number for an article of Deuxième partie › Livre IV › Titre III) spells nothing.
 */
function planReading(articles: readonly Article[], parts: ReadonlyMap<ArticleId, string> | undefined): (article: Article) => PlanStep[] {
  const counts = new Map<string, Map<number, number>>();
  const positions = new Map<ArticleId, PlanStep[]>();
  for (const article of articles) {
    const steps = planPosition(article.num);
    positions.set(article.id, steps);
    if (steps.length === 0) continue;
    const part = partKey(parts?.get(article.id) ?? '');
    const byLength = counts.get(part) ?? new Map<number, number>();
    byLength.set(steps.length, (byLength.get(steps.length) ?? 0) + 1);
    counts.set(part, byLength);
  }
  const usual = new Map<string, number>();
  for (const [part, byLength] of counts) usual.set(part, [...byLength].sort((a, b) => b[1] - a[1])[0]![0]);
  return (article) => {
    const steps = positions.get(article.id) ?? [];
    return steps.length === usual.get(partKey(parts?.get(article.id) ?? '')) ? steps : [];
  };
}

/** The letters before the integers (L, LO, R, D, A…): a regulation never lands among the laws. */
function prefixOf(num: string): string {
  return /^[A-Z]*/i.exec(num)?.[0].toUpperCase() ?? '';
}

/**
 * The listed article preceding `num` with the same prefix (within 50 places), else the first one
 * with that prefix that follows it.
 */
function predecessor(sorted: readonly Article[], num: string): Article | undefined {
  const wanted = prefixOf(num);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareArticleNumbers(sorted[mid]!.num, num) <= 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) if (prefixOf(sorted[i]!.num) === wanted) return sorted[i];
  for (let i = lo; i < sorted.length && i < lo + 50; i++) if (prefixOf(sorted[i]!.num) === wanted) return sorted[i];
  return undefined;
}

const LEVEL_DEPTH: Record<PlanStep['level'], number> = { partie: 0, livre: 1, titre: 2, chapitre: 3 };

/** Rank of a part among the roots, for a part the tree lacks: the current code's parts, then the former code's. */
function partRank(title: string): number {
  const key = partKey(title);
  const kind = key.startsWith('partielegislative')
    ? 0
    : key.startsWith('partiereglementaire') || key.startsWith('partiearretes')
      ? 1 + (key.includes('conseildetat') ? 0.1 : key.includes('decretssimples') ? 0.2 : key.includes('arretes') ? 0.3 : 0)
      : key.startsWith('annexe')
        ? 3
        : 2;
  return kind + (key.includes('ancienne') ? 10 : 0);
}

/** The tree as divisions of the plan: finds them by part and steps, creates the missing ones. */
class PlanTree {
  created = 0;
  private readonly steps = new Map<Section, PlanStep | undefined>();
  private readonly listedBelow = new Map<Section, Article[]>();
  /** Sections the tree gave articles of their own (not those this placement adds). */
  private readonly holdsListed = new Set<Section>();
  /** Sections this placement created. */
  private readonly made = new Set<Section>();

  constructor(
    private readonly toc: Section[],
    private readonly parent: Map<Section, Section>,
    private readonly options: PlacementOptions,
    private readonly titles: ReadonlyMap<string, string>,
  ) {
    const visit = (sections: readonly Section[]) => {
      for (const section of sections) {
        if (section.articles.length > 0) this.holdsListed.add(section);
        visit(section.children);
      }
    };
    visit(toc);
  }

  private stepOf(section: Section): PlanStep | undefined {
    if (!this.steps.has(section)) this.steps.set(section, sectionStep(section.title));
    return this.steps.get(section);
  }

  rootOf(section: Section): Section {
    let s = section;
    for (let up = this.parent.get(s); up; up = this.parent.get(s)) s = up;
    return s;
  }

  /** The root for a part title, created (with that title, which a source gives) when the tree has none. */
  root(title: string): Section {
    const key = partKey(title);
    const found = this.toc.find((s) => s.id !== UNPLACED_SECTION_ID && partKey(s.title) === key);
    if (found) return found;
    const root: Section = { id: `${this.options.code}/part/${key}`, title, level: 'partie', children: [], articles: [] };
    const rank = partRank(title);
    let at = 0;
    this.toc.forEach((s, i) => {
      if (s.id !== UNPLACED_SECTION_ID && partRank(s.title) <= rank) at = i + 1;
    });
    this.toc.splice(at, 0, root);
    this.created++;
    return root;
  }

  /**
   * Whether an article of that part and those steps goes next to its neighbour by number: the
   * neighbour is in that part, and either its number spells the same divisions, or the divisions
   * above it agree with the article's number (« Chapitre IV bis » agrees with IV), or the tree does
   * not follow the numbers there (the mutualité's R510-1 sits in Livre V › Chapitre Ier, not in a
   * Titre Ier › Chapitre préliminaire): then the numbers cannot place better than the neighbour.
   */
  accepts(section: Section, neighbour: Article, root: Section | undefined, steps: readonly PlanStep[]): boolean {
    if (root && this.rootOf(section) !== root) return false;
    const own = planPosition(neighbour.num);
    if (own.length === steps.length && own.every((step, i) => sameStep(step, steps[i]!))) return true;
    return this.fits(section, steps) || !this.fits(section, own);
  }

  /** Whether none of the divisions above a section contradicts the steps. */
  private fits(section: Section, steps: readonly PlanStep[]): boolean {
    for (let s: Section | undefined = section; s; s = this.parent.get(s)) {
      const step = this.stepOf(s);
      if (!step) continue;
      const wanted = steps.find((w) => w.level === step.level);
      if (wanted && wanted.ordinal !== step.ordinal) return false;
    }
    return true;
  }

  /** The division the steps name below the root, creating each one the tree lacks. */
  descend(root: Section, steps: readonly PlanStep[]): Section {
    let node = root;
    const path: PlanStep[] = [];
    for (const step of steps) {
      if (this.stepOf(node)?.level === step.level) continue; // the root is itself a Livre (a code without parts)
      const child = node.children.find((c) => {
        const own = this.stepOf(c);
        return own !== undefined && sameStep(own, step);
      });
      path.push(step);
      if (child) {
        node = child;
        continue;
      }
      // The code does not use this level here: the node holds the next level down (the
      // mutualité's Livre Ier holds chapters, no titles), or articles itself (L800-4 directly in
      // Livre VIII › Titre préliminaire).
      const levels = node.children.filter((c) => !this.made.has(c)).map((c) => this.stepOf(c)?.level);
      if (!levels.includes(step.level)) {
        if (levels.some((level) => level !== undefined && LEVEL_DEPTH[level] > LEVEL_DEPTH[step.level])) {
          path.pop();
          continue;
        }
        if (this.holdsListed.has(node)) break;
      }
      node = this.create(node, this.rootOf(node), path, step);
    }
    return node;
  }

  private create(under: Section, root: Section, path: readonly PlanStep[], step: PlanStep): Section {
    const key = divisionKey(root.title, path);
    const title = this.titles.get(key) ?? `${stepHeading(step)} : ${UNKNOWN_TITLE}`;
    const section: Section = { id: `${this.options.code}/plan/${key}`, title, level: step.level, children: [], articles: [] };
    this.steps.set(section, step);
    this.parent.set(section, under);
    this.made.add(section);
    // Among its siblings by number: after the last division of its level with a lower number.
    let at = under.children.length;
    const first = under.children.findIndex((c) => {
      const own = this.stepOf(c);
      return own !== undefined && own.level === step.level && own.ordinal > step.ordinal;
    });
    if (first >= 0) at = first;
    under.children.splice(at, 0, section);
    this.created++;
    return section;
  }

  /** The listed articles below a section, in number order. */
  listedIn(section: Section, listed: readonly Article[], placed: ReadonlyMap<ArticleId, Section>): Article[] {
    let below = this.listedBelow.get(section);
    if (!below) {
      const inside = new Set<Section>();
      const visit = (s: Section) => {
        inside.add(s);
        s.children.forEach(visit);
      };
      visit(section);
      below = listed.filter((a) => inside.has(placed.get(a.id)!));
      this.listedBelow.set(section, below);
    }
    return below;
  }
}

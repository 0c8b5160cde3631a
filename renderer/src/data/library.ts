/**
 * The renderer's view of the corpus, over the API: tables of contents, catalogs and articles,
 * each fetched once and kept (articles in a bounded cache), and article numbers resolved to ids.
 * Failures are `ApiFailure`s carrying the host's French message.
 */
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { Article, ArticleId, CodeId, IsoDate } from '../../../corpus/model/model.ts';
import { normalizeArticleNumber } from '../../../corpus/text/article-number.ts';
import { LruCache } from '../../../corpus/util/lru-cache.ts';
import type { CorpusInfo, PalimpsesteApi } from '../../../electron/common/api.ts';
import { unwrap } from '../api/client.ts';
import { corpusDataDate, entryInForceOn } from '../../../corpus/model/timeline.ts';
import { groupBy } from '../../../corpus/util/group-by.ts';
import { buildTocIndex, type TocIndex } from './toc-index.ts';

/** Articles kept in memory; a reading session rarely goes beyond a few dozen. */
const ARTICLE_CACHE_SIZE = 300;

export interface CodeIndex extends TocIndex {
  /** Catalog entries by LEGI-form number (several when a number was reused). */
  byNum: Map<string, ArticleCatalogEntry[]>;
}

export class Library {
  private readonly codes = new Map<CodeId, Promise<CodeIndex>>();
  private readonly loadedCodes = new Map<CodeId, CodeIndex>();
  private readonly articles = new LruCache<ArticleId, Article>({ maxWeight: ARTICLE_CACHE_SIZE });
  private readonly numbers = new Map<string, Promise<ArticleCatalogEntry | undefined>>();
  private info?: Promise<CorpusInfo>;
  private markPainted: () => void = () => {};
  /**
   * Resolves once the first page is on screen. Heavy loads that are not needed for it (the tables
   * of contents, the search index) wait for it, so that they never delay the first article.
   */
  readonly firstPagePainted: Promise<void>;

  constructor(readonly api: PalimpsesteApi) {
    this.firstPagePainted = new Promise((resolve) => (this.markPainted = resolve));
  }

  /** Called when the first page (an article, or any other view) is painted, or failed to load. */
  firstPageDone(): void {
    this.markPainted();
  }

  /** The code's index if it is already loaded (no request). */
  loadedCodeIndex(code: CodeId): CodeIndex | undefined {
    return this.loadedCodes.get(code);
  }

  corpusInfo(): Promise<CorpusInfo> {
    this.info ??= this.api.getCorpusInfo().then(unwrap);
    // A failed load (corpus missing) is retried on the next call, once the user has fixed it.
    this.info.catch(() => (this.info = undefined));
    return this.info;
  }

  /** The corpus data date, from which a repeal without a date counts (`corpus/model/timeline.ts`). */
  dataDate(): Promise<IsoDate> {
    return this.corpusInfo().then((info) => corpusDataDate(info.manifest));
  }

  codeIndex(code: CodeId): Promise<CodeIndex> {
    let entry = this.codes.get(code);
    if (!entry) {
      entry = Promise.all([this.api.getToc(code).then(unwrap), this.api.getCatalog(code).then(unwrap), this.dataDate()]).then(
        ([toc, catalog, dataDate]) => {
          const index = { ...buildTocIndex(toc, catalog, dataDate), byNum: groupBy(catalog, (item) => item.num) };
          this.loadedCodes.set(code, index);
          return index;
        },
      );
      this.codes.set(code, entry);
      entry.catch(() => this.codes.delete(code));
    }
    return entry;
  }

  article(id: ArticleId): Promise<Article> {
    return this.articles.load(id, () => this.api.getArticle(id).then(unwrap));
  }

  /**
   * The article a number names in a code at a date: its LEGI form first (the catalog), then the
   * host's lookup for other written forms. When a number was used by several articles, the one in
   * force on the date wins, else the latest.
   */
  resolveNumber(code: CodeId, num: string, date: IsoDate): Promise<ArticleCatalogEntry | undefined> {
    const key = `${code}\n${num}\n${date}`;
    let entry = this.numbers.get(key);
    if (!entry) {
      entry = this.lookUpNumber(code, num, date);
      this.numbers.set(key, entry);
      entry.catch(() => this.numbers.delete(key));
    }
    return entry;
  }

  /**
   * Starts what the first page needs before React has even been evaluated: the corpus description
   * and, for an article's location, the article itself. The views then find them in the caches.
   */
  preload(target: { code: CodeId; num: string; date: IsoDate } | undefined): void {
    this.corpusInfo().catch(() => undefined);
    if (!target) return;
    this.resolveNumber(target.code, target.num, target.date)
      .then((entry) => (entry ? this.article(entry.id) : undefined))
      .catch(() => undefined);
  }

  private async lookUpNumber(code: CodeId, num: string, date: IsoDate): Promise<ArticleCatalogEntry | undefined> {
    // The catalog when it is already here; otherwise the host's lookup, which is much lighter than
    // fetching the whole catalog (2.5 MB for the sécurité sociale) before the first article.
    const index = this.loadedCodes.get(code);
    let candidates = index?.byNum.get(num) ?? index?.byNum.get(normalizeArticleNumber(num) ?? num);
    if (!candidates) {
      const found = unwrap(await this.api.findArticles(num, code));
      candidates = found.length > 0 ? found : undefined;
    }
    return candidates ? pickAtDate(candidates, date, await this.dataDate()) : undefined;
  }
}

export function pickAtDate(
  candidates: readonly ArticleCatalogEntry[],
  date: IsoDate,
  undatedEndsOn: IsoDate,
): ArticleCatalogEntry | undefined {
  return (
    candidates.find((entry) => entryInForceOn(entry, date, undatedEndsOn)) ?? [...candidates].sort((a, b) => (a.from < b.from ? 1 : -1))[0]
  );
}

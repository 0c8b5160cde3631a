/**
 * An article read at a date: the centre column (number, breadcrumb, tabs, text) and the links
 * panel beside it. Loads the article from the route (by id when known, else by number).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Article, IsoDate, Section } from '../../../corpus/model/model.ts';
import { useReader } from '../reader/reader-context.ts';
import type { Route } from '../reader/route.ts';
import { LinksPanel } from '../links/LinksPanel.tsx';
import { NumberNotices } from '../correspondence/NumberNotices.tsx';
import { sectionsAbove } from '../data/toc-index.ts';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { ArticleText } from './ArticleText.tsx';
import { readingAt, versionNumber } from '../../../corpus/model/timeline.ts';

type ArticleRoute = Extract<Route, { kind: 'article' }>;

// The versions views (timeline, comparisons, the diff engine) are their own chunk: the first
// article is painted without them.
const VersionsView = lazy(() => import('../versions/VersionsView.tsx').then((module) => ({ default: module.VersionsView })));

export function ArticlePage({ route, onShown }: { route: ArticleRoute; onShown: (article: Article, date: IsoDate) => void }) {
  const reader = useReader();
  const { library, date } = reader;
  // Undefined: the code has no article of that number (said below, with the code's title of the
  // render: the corpus description may arrive after the article).
  const state = useAsync<Article | undefined>(async () => {
    const id = route.id ?? (await library.resolveNumber(route.code, route.num, date))?.id;
    return id ? library.article(id) : undefined;
  }, [library, route.code, route.num, route.id, date]);
  // The breadcrumb comes from the table of contents, loaded after the text is on screen.
  const [sections, setSections] = useState<Section[]>([]);
  const article = state.status === 'done' ? state.value : undefined;
  useEffect(() => {
    if (!article) return;
    let live = true;
    const ready = library.loadedCodeIndex(article.code);
    if (ready) setSections(sectionsAbove(ready, article.id));
    else {
      setSections([]);
      void library.firstPagePainted
        .then(() => library.codeIndex(article.code))
        .then((index) => live && setSections(sectionsAbove(index, article.id)))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [library, article]);
  const missing = state.status === 'failed' || (state.status === 'done' && !state.value);
  useEffect(() => {
    if (missing) library.firstPageDone();
  }, [library, missing]);

  useEffect(() => {
    if (article) onShown(article, date);
    // Reported once per article and date shown, not on every render.
  }, [article, date, onShown]);

  if (state.status === 'loading') {
    return (
      <section className="article-pane" aria-busy="true">
        <p className="loading">Chargement de l’article {route.num}…</p>
      </section>
    );
  }
  if (state.status === 'failed' || !state.value) {
    return (
      <section className="article-pane">
        <Message title="Article introuvable" tone="error">
          {state.status === 'failed'
            ? state.message
            : `Le ${reader.codeTitle(route.code)} n’a pas d’article « ${route.num} ». Vérifiez le numéro, ou cherchez-le dans la barre de recherche.`}
        </Message>
      </section>
    );
  }
  const loaded = state.value;
  const reading = readingAt(loaded, date, reader.dataDate);
  // The number the article bore in the version shown (D7122-10 before it became R7122-10).
  const shownNum = reading ? versionNumber(loaded, reading.version) : loaded.num;
  const tabs = [
    { id: 'texte' as const, label: 'Texte' },
    { id: 'versions' as const, label: `Versions (${loaded.versions.length})` },
  ];
  return (
    <>
      <section className="article-pane" aria-labelledby="article-title">
        <header className="article-header">
          <p className="article-code">{reader.corpus ? reader.codeTitle(loaded.code) : '\u00a0'}</p>
          <h1 id="article-title">Article {shownNum}</h1>
          {shownNum !== loaded.num && <p className="article-renumbered">Aujourd’hui article {loaded.num}</p>}
          {sections.length > 0 && (
            <nav aria-label="Position dans le plan actuel du code" title="Position dans le plan actuel du code" className="breadcrumb">
              <ol>
                {sections.map((section) => (
                  <li key={section.id}>{section.title}</li>
                ))}
              </ol>
            </nav>
          )}
          <div role="tablist" aria-label="Vues de l’article" className="tabs">
            {tabs.map((tab) => (
              <a
                key={tab.id}
                role="tab"
                aria-selected={route.tab === tab.id}
                className="tab"
                href={reader.articleHref({ code: loaded.code, num: loaded.num, ...(reader.isToday ? {} : { date }), tab: tab.id })}
                onClick={(event) => {
                  event.preventDefault();
                  reader.openArticle(
                    { code: loaded.code, num: loaded.num, id: loaded.id, ...(reader.isToday ? {} : { date }), tab: tab.id },
                    'replace',
                  );
                }}
              >
                {tab.label}
              </a>
            ))}
          </div>
        </header>
        {!reading ? (
          <Message title="Article sans texte" tone="warning">
            Le corpus ne contient aucune version de cet article.
          </Message>
        ) : route.tab === 'versions' ? (
          <Suspense fallback={<p className="loading">Chargement des versions…</p>}>
            <VersionsView article={loaded} {...(route.compare ? { compare: route.compare } : {})} />
          </Suspense>
        ) : (
          <>
            <NumberNotices article={loaded} />
            <ArticleText article={loaded} reading={reading} />
          </>
        )}
      </section>
      {/* The links of the text on screen, also when it is not yet (or no longer) in force on the date. */}
      <LinksPanel version={reading?.version} />
    </>
  );
}

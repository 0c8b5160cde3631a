/**
 * The shell: the top bar, the trail bar, the host's notices and the three columns (table of
 * contents, the page, links), wired to the features' hooks. What is on screen is the route of the
 * trail's navigation (`useTrailNavigation`); the views read the date and move through the reader
 * context (`reader/`).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, IsoDate } from '../../../corpus/model/model.ts';
import type { PalimpsesteApi, Trail } from '../../../electron/common/api.ts';
import { ArticlePage } from '../article/ArticlePage.tsx';
import { AnnotationsService } from '../annotations/annotations-service.ts';
import { AnnotationsPage } from '../annotations/AnnotationsPage.tsx';
import { AnnotationsContext } from '../annotations/use-annotations.ts';
import type { Library } from '../data/library.ts';
import { todayIso } from '../dates/french-dates.ts';
import { CodeHome, Home } from '../home/Home.tsx';
import { HostNotices } from '../notices/HostNotices.tsx';
import { useHostNotices } from '../notices/use-host-notices.ts';
import { createReader, ReaderContext } from '../reader/reader-context.ts';
import { formatRoute, routeAtDate, routeCode, routeDate } from '../reader/route.ts';
import type { SearchBoxHandle } from '../search/SearchBox.tsx';
import { useSearchWorker } from '../search/use-search-worker.ts';
import { useSession } from '../session/use-session.ts';
import { ResultsPage } from '../results/ResultsPage.tsx';
import { TocPanel } from '../toc/TocPanel.tsx';
import { useTocCode } from '../toc/use-toc-code.ts';
import { useTocPrefetch } from '../toc/use-toc-prefetch.ts';
import { TrailBar } from '../trail/TrailBar.tsx';
import { useTrailNavigation } from '../trail/use-trail-navigation.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { installGlobalShortcuts } from './global-shortcuts.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { TopBar, type Panel } from './TopBar.tsx';

// A code's change sets belong to the versions views: their own chunk, loaded when first shown.
// The table of old and new numbers: its own chunk too.
const CorrespondencePage = lazy(() =>
  import('../correspondence/CorrespondencePage.tsx').then((module) => ({ default: module.CorrespondencePage })),
);
const ChangesPage = lazy(() => import('../versions/ChangesPage.tsx').then((module) => ({ default: module.ChangesPage })));

export function App({ api, library }: { api: PalimpsesteApi; library: Library }) {
  const today = useMemo(() => todayIso(), []);
  const [panel, setPanel] = useState<Panel>('none');
  const [helpOpen, setHelpOpen] = useState(false);
  const closePanel = useCallback(() => setPanel('none'), []);
  const searchRef = useRef<SearchBoxHandle>(null);
  const corpus = useAsync(() => library.corpusInfo(), [library]);
  const corpusInfo = corpus.status === 'done' ? corpus.value : undefined;

  const { route, trail, navigate, move, shown, save } = useTrailNavigation(api, today, closePanel);
  const session = useSession(api, route, navigate);
  const hostNotices = useHostNotices(api);
  const client = useSearchWorker(library, corpusInfo, corpus.status === 'failed' ? corpus.message : undefined);
  useTocPrefetch(library, client, corpusInfo);
  const [tocCode, setTocCode] = useTocCode(routeCode(route), corpusInfo);
  const annotations = useMemo(() => new AnnotationsService(api), [api]);
  const [reviewCount, setReviewCount] = useState(0);
  // The counts and colour names after the first page; then the review after a corpus update.
  useEffect(() => {
    let live = true;
    void library.firstPagePainted
      .then(() => annotations.start())
      .then(() => api.getAnnotationReview())
      .then((review) => live && review.ok && setReviewCount(review.value.total))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, library, annotations]);
  // Another window may have changed the annotations: seen again when this one comes back.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void annotations.refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [annotations]);

  useEffect(
    () =>
      installGlobalShortcuts({
        focusSearch: () => searchRef.current?.focus(),
        back: () => move({ type: 'back' }),
        forward: () => move({ type: 'forward' }),
        help: () => setHelpOpen(true),
      }),
    [move],
  );

  // Views other than an article count as painted at once: nothing heavy waits for them.
  useEffect(() => {
    if (session.ready && (route.kind !== 'article' || corpus.status === 'failed')) library.firstPageDone();
  }, [library, session.ready, route.kind, corpus.status]);

  // The article on screen: a step of the trail, and the first of the recent articles of the home page.
  const { addRecent } = session;
  const onShown = useCallback(
    (article: Article, shownDate: IsoDate) => {
      shown(article, shownDate);
      addRecent({ article: article.id, num: article.num, code: article.code, date: shownDate });
    },
    [shown, addRecent],
  );

  const date: IsoDate = routeDate(route) ?? today;
  const reader = useMemo(
    () => createReader({ library, corpus: corpusInfo, date, today, ...(tocCode ? { readingCode: tocCode } : {}), navigate, closePanel }),
    [library, corpusInfo, date, today, tocCode, navigate, closePanel],
  );

  const onDate = (next: IsoDate | undefined) => {
    const dated = routeAtDate(route, next, today, tocCode);
    if (dated) navigate(dated, 'replace');
  };

  const shownCode = tocCode ?? corpusInfo?.manifest.codes[0]?.id;
  const corpusFailed = corpus.status === 'failed';

  return (
    <AnnotationsContext.Provider value={annotations}>
      <ReaderContext.Provider value={reader}>
        <div className="app" data-panel={panel}>
          <TopBar
            ref={searchRef}
            client={client}
            date={date}
            isToday={date === today}
            onDate={onDate}
            theme={session.theme}
            onTheme={session.setTheme}
            textScale={session.textScale}
            onTextScale={session.setTextScale}
            panel={panel}
            onPanel={setPanel}
            onHelp={() => setHelpOpen(true)}
          />
          <TrailBar
            api={api}
            trail={trail}
            today={today}
            onBack={() => move({ type: 'back' })}
            onForward={() => move({ type: 'forward' })}
            onGo={(index) => move({ type: 'go', index })}
            onSave={save}
            onHostCall={hostNotices.refresh}
            onOpen={(saved: Trail) => move({ type: 'open', trail: saved })}
          />
          <HostNotices notices={hostNotices.notices} onDismiss={hostNotices.dismiss} />
          {reviewCount > 0 && route.kind !== 'annotations' && (
            <div className="review-banner" role="status">
              Le corpus a été mis à jour : {reviewCount} annotation{reviewCount > 1 ? 's portent' : ' porte'} sur des articles qui ont
              changé.{' '}
              <a
                href="#/annotations/revue"
                onClick={(event) => {
                  event.preventDefault();
                  setReviewCount(0);
                  navigate({ kind: 'annotations', review: true }, 'replace');
                }}
              >
                Les revoir
              </a>
            </div>
          )}
          <div
            className={`layout${route.kind === 'article' && !corpusFailed ? '' : ' no-links'}${shownCode && !corpusFailed ? '' : ' no-toc'}`}
          >
            {shownCode && !corpusFailed && (
              <ErrorBoundary resetKey={shownCode}>
                <TocPanel
                  code={shownCode}
                  currentArticle={trail.steps[trail.index]?.article}
                  onCodeChange={(code) => {
                    setTocCode(code);
                    if (route.kind !== 'article') reader.openCode(code);
                  }}
                />
              </ErrorBoundary>
            )}
            <main id="contenu" className="page">
              <ErrorBoundary resetKey={formatRoute(route)}>
                {corpus.status === 'failed' ? (
                  <section className="article-pane">
                    <Message
                      title={
                        corpus.code === 'corpus-schema'
                          ? 'Corpus d’une autre version'
                          : corpus.code === 'corpus-damaged'
                            ? 'Corpus endommagé'
                            : 'Corpus indisponible'
                      }
                      tone="error"
                    >
                      {corpus.message}
                    </Message>
                  </section>
                ) : !session.ready || (corpus.status === 'loading' && route.kind !== 'article') ? (
                  <section className="article-pane" aria-busy="true">
                    <p className="loading">Chargement…</p>
                  </section>
                ) : route.kind === 'article' ? (
                  <ArticlePage route={route} onShown={onShown} />
                ) : route.kind === 'search' ? (
                  <ResultsPage query={route.search} client={client} readingCode={shownCode} />
                ) : route.kind === 'annotations' ? (
                  <AnnotationsPage api={api} review={!!route.review} />
                ) : route.kind === 'code' ? (
                  <CodeHome code={route.code} />
                ) : route.kind === 'changes' ? (
                  <Suspense fallback={<p className="loading">Chargement des modifications…</p>}>
                    <ChangesPage code={route.code} {...(route.day ? { day: route.day } : {})} />
                  </Suspense>
                ) : route.kind === 'correspondence' ? (
                  <Suspense fallback={<p className="loading">Chargement de la table de correspondance…</p>}>
                    <CorrespondencePage code={route.code} {...(route.filter ? { filter: route.filter } : {})} />
                  </Suspense>
                ) : route.kind === 'invalid' ? (
                  <section className="article-pane">
                    <Message title="Lien invalide" tone="error">
                      {route.message}{' '}
                      <a
                        href="#/"
                        onClick={(event) => {
                          event.preventDefault();
                          navigate({ kind: 'home' }, 'replace');
                        }}
                      >
                        Revenir à l’accueil
                      </a>
                    </Message>
                  </section>
                ) : (
                  <Home recent={session.recent} />
                )}
              </ErrorBoundary>
            </main>
          </div>
          <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        </div>
      </ReaderContext.Provider>
    </AnnotationsContext.Provider>
  );
}

/**
 * The reader: top bar, trail bar, and the three columns (table of contents, the page, links).
 *
 * The route (the `#/…` location) says what is on screen; the link trail says how the reader got
 * there. The trail is the source of truth for back and forward (Alt+←/→, mouse buttons), so the
 * location is updated with `history.replaceState` and never piles up browser history entries.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, CodeId, IsoDate } from '../../../corpus/model/model.ts';
import type { HostNotice, PalimpsesteApi, Trail, TrailStep } from '../../../electron/common/api.ts';
import { ArticlePage } from '../article/ArticlePage.tsx';
import { corpusDataDate } from '../../../corpus/model/timeline.ts';
import { todayIso } from '../dates/french-dates.ts';
import type { Library } from '../data/library.ts';
import { SearchClient } from '../search/search-client.ts';
import type { SearchBoxHandle } from '../search/SearchBox.tsx';
import { TocPanel } from '../toc/TocPanel.tsx';
import { currentStep, emptyTrail, trailReducer, trailToSave, type TrailAction, type TrailState } from '../trail/trail-state.ts';
import { TrailBar } from '../trail/TrailBar.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { CodeHome, Home } from './Home.tsx';
import { installGlobalShortcuts } from './global-shortcuts.ts';
import { SessionSaver } from './session-saver.ts';
import { ReaderContext, type ArticleTarget, type Intent, type Reader } from './reader-context.ts';
import { formatRoute, parseRoute, type Route } from './route.ts';
import { TopBar, type Panel } from './TopBar.tsx';

// A code's change sets belong to the versions views: their own chunk, loaded when first shown.
const ChangesPage = lazy(() => import('../versions/ChangesPage.tsx').then((module) => ({ default: module.ChangesPage })));

function stepRoute(step: TrailStep, today: IsoDate): Route {
  return {
    kind: 'article',
    code: step.code,
    num: step.num,
    id: step.article,
    tab: 'texte',
    ...(step.date === today ? {} : { date: step.date }),
  };
}

function noticeKey(notice: HostNotice): string {
  return `${notice.kind}:${notice.keptAs ?? notice.message}`;
}

function newTrailId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function initialTheme(): 'light' | 'dark' {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function hasLocation(): boolean {
  return window.location.hash.length > 2;
}

export function App({ api, library }: { api: PalimpsesteApi; library: Library }) {
  const today = useMemo(() => todayIso(), []);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [sessionReady, setSessionReady] = useState(hasLocation);
  const sessionSaver = useMemo(() => new SessionSaver((state) => api.setSession(state)), [api]);
  const [theme, setTheme] = useState<'light' | 'dark'>(initialTheme);
  const [textScale, setTextScale] = useState(1);
  const [panel, setPanel] = useState<Panel>('none');
  const [tocCode, setTocCode] = useState<CodeId>();
  const [notices, setNotices] = useState<HostNotice[]>([]);
  const [client, setClient] = useState<SearchClient>();
  const [trail, setTrail] = useState<TrailState>(emptyTrail);
  const trailRef = useRef(trail);
  const intentRef = useRef<Intent>('visit');
  const searchRef = useRef<SearchBoxHandle>(null);
  const corpus = useAsync(() => library.corpusInfo(), [library]);
  const corpusInfo = corpus.status === 'done' ? corpus.value : undefined;

  // Whether the page on screen is the trail's current step. It is not while a followed link is
  // still loading, nor on a code's page: « back » then returns to that step first.
  const atStepRef = useRef(false);

  const navigate = useCallback((next: Route, requested: Intent) => {
    // Changing the date or tab of a page still loading from a followed link keeps it a new step.
    const intent = requested === 'replace' && intentRef.current === 'visit' && !atStepRef.current ? 'visit' : requested;
    intentRef.current = intent;
    atStepRef.current = intent === 'trail' || (intent === 'replace' && next.kind === 'article' && atStepRef.current);
    setRoute(next);
    setPanel('none');
    const location = formatRoute(next);
    if (window.location.hash !== location) window.history.replaceState(null, '', location);
  }, []);

  const updateTrail = useCallback((action: TrailAction) => {
    trailRef.current = trailReducer(trailRef.current, action);
    setTrail(trailRef.current);
  }, []);

  /** Back, forward, a step, a reopened trail: the trail moves and the page follows it. */
  const moveTrail = useCallback(
    (action: TrailAction) => {
      const onScreen = currentStep(trailRef.current);
      if (action.type === 'back' && !atStepRef.current && onScreen) {
        navigate(stepRoute(onScreen, today), 'trail');
        return;
      }
      const next = trailReducer(trailRef.current, action);
      if (next === trailRef.current) return;
      trailRef.current = next;
      setTrail(next);
      const step = currentStep(next);
      if (step) navigate(stepRoute(step, today), 'trail');
    },
    [navigate, today],
  );

  // Where the user left off, theme and text size; the host's notices (corrupt files kept aside).
  useEffect(() => {
    void api.getSession().then((result) => {
      if (result.ok) {
        const session = result.value;
        if (session.theme) setTheme(session.theme);
        if (session.textScale) setTextScale(session.textScale);
        if (!hasLocation() && session.location) navigate(parseRoute(session.location), 'visit');
      }
      setSessionReady(true);
    });
  }, [api, navigate]);

  // The host's notices (a corrupt file kept aside…), fetched at start and after each trail call
  // (the trails file is read on first use). Each is shown once, until dismissed.
  const dismissed = useRef(new Set<string>());
  const refreshNotices = useCallback(() => {
    void api.getNotices().then((result) => {
      if (result.ok) setNotices(result.value.filter((notice) => !dismissed.current.has(noticeKey(notice))));
    });
  }, [api]);
  useEffect(refreshNotices, [refreshNotices]);

  useEffect(() => {
    if (!sessionReady) return;
    // Sent at once (a small request): a window closed right after a click still reopens there.
    const location = route.kind === 'invalid' ? undefined : formatRoute(route);
    sessionSaver.save({ ...(location ? { location } : {}), theme, textScale });
  }, [sessionSaver, route, theme, textScale, sessionReady]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.style.setProperty('--text-scale', String(textScale));
  }, [textScale]);

  // A location typed or pasted by the user (or a deep link) is a new step.
  useEffect(() => {
    const onHashChange = () => navigate(parseRoute(window.location.hash), 'visit');
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [navigate]);

  useEffect(
    () =>
      installGlobalShortcuts({
        focusSearch: () => searchRef.current?.focus(),
        back: () => moveTrail({ type: 'back' }),
        forward: () => moveTrail({ type: 'forward' }),
      }),
    [moveTrail],
  );

  // Views other than an article count as painted at once: nothing heavy waits for them.
  useEffect(() => {
    if (sessionReady && (route.kind !== 'article' || corpus.status === 'failed')) library.firstPageDone();
  }, [library, sessionReady, route.kind, corpus.status]);

  // The search index loads in its worker once the first page is on screen.
  useEffect(() => {
    if (!corpusInfo) return;
    let worker: Worker | undefined;
    let live = true;
    void library.firstPagePainted.then(() => {
      if (!live) return;
      worker = new Worker(new URL('../search/search.worker.ts', import.meta.url), { type: 'module', name: 'recherche' });
      const searchClient = new SearchClient(worker, new URL(corpusInfo.baseUrl, document.baseURI).href);
      // Exposed for the tests and the benchmark: « loading », « ready », « complete », « failed »,
      // and whether the texts of the law in force are loaded.
      const show = () => {
        document.documentElement.dataset.searchIndex = searchClient.state;
        document.documentElement.dataset.searchTexts = searchClient.textsLoaded ? 'loaded' : 'loading';
      };
      show();
      searchClient.subscribe(show);
      setClient(searchClient);
    });
    return () => {
      live = false;
      worker?.terminate();
    };
  }, [library, corpusInfo]);

  // Once the search index is in, the tables of contents of every code are loaded in the background,
  // one after the other: choosing a code then shows its tree at once (the sécurité sociale's catalog
  // alone is 2.5 MB to fetch and index).
  useEffect(() => {
    if (!client || !corpusInfo) return;
    let live = true;
    const prefetch = async () => {
      for (const code of corpusInfo.manifest.codes) {
        if (!live) return;
        await library.codeIndex(code.id).catch(() => undefined);
      }
      if (live) performance.mark('palimpseste:tocs-preloaded');
    };
    if (client.state !== 'loading') void prefetch();
    else {
      const unsubscribe = client.subscribe(() => {
        unsubscribe();
        void prefetch();
      });
    }
    return () => {
      live = false;
    };
  }, [library, client, corpusInfo]);

  const routeCode = route.kind === 'article' || route.kind === 'code' || route.kind === 'changes' ? route.code : undefined;
  // The table of contents follows the page's code (not a code the corpus does not have).
  const knownCode = !!routeCode && (!corpusInfo || corpusInfo.manifest.codes.some((code) => code.id === routeCode));
  useEffect(() => {
    if (routeCode && knownCode) setTocCode(routeCode);
  }, [routeCode, knownCode]);

  const routeDate = route.kind === 'article' || route.kind === 'code' || route.kind === 'changes' ? route.date : undefined;
  const date: IsoDate = routeDate ?? today;

  const reader = useMemo<Reader>(() => {
    const titles = new Map((corpusInfo?.manifest.codes ?? []).map((code) => [code.id, code.title]));
    const toRoute = (target: ArticleTarget): Route => ({
      kind: 'article',
      code: target.code,
      num: target.num,
      tab: target.tab ?? 'texte',
      ...(target.id ? { id: target.id } : {}),
      ...(target.date && target.date !== today ? { date: target.date } : {}),
      ...(target.compare ? { compare: target.compare } : {}),
    });
    const changesRoute = (code: CodeId, day?: IsoDate): Route => ({
      kind: 'changes',
      code,
      ...(day ? { day } : {}),
      ...(date !== today ? { date } : {}),
    });
    return {
      library,
      ...(corpusInfo ? { corpus: corpusInfo } : {}),
      date,
      isToday: date === today,
      today,
      dataDate: corpusInfo ? corpusDataDate(corpusInfo.manifest) : today,
      openArticle: (target, intent = 'visit') => navigate(toRoute(target), intent),
      openCode: (code) => navigate({ kind: 'code', code, ...(date !== today ? { date } : {}) }, 'replace'),
      articleHref: (target) => formatRoute(toRoute(target)),
      codeTitle: (code) => titles.get(code) ?? code,
      openChanges: (code, day) => navigate(changesRoute(code, day), 'replace'),
      changesHref: (code, day) => formatRoute(changesRoute(code, day)),
      closePanel: () => setPanel('none'),
    };
  }, [library, corpusInfo, date, today, navigate]);

  const onShown = useCallback(
    (article: Article, shownDate: IsoDate) => {
      const intent = intentRef.current;
      // Later renders of the same page are not new steps.
      intentRef.current = 'trail';
      atStepRef.current = true;
      if (intent === 'trail') return;
      updateTrail({ type: intent, step: { article: article.id, num: article.num, code: article.code, date: shownDate } });
    },
    [updateTrail],
  );

  const onDate = (next: IsoDate | undefined) => {
    if (route.kind === 'article') navigate({ ...route, ...(next && next !== today ? { date: next } : { date: undefined }) }, 'replace');
    else if (route.kind === 'code')
      navigate({ kind: 'code', code: route.code, ...(next && next !== today ? { date: next } : {}) }, 'replace');
    else if (route.kind === 'changes')
      navigate({ ...route, ...(next && next !== today ? { date: next } : { date: undefined }) }, 'replace');
    else if (next && next !== today && tocCode) navigate({ kind: 'code', code: tocCode, date: next }, 'replace');
  };

  const saveTrail = async (name: string): Promise<string | undefined> => {
    const result = await api.saveTrail(trailToSave(trailRef.current, name, new Date(), newTrailId));
    if (!result.ok) return result.error.message;
    updateTrail({ type: 'saved', trail: result.value });
    return undefined;
  };

  const shownCode = tocCode ?? corpusInfo?.manifest.codes[0]?.id;
  const corpusFailed = corpus.status === 'failed';

  return (
    <ReaderContext.Provider value={reader}>
      <div className="app" data-panel={panel}>
        <TopBar
          ref={searchRef}
          client={client}
          date={date}
          isToday={date === today}
          onDate={onDate}
          theme={theme}
          onTheme={setTheme}
          textScale={textScale}
          onTextScale={setTextScale}
          panel={panel}
          onPanel={setPanel}
        />
        <TrailBar
          api={api}
          trail={trail}
          today={today}
          onBack={() => moveTrail({ type: 'back' })}
          onForward={() => moveTrail({ type: 'forward' })}
          onGo={(index) => moveTrail({ type: 'go', index })}
          onSave={saveTrail}
          onHostCall={refreshNotices}
          onOpen={(saved: Trail) => moveTrail({ type: 'open', trail: saved })}
        />
        {notices.length > 0 && (
          <div className="notices">
            {notices.map((notice, index) => (
              <Message key={index} title="À savoir" tone="warning">
                {notice.message}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    dismissed.current.add(noticeKey(notice));
                    setNotices(notices.filter((n) => n !== notice));
                  }}
                >
                  Fermer
                </button>
              </Message>
            ))}
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
                  <Message title={corpus.code === 'corpus-schema' ? 'Corpus d’une autre version' : 'Corpus indisponible'} tone="error">
                    {corpus.message}
                  </Message>
                </section>
              ) : !sessionReady || (corpus.status === 'loading' && route.kind !== 'article') ? (
                <section className="article-pane" aria-busy="true">
                  <p className="loading">Chargement…</p>
                </section>
              ) : route.kind === 'article' ? (
                <ArticlePage route={route} onShown={onShown} />
              ) : route.kind === 'code' ? (
                <CodeHome code={route.code} />
              ) : route.kind === 'changes' ? (
                <Suspense fallback={<p className="loading">Chargement des modifications…</p>}>
                  <ChangesPage code={route.code} {...(route.day ? { day: route.day } : {})} />
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
                <Home />
              )}
            </ErrorBoundary>
          </main>
        </div>
      </div>
    </ReaderContext.Provider>
  );
}

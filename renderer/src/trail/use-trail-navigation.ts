/**
 * Where the reader is and how they got there: the route on screen (the `#/…` location) and the
 * link trail. The trail is the source of truth for back and forward (Alt+←/→, mouse buttons), so
 * the location is updated with `history.replaceState` and never piles up browser history entries.
 *
 * A navigation says how it counts (`Intent`); the step itself is added once the article page
 * reports the article it shows (`shown`), with its id and the date actually read.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, IsoDate } from '../../../corpus/model/model.ts';
import type { PalimpsesteApi, TrailStep } from '../../../electron/common/api.ts';
import type { Intent } from '../reader/reader-context.ts';
import { formatRoute, parseRoute, type Route } from '../reader/route.ts';
import { currentStep, emptyTrail, trailReducer, trailToSave, type TrailAction, type TrailState } from './trail-state.ts';

export interface TrailNavigation {
  route: Route;
  trail: TrailState;
  /** Shows a route; `intent` says how it counts in the trail. Stable. */
  navigate(next: Route, intent: Intent): void;
  /** Back, forward, a step, a reopened trail: the trail moves and the page follows it. Stable. */
  move(action: TrailAction): void;
  /** Called by the article page with the article on screen and the date it is read at. Stable. */
  shown(article: Article, date: IsoDate): void;
  /** Saves the trail under a name (kept by the host); the French message of a failure. */
  save(name: string): Promise<string | undefined>;
}

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

function newTrailId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** `onNavigate` runs at each navigation (the shell closes its drawers); it must be stable. */
export function useTrailNavigation(api: PalimpsesteApi, today: IsoDate, onNavigate: () => void): TrailNavigation {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [trail, setTrail] = useState<TrailState>(emptyTrail);
  // The trail as of the last event: back and forward pressed twice within a render see both moves.
  const trailRef = useRef(trail);
  // How the page being shown counts, until the article page reports it (`shown`).
  const intentRef = useRef<Intent>('visit');
  // Whether the page on screen is the trail's current step. It is not while a followed link is
  // still loading, nor on a code's page: « back » then returns to that step first.
  const atStepRef = useRef(false);

  const navigate = useCallback(
    (next: Route, requested: Intent) => {
      // Changing the date or tab of a page still loading from a followed link keeps it a new step.
      const intent = requested === 'replace' && intentRef.current === 'visit' && !atStepRef.current ? 'visit' : requested;
      intentRef.current = intent;
      atStepRef.current = intent === 'trail' || (intent === 'replace' && next.kind === 'article' && atStepRef.current);
      setRoute(next);
      onNavigate();
      const location = formatRoute(next);
      if (window.location.hash !== location) window.history.replaceState(null, '', location);
    },
    [onNavigate],
  );

  const update = useCallback((action: TrailAction) => {
    trailRef.current = trailReducer(trailRef.current, action);
    setTrail(trailRef.current);
  }, []);

  const move = useCallback(
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

  const shown = useCallback(
    (article: Article, shownDate: IsoDate) => {
      const intent = intentRef.current;
      // Later renders of the same page are not new steps.
      intentRef.current = 'trail';
      atStepRef.current = true;
      if (intent === 'trail') return;
      update({ type: intent, step: { article: article.id, num: article.num, code: article.code, date: shownDate } });
    },
    [update],
  );

  const save = useCallback(
    async (name: string): Promise<string | undefined> => {
      const result = await api.saveTrail(trailToSave(trailRef.current, name, new Date(), newTrailId));
      if (!result.ok) return result.error.message;
      update({ type: 'saved', trail: result.value });
      return undefined;
    },
    [api, update],
  );

  // A location typed or pasted by the user (or a deep link) is a new step.
  useEffect(() => {
    const onHashChange = () => navigate(parseRoute(window.location.hash), 'visit');
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [navigate]);

  return { route, trail, navigate, move, shown, save };
}

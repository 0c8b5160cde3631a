/**
 * The session kept by the host: where the user left off, the theme, the text size and the last
 * articles read (`recent-articles.ts`; the host's durable store keeps them with the rest). Restored
 * once at start (a location in the address wins over the saved one), saved at each change, and
 * the theme and text size applied to the whole document.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PalimpsesteApi, TrailStep } from '../../../electron/common/api.ts';
import type { Intent } from '../reader/reader-context.ts';
import { formatRoute, parseRoute, type Route } from '../reader/route.ts';
import { withRecent } from './recent-articles.ts';
import { SessionSaver } from './session-saver.ts';

export type Theme = 'light' | 'dark';

export interface Session {
  /** The saved session has been read (or there was a location to show): the page may be drawn. */
  ready: boolean;
  theme: Theme;
  setTheme(theme: Theme): void;
  textScale: number;
  setTextScale(scale: number): void;
  /** The last articles read, at their dates, the most recent first. */
  recent: readonly TrailStep[];
  /** An article was shown at a date. Stable. */
  addRecent(step: TrailStep): void;
}

function initialTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Whether the address names a page (a deep link, a reload): it is shown rather than the saved location. */
function hasLocation(): boolean {
  return window.location.hash.length > 2;
}

export function useSession(api: PalimpsesteApi, route: Route, navigate: (route: Route, intent: Intent) => void): Session {
  const [ready, setReady] = useState(hasLocation);
  const [theme, setThemeState] = useState<Theme>(initialTheme);
  const [textScale, setTextScaleState] = useState(1);
  const [recent, setRecent] = useState<readonly TrailStep[]>([]);
  const saver = useMemo(() => new SessionSaver((state) => api.setSession(state)), [api]);

  useEffect(() => {
    void api.getSession().then((result) => {
      if (result.ok) {
        const session = result.value;
        if (session.theme) setThemeState(session.theme);
        if (session.textScale) setTextScaleState(session.textScale);
        // An article shown before the session was read (a deep link) stays first.
        const saved = session.recent ?? [];
        if (saved.length > 0) setRecent((shown) => shown.reduceRight<TrailStep[]>((list, step) => withRecent(list, step), [...saved]));
        if (!hasLocation() && session.location) navigate(parseRoute(session.location), 'visit');
      }
      setReady(true);
    });
  }, [api, navigate]);

  useEffect(() => {
    if (!ready) return;
    // Sent at once (a small request): a window closed right after a click still reopens there.
    const location = route.kind === 'invalid' ? undefined : formatRoute(route);
    saver.save({ ...(location ? { location } : {}), theme, textScale, recent: [...recent] });
  }, [saver, route, theme, textScale, recent, ready]);

  const addRecent = useCallback((step: TrailStep) => setRecent((list) => withRecent(list, step)), []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.style.setProperty('--text-scale', String(textScale));
  }, [textScale]);

  return { ready, theme, setTheme: setThemeState, textScale, setTextScale: setTextScaleState, recent, addRecent };
}

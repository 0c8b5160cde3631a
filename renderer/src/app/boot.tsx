/** Renders the app: React and every view, loaded by the entry point once the first requests are out. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PalimpsesteApi } from '../../../electron/common/api.ts';
import type { Library } from '../data/library.ts';
import { PrintView } from '../print/PrintView.tsx';
import { parseRoute } from '../reader/route.ts';
import { App } from './App.tsx';

export function boot(root: HTMLElement, api: PalimpsesteApi, library: Library): void {
  // A print view is a document of its own (a hidden window, a tab the browser prints): no app
  // around it, no session or trail touched by it.
  const route = parseRoute(window.location.hash);
  const printing = route.kind === 'print';
  // A print view is laid out once for its request: another location (another print view, or the
  // app) is a new document.
  window.addEventListener('hashchange', () => {
    if (printing || parseRoute(window.location.hash).kind === 'print') window.location.reload();
  });
  createRoot(root).render(
    <StrictMode>
      {route.kind === 'print' ? <PrintView api={api} library={library} request={route.request} /> : <App api={api} library={library} />}
    </StrictMode>,
  );
}

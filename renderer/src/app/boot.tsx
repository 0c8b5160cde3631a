/** Renders the app: React and every view, loaded by the entry point once the first requests are out. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PalimpsesteApi } from '../../../electron/common/api.ts';
import type { Library } from '../data/library.ts';
import { App } from './App.tsx';

export function boot(root: HTMLElement, api: PalimpsesteApi, library: Library): void {
  createRoot(root).render(
    <StrictMode>
      <App api={api} library={library} />
    </StrictMode>,
  );
}

/**
 * Entry point of the reader. It is kept small on purpose: it picks the API transport, starts the
 * requests of the first page (the corpus description, the article of a deep link), and only then
 * loads React and the views (`boot.tsx`, a separate chunk), so both happen at the same time.
 */
import { pickApi } from './api/client.ts';
import { parseRoute } from './reader/route.ts';
import { Library } from './data/library.ts';
import { todayIso } from './dates/french-dates.ts';
import './styles/app.css';

const api = pickApi();
const library = new Library(api);
const route = parseRoute(window.location.hash);
library.preload(route.kind === 'article' && !route.id ? { code: route.code, num: route.num, date: route.date ?? todayIso() } : undefined);

const root = document.getElementById('root');
if (root) {
  const { boot } = await import('./app/boot.tsx');
  boot(root, api, library);
}

/**
 * A code's table of correspondence (`#/code-du-travail/correspondance`): every former article with
 * the new ones that take it up, or the other way round, filtered by number, each number a link.
 * The filter is kept in the location (`?q=`), so the page can be bookmarked and the trail goes back
 * to it as it was.
 */
import { useMemo, useState } from 'react';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { CorrespondencePair } from '../../../corpus/model/correspondence.ts';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import type { ArticleId, CodeId } from '../../../corpus/model/model.ts';
import { unwrap } from '../api/client.ts';
import { formatDate } from '../dates/french-dates.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatRoute } from '../reader/route.ts';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { correspondenceRows, type Direction } from './correspondence-rows.ts';
import { dayBefore } from './reading-dates.ts';
import './correspondence.css';

/** Rows drawn at first; more on demand (a code has thousands). */
const PAGE = 200;

interface Loaded {
  pairs: CorrespondencePair[];
  catalog: Map<ArticleId, ArticleCatalogEntry>;
}

export function CorrespondencePage({ code, filter = '' }: { code: CodeId; filter?: string }) {
  const reader = useReader();
  const state = useAsync<Loaded>(async () => {
    const [pairs, index] = await Promise.all([reader.library.api.getCorrespondence(code).then(unwrap), reader.library.codeIndex(code)]);
    return { pairs, catalog: index.catalog };
  }, [reader.library, code]);
  const [direction, setDirection] = useState<Direction>('old-to-new');
  const [typed, setTyped] = useState(filter);
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () => (state.status === 'done' ? correspondenceRows(state.value.pairs, direction, typed) : []),
    [state, direction, typed],
  );
  const title = reader.codeTitle(code);

  const changeFilter = (value: string) => {
    setTyped(value);
    setShown(PAGE);
    // The location keeps the filter without adding a step to the trail for each key.
    const location = formatRoute({ kind: 'correspondence', code, ...(value.trim() ? { filter: value.trim() } : {}) });
    window.history.replaceState(window.history.state, '', location);
  };

  return (
    <section className="article-pane correspondence-page" aria-labelledby="correspondence-title" aria-busy={state.status === 'loading'}>
      <h1 id="correspondence-title">Table de correspondance</h1>
      <p className="lead">
        {title} : anciens et nouveaux numéros, tels que les listes « Anciens textes » et « Nouveaux textes » des sources les donnent.
      </p>
      {state.status === 'loading' ? (
        <p className="loading">Chargement de la table de correspondance…</p>
      ) : state.status === 'failed' ? (
        <Message title="Table de correspondance indisponible" tone="error">
          {state.message}
        </Message>
      ) : state.value.pairs.length === 0 ? (
        <Message title="Aucune correspondance" tone="info">
          Les sources ne donnent aucun ancien ni nouveau numéro pour les articles du {title}.
        </Message>
      ) : (
        <>
          <form className="correspondence-controls" role="search" onSubmit={(event) => event.preventDefault()}>
            <fieldset>
              <legend>Sens</legend>
              <label>
                <input type="radio" name="direction" checked={direction === 'old-to-new'} onChange={() => setDirection('old-to-new')} />{' '}
                Ancien → nouveau
              </label>
              <label>
                <input type="radio" name="direction" checked={direction === 'new-to-old'} onChange={() => setDirection('new-to-old')} />{' '}
                Nouveau → ancien
              </label>
            </fieldset>
            <label className="correspondence-filter">
              Numéro{' '}
              <input
                type="search"
                value={typed}
                placeholder="L. 122-14-3, 1232…"
                aria-describedby="correspondence-count"
                onChange={(event) => changeFilter(event.target.value)}
              />
            </label>
          </form>
          <p id="correspondence-count" className="correspondence-count" aria-live="polite">
            {rows.length === 0
              ? `Aucun article ne correspond à « ${typed.trim()} ».`
              : `${rows.length.toLocaleString('fr-FR')} ${rows.length > 1 ? 'articles' : 'article'}${typed.trim() ? ` pour « ${typed.trim()} »` : ''}`}
          </p>
          {rows.length > 0 && (
            <table className="correspondence-table">
              <thead>
                <tr>
                  <th scope="col">{direction === 'old-to-new' ? 'Ancien article' : 'Nouvel article'}</th>
                  <th scope="col">{direction === 'old-to-new' ? 'Nouveaux articles' : 'Anciens articles (parties reprises)'}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, shown).map((row) => (
                  <tr key={row.from.id}>
                    <th scope="row">
                      <NumberLink id={row.from.id} num={row.from.num} catalog={state.value.catalog} />
                    </th>
                    <td>
                      {row.to.map((to, i) => (
                        <span key={to.id}>
                          {i > 0 && ', '}
                          <NumberLink id={to.id} num={to.num} catalog={state.value.catalog} />
                          {to.parts && to.parts.length > 0 && direction === 'new-to-old' && ` (${to.parts.join(' ; ')})`}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {rows.length > shown && (
            <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
              Afficher {Math.min(PAGE, rows.length - shown)} de plus ({(rows.length - shown).toLocaleString('fr-FR')} restants)
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** An article of the table: a former one opens on its last day in force, any other as of today. */
function NumberLink({ id, num, catalog }: { id: ArticleId; num: string; catalog: Map<ArticleId, ArticleCatalogEntry> }) {
  const reader = useReader();
  const to = catalog.get(id)?.to;
  const target = { code: codeOfArticleId(id), num, id, ...(to ? { date: dayBefore(to) } : {}) };
  return (
    <a
      className="reference"
      href={reader.articleHref(target)}
      title={to ? `Article ${num}, dernière version (en vigueur jusqu’au ${formatDate(dayBefore(to))})` : `Article ${num}`}
      onClick={(event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        reader.openArticle(target, 'visit');
      }}
    >
      {num}
    </a>
  );
}

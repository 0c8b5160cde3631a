/**
 * A code's change sets: the list of its change dates (`#/code/modifications`), filterable by part
 * and by amending text, and the page of one date (`#/code/modifications/2006-01-28`), « Modifications
 * du 28 janvier 2006 »: the amending texts, then the articles created, modified and repealed, each
 * with its redline on demand. Only the change sets and the catalog (for the article numbers) are
 * loaded to list them; articles are fetched when opened.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { ArticleId, ChangeSet, CodeId, IsoDate } from '../../../corpus/model/model.ts';
import { groupBy } from '../../../corpus/util/group-by.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { ChangeSetArticle, type ChangeRole } from './ChangeSetArticle.tsx';
import { changeSetOn, changeSetsOf } from './change-sets.ts';
import { CODE_PARTS, foldForFilter, partOfNumber, type CodePart } from './code-parts.ts';
import { groupAmendingTexts } from '../citation/amending-texts.ts';
import { changeSetCounts, changeSetSentence } from './change-set-summary.ts';
import { count } from './french-counts.ts';
import './versions.css';

interface Loaded {
  sets: ChangeSet[];
  catalog: Map<ArticleId, ArticleCatalogEntry>;
}

function useChangeData(code: CodeId) {
  const { library } = useReader();
  return useAsync<Loaded>(async () => {
    const [sets, index] = await Promise.all([changeSetsOf(library, code), library.codeIndex(code)]);
    return { sets, catalog: index.catalog };
  }, [library, code]);
}

export function ChangesPage({ code, day }: { code: CodeId; day?: IsoDate }) {
  const reader = useReader();
  const state = useChangeData(code);
  const title = reader.codeTitle(code);
  return (
    <section className="article-pane changes-page" aria-labelledby="changes-title" aria-busy={state.status === 'loading'}>
      {state.status === 'loading' ? (
        <>
          <h1 id="changes-title">{day ? `Modifications du ${formatDate(day)}` : 'Modifications du code'}</h1>
          <p className="loading">Chargement des modifications du {title}…</p>
        </>
      ) : state.status === 'failed' ? (
        <>
          <h1 id="changes-title">Modifications</h1>
          <Message title="Modifications indisponibles" tone="error">
            {state.message}
          </Message>
        </>
      ) : day ? (
        <ChangeSetView code={code} day={day} data={state.value} />
      ) : (
        <ChangeDatesView code={code} data={state.value} />
      )}
    </section>
  );
}

function ChangesLink({ code, day, children }: { code: CodeId; day?: IsoDate; children: ReactNode }) {
  const reader = useReader();
  return (
    <a
      href={reader.changesHref(code, day)}
      onClick={(event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        reader.openChanges(code, day);
      }}
    >
      {children}
    </a>
  );
}

/** Amending texts listed before the rest is folded (a change set can name two dozen). */
const SHOWN_TEXTS = 6;

const ROLES: readonly { role: ChangeRole; title: string; key: 'created' | 'modified' | 'repealed' }[] = [
  { role: 'created', title: 'Articles créés', key: 'created' },
  { role: 'modified', title: 'Articles modifiés', key: 'modified' },
  { role: 'repealed', title: 'Articles abrogés ou transférés', key: 'repealed' },
];

function ChangeSetView({ code, day, data }: { code: CodeId; day: IsoDate; data: Loaded }) {
  const reader = useReader();
  const { set, previous, next } = changeSetOn(data.sets, day);
  useEffect(() => {
    requestAnimationFrame(() =>
      performance.mark('palimpseste:changeset-listed', {
        detail: { code, day, articles: set ? set.created.length + set.modified.length + set.repealed.length : 0 },
      }),
    );
  }, [code, day, set]);
  if (!set) {
    return (
      <>
        <h1 id="changes-title">Modifications du {formatDate(day)}</h1>
        <Message title="Pas de version consolidée à cette date" tone="warning">
          Le {reader.codeTitle(code)} n’a pas de version consolidée au {formatDate(day)} dans le corpus.{' '}
          <ChangesLink code={code}>Voir toutes les dates de modification</ChangesLink>
        </Message>
      </>
    );
  }
  // One line per amending text, with its articles, as a lawyer writes it (the source lists a décret once per item).
  const texts = groupAmendingTexts(set.amendingTexts);
  return (
    <>
      <header className="changes-header">
        <p className="article-code">{reader.codeTitle(code)}</p>
        <h1 id="changes-title">Modifications du {formatDate(day)}</h1>
        <nav className="changes-nav" aria-label="Autres dates">
          {previous ? (
            <ChangesLink code={code} day={previous.date}>
              ← {formatDate(previous.date)}
            </ChangesLink>
          ) : (
            <span />
          )}
          <ChangesLink code={code}>Toutes les dates</ChangesLink>
          {next ? (
            <ChangesLink code={code} day={next.date}>
              {formatDate(next.date)} →
            </ChangesLink>
          ) : (
            <span />
          )}
        </nav>
        <p className="changes-counts">{changeSetSentence(set)}</p>
      </header>

      <section className="amending-texts" aria-labelledby="amending-title">
        <h2 id="amending-title">Textes à l’origine des modifications</h2>
        {texts.length === 0 ? (
          <p className="empty">La source ne nomme aucun texte pour cette version.</p>
        ) : (
          <>
            <ul>
              {texts.slice(0, SHOWN_TEXTS).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
            {texts.length > SHOWN_TEXTS && (
              <details>
                <summary>{count(texts.length - SHOWN_TEXTS, 'autre texte', 'autres textes')}</summary>
                <ul>
                  {texts.slice(SHOWN_TEXTS).map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </section>

      {ROLES.map(({ role, title, key }) =>
        set[key].length === 0 ? null : (
          <section key={role} className="changeset-group" aria-labelledby={`group-${role}`}>
            <h2 id={`group-${role}`}>
              {title} ({set[key].length})
            </h2>
            <ul className="changeset-articles">
              {set[key].map((id) => {
                const entry = data.catalog.get(id);
                return <ChangeSetArticle key={id} id={id} role={role} day={day} {...(entry ? { entry } : {})} />;
              })}
            </ul>
          </section>
        ),
      )}
      {set.unplaced && set.unplaced.length > 0 && (
        <p className="changes-unplaced">Articles cités par la source mais absents du corpus : {set.unplaced.join(', ')}.</p>
      )}
    </>
  );
}

interface DateRow {
  set: ChangeSet;
  parts: Set<CodePart>;
  texts: string;
  /** The amending texts, one line each, as a lawyer writes them. */
  lines: string[];
}

function ChangeDatesView({ code, data }: { code: CodeId; data: Loaded }) {
  const reader = useReader();
  const [parts, setParts] = useState<ReadonlySet<CodePart>>(() => new Set(CODE_PARTS.map((p) => p.part)));
  const [text, setText] = useState('');
  const rows = useMemo<DateRow[]>(
    () =>
      data.sets.map((set) => {
        const lines = groupAmendingTexts(set.amendingTexts);
        return {
          set,
          parts: new Set([...set.created, ...set.modified, ...set.repealed].map((id) => partOfNumber(data.catalog.get(id)?.num ?? ''))),
          // Both spellings match the filter: the source's « n°2006-83 » and the written « n° 2006-83 ».
          texts: foldForFilter([...set.amendingTexts, ...lines].join('\n')),
          lines,
        };
      }),
    [data],
  );
  const needle = foldForFilter(text.trim());
  const allParts = parts.size === CODE_PARTS.length;
  const shown = rows.filter((row) => (allParts || [...row.parts].some((p) => parts.has(p))) && (!needle || row.texts.includes(needle)));
  const years = groupBy([...shown].reverse(), (row) => row.set.date.slice(0, 4));
  const togglePart = (part: CodePart) =>
    setParts((previous) => {
      const nextParts = new Set(previous);
      if (nextParts.has(part)) nextParts.delete(part);
      else nextParts.add(part);
      return nextParts;
    });

  return (
    <>
      <header className="changes-header">
        <p className="article-code">{reader.codeTitle(code)}</p>
        <h1 id="changes-title">Modifications du code</h1>
        <p className="lead">
          {count(data.sets.length, 'version consolidée', 'versions consolidées')}, de la plus récente à la plus ancienne. Chaque date ouvre
          la liste des articles créés, modifiés et abrogés ce jour-là.
        </p>
      </header>
      <div className="changes-filters" role="search" aria-label="Filtrer les dates de modification">
        <fieldset>
          <legend>Parties</legend>
          {CODE_PARTS.map(({ part, label }) => (
            <label key={part}>
              <input type="checkbox" checked={parts.has(part)} onChange={() => togglePart(part)} /> {label}
            </label>
          ))}
        </fieldset>
        <label className="text-filter">
          Texte modificatif
          <input
            type="search"
            value={text}
            placeholder="ex. Décret n°2006-83, ordonnance, 2005-1528"
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <p className="changes-shown" aria-live="polite">
          {count(shown.length, 'date affichée', 'dates affichées')}
        </p>
      </div>
      {[...years].map(([year, list]) => (
        <section key={year} className="changes-year" aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{year}</h2>
          <ul className="change-dates">
            {list.map(({ set, lines }) => (
              <li key={set.date}>
                <ChangesLink code={code} day={set.date}>
                  {formatDate(set.date)}
                </ChangesLink>
                <span className="change-date-counts"> — {changeSetCounts(set)}</span>
                {lines[0] && (
                  <span className="change-date-text">
                    {' '}
                    — {lines[0]}
                    {lines.length > 1 ? ` (+${lines.length - 1})` : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * The timeline of an article's versions, newest first: validity range, status, the text that
 * brought each one, whether it changed the text (or only the links on some dates), and whether its
 * text is in the corpus. One version chosen: read it; two: compare them. Each version can also be
 * compared with the one before it, and the first with the last in one click.
 */
import { useEffect, useState } from 'react';
import type { Article, IsoDate } from '../../../corpus/model/model.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { statusLabel } from '../article/status-label.ts';
import { writeAmendingText } from '../citation/amending-texts.ts';
import { count } from './french-counts.ts';
import { timelineOf, type TimelineEntry } from './timeline.ts';
import type { CompareView } from '../reader/versions-route.ts';

interface Props {
  article: Article;
  /** The version in force on the session's date (highlighted), or -1. */
  readIndex: number;
  onCompare: (from: IsoDate, to: IsoDate, view: CompareView) => void;
  onRead: (from: IsoDate) => void;
  readHref: (from: IsoDate) => string;
  /** The code's change dates: a version that began on one links to « Modifications du … ». */
  changeDates: ReadonlySet<IsoDate>;
  changesHref: (day: IsoDate) => string;
  onChanges: (day: IsoDate) => void;
}

/** Statuses of a last version that ended without a successor: its end date is the repeal's. */
const ENDED = new Set(['ABROGE', 'TRANSFERE', 'PERIME']);

function changeLabel(entry: TimelineEntry): string {
  if (entry.textUnavailable) return 'Texte non disponible dans le corpus';
  switch (entry.change) {
    case 'creation':
      return 'Création';
    case 'text':
      return 'Texte modifié';
    case 'unknown':
      return 'Texte de la version précédente non disponible';
  }
}

export function Timeline({ article, readIndex, onCompare, onRead, readHref, changeDates, changesHref, onChanges }: Props) {
  const reader = useReader();
  const entries = timelineOf(article);
  useEffect(() => {
    // The first page of a session may be this one: the table of contents and search wait for it.
    requestAnimationFrame(() => reader.library.firstPageDone());
  }, [reader.library]);
  // Chosen versions, oldest choice first; a third choice replaces the oldest.
  const [chosen, setChosen] = useState<number[]>([]);
  const toggle = (index: number) =>
    setChosen((list) => (list.includes(index) ? list.filter((i) => i !== index) : [...list, index].slice(-2)));
  const pair = [...chosen].sort((a, b) => a - b);
  const first = entries.find((e) => !e.textUnavailable);
  const last = [...entries].reverse().find((e) => !e.textUnavailable);
  const compareChosen = (view: CompareView) => {
    const [a, b] = pair;
    if (a !== undefined && b !== undefined) onCompare(entries[a]!.from, entries[b]!.from, view);
  };

  return (
    <div className="versions-timeline">
      <div className="timeline-bar" role="toolbar" aria-label="Choix des versions">
        <p className="timeline-help">
          {count(entries.length, 'version')}.{' '}
          {chosen.length === 0
            ? 'Cochez une version pour la lire, deux pour les comparer.'
            : chosen.length === 1
              ? `${formatDate(entries[chosen[0]!]!.from)} choisie : lisez-la, ou cochez-en une deuxième.`
              : `Comparer la version du ${formatDate(entries[pair[0]!]!.from)} et celle du ${formatDate(entries[pair[1]!]!.from)} :`}
        </p>
        {chosen.length === 1 && (
          <button type="button" onClick={() => onRead(entries[chosen[0]!]!.from)}>
            Lire cette version
          </button>
        )}
        {chosen.length === 2 && (
          <>
            <button type="button" className="primary" onClick={() => compareChosen('cote-a-cote')}>
              Côte à côte
            </button>
            <button type="button" onClick={() => compareChosen('redline')}>
              Redline
            </button>
          </>
        )}
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={() => setChosen([])}>
            Effacer le choix
          </button>
        )}
        {chosen.length === 0 && first && last && first !== last && (
          <button type="button" className="compare-first-last" onClick={() => onCompare(first.from, last.from, 'cote-a-cote')}>
            Comparer la première et la dernière
          </button>
        )}
      </div>

      <ol className="timeline" aria-label={`Versions de l’article ${article.num}, de la plus récente à la plus ancienne`}>
        {[...entries].reverse().map((entry) => {
          const isRead = entry.index === readIndex;
          const isChosen = chosen.includes(entry.index);
          const previous = entries[entry.index - 1];
          // The last earlier version whose text is known (legi-data knows some versions by their dates only).
          const previousText = entries
            .slice(0, entry.index)
            .reverse()
            .find((e) => !e.textUnavailable);
          const checkboxId = `version-${entry.index}`;
          return (
            <li
              key={entry.from + entry.index}
              className={`timeline-item${isRead ? ' is-read' : ''}${isChosen ? ' is-chosen' : ''}${entry.textUnavailable ? ' no-text' : ''}`}
              aria-current={isRead ? 'true' : undefined}
            >
              <input id={checkboxId} type="checkbox" className="timeline-pick" checked={isChosen} onChange={() => toggle(entry.index)} />
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-body">
                <label htmlFor={checkboxId} className="timeline-dates">
                  <strong>{formatDate(entry.from)}</strong>
                  {entry.to ? ` → ${formatDate(entry.to)}` : entry.from > reader.today ? ' (à venir)' : ' → aujourd’hui'}
                </label>
                <p className="timeline-tags">
                  <span className={`status status-${entry.status}`}>
                    {statusLabel(entry.status)}
                    {entry.to && ENDED.has(entry.status) ? ` le ${formatDate(entry.to)}` : ''}
                  </span>
                  <span className={`change-tag change-${entry.textUnavailable ? 'missing' : entry.change}`}>{changeLabel(entry)}</span>
                  {isRead && (
                    <span className="read-tag">
                      {reader.isToday ? 'En vigueur aujourd’hui' : `En vigueur le ${formatDate(reader.date)}`}
                    </span>
                  )}
                </p>
                {entry.version.amendedBy && (
                  <p className="timeline-amended">
                    {entry.index === 0 ? 'Créé par' : 'Modifié par'} : {writeAmendingText(entry.version.amendedBy)}
                  </p>
                )}
                {entry.linkOnlyChanges.length > 0 && (
                  <p className="timeline-links-only">
                    Liens seuls modifiés (texte inchangé) le {entry.linkOnlyChanges.map(formatDate).join(', le ')}
                  </p>
                )}
                <p className="timeline-actions">
                  <a
                    href={readHref(entry.from)}
                    onClick={(event) => {
                      event.preventDefault();
                      onRead(entry.from);
                    }}
                  >
                    Lire
                  </a>
                  {previousText && !entry.textUnavailable && (
                    <button type="button" className="link-button" onClick={() => onCompare(previousText.from, entry.from, 'cote-a-cote')}>
                      {previousText === previous
                        ? 'Comparer avec la précédente'
                        : `Comparer avec le texte du ${formatDate(previousText.from)}`}
                    </button>
                  )}
                  {changeDates.has(entry.from) && (
                    <a
                      href={changesHref(entry.from)}
                      onClick={(event) => {
                        event.preventDefault();
                        onChanges(entry.from);
                      }}
                    >
                      Modifications du code ce jour-là
                    </a>
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

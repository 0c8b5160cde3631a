/**
 * A French date entry that does not depend on the browser's locale (the browser's own date control
 * writes « 12/01/2026 » for 1 December 2026 in an American locale). The reader types jj/mm/aaaa —
 * or « 1er janvier 1990 », « 1/1/90 », « 2006-01-28 » (`dates/date-entry.ts`) — or picks a day in
 * the calendar. Keyboard: Entrée applies, Échap restores, ↑ ↓ a day, Pg↑ Pg↓ a month (with Maj, a
 * year); in the calendar the arrows move by day and week, Entrée picks, Échap closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { IsoDate } from '../../../corpus/model/model.ts';
import { addDays, addMonths, clampDate, monthGrid, numericDate, parseDateEntry } from '../dates/date-entry.ts';
import { formatDate, todayIso } from '../dates/french-dates.ts';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = [
  ['lun.', 'lundi'],
  ['mar.', 'mardi'],
  ['mer.', 'mercredi'],
  ['jeu.', 'jeudi'],
  ['ven.', 'vendredi'],
  ['sam.', 'samedi'],
  ['dim.', 'dimanche'],
] as const;

type Props = {
  id: string;
  /** The field's accessible description, beside the visible label. */
  describedBy?: string;
} & (
  | { value: IsoDate; onChange: (date: IsoDate) => void; optional?: false }
  /** A filter that may be left empty (« en vigueur le … » of the results page): emptied, it gives undefined. */
  | { value: IsoDate | undefined; onChange: (date: IsoDate | undefined) => void; optional: true }
);

/** The key moves of the field and of the calendar: a day, a week, a month, a year. */
function keyMove(event: KeyboardEvent, date: IsoDate, inGrid: boolean): IsoDate | undefined {
  switch (event.key) {
    case 'ArrowUp':
      return inGrid ? addDays(date, -7) : addDays(date, 1);
    case 'ArrowDown':
      return inGrid ? addDays(date, 7) : addDays(date, -1);
    case 'ArrowLeft':
      return inGrid ? addDays(date, -1) : undefined;
    case 'ArrowRight':
      return inGrid ? addDays(date, 1) : undefined;
    case 'PageUp':
      return addMonths(date, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(date, event.shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}

export function DateField(props: Props) {
  const { id, value: chosen, describedBy } = props;
  // The calendar and the keys start from the chosen date, or from today when the field is empty.
  const value = chosen ?? todayIso();
  const shown = chosen ? numericDate(chosen) : '';
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string>();
  const [calendar, setCalendar] = useState<IsoDate>();
  const inputRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const errorId = useId();

  // Another date from outside (a link, « Aujourd'hui », back): the field shows it.
  useEffect(() => {
    setDraft(shown);
    setError(undefined);
  }, [shown]);

  // The focused day of the calendar follows the keyboard.
  useEffect(() => {
    if (calendar) gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${calendar}"]`)?.focus();
  }, [calendar]);

  // A click outside closes the calendar.
  useEffect(() => {
    if (!calendar) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setCalendar(undefined);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [calendar]);

  const apply = (date: IsoDate) => {
    const next = clampDate(date);
    setDraft(numericDate(next));
    setError(undefined);
    if (next !== chosen) props.onChange(next);
  };

  const commit = () => {
    if (draft.trim() === shown) {
      setError(undefined);
      return;
    }
    if (props.optional && draft.trim() === '') {
      setError(undefined);
      props.onChange(undefined);
      return;
    }
    const entry = parseDateEntry(draft);
    if (entry.ok) apply(entry.date);
    else setError(entry.message);
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
      return;
    }
    if (event.key === 'Escape' && (error || draft !== shown)) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(shown);
      setError(undefined);
      return;
    }
    const typed = parseDateEntry(draft);
    const moved = keyMove(event, typed.ok ? typed.date : value, false);
    if (moved) {
      event.preventDefault();
      apply(moved);
    }
  };

  const pick = (date: IsoDate) => {
    setCalendar(undefined);
    apply(date);
    inputRef.current?.focus();
  };

  const onGridKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!calendar) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setCalendar(undefined);
      inputRef.current?.focus();
      return;
    }
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const weekday = (new Date(`${calendar}T00:00:00Z`).getUTCDay() + 6) % 7;
      setCalendar(clampDate(addDays(calendar, event.key === 'Home' ? -weekday : 6 - weekday)));
      return;
    }
    const moved = keyMove(event, calendar, true);
    if (moved) {
      event.preventDefault();
      setCalendar(clampDate(moved));
    }
  };

  const shownMonth = calendar ?? value;
  const month = Number(shownMonth.slice(5, 7));
  const year = shownMonth.slice(0, 4);

  return (
    <div className="date-field" ref={rootRef}>
      <input
        ref={inputRef}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={10}
        placeholder="jj/mm/aaaa"
        value={draft}
        title={`${chosen ? `${formatDate(chosen)} — ` : ''}jj/mm/aaaa, ou « 1er janvier 1990 » ; ↑ ↓ un jour, Pg↑ Pg↓ un mois`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onInputKey}
      />
      <button
        type="button"
        className="date-calendar-toggle"
        aria-label="Choisir la date dans le calendrier"
        aria-expanded={!!calendar}
        title="Calendrier"
        onClick={() => setCalendar(calendar ? undefined : value)}
      >
        <span aria-hidden="true">▦</span>
      </button>
      {error && (
        <p id={errorId} className="date-error" role="alert">
          {error}
        </p>
      )}
      {calendar && (
        <div className="date-calendar" role="dialog" aria-label="Calendrier">
          <div className="date-calendar-head">
            <button type="button" aria-label="Mois précédent" onClick={() => setCalendar(clampDate(addMonths(calendar, -1)))}>
              ‹
            </button>
            <span className="date-calendar-month" aria-live="polite">
              {MONTHS[month - 1]} {year}
            </span>
            <button type="button" aria-label="Mois suivant" onClick={() => setCalendar(clampDate(addMonths(calendar, 1)))}>
              ›
            </button>
          </div>
          <table ref={gridRef} role="grid" aria-label={`${MONTHS[month - 1]} ${year}`} onKeyDown={onGridKey}>
            <thead>
              <tr>
                {WEEKDAYS.map(([short, long]) => (
                  <th key={short} scope="col" abbr={long}>
                    {short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthGrid(calendar).map((week) => (
                <tr key={week[0]}>
                  {week.map((day) => (
                    <td key={day} aria-selected={day === chosen}>
                      <button
                        type="button"
                        data-date={day}
                        tabIndex={day === calendar ? 0 : -1}
                        className={`${day.slice(0, 7) === calendar.slice(0, 7) ? '' : 'other-month'}${day === chosen ? ' chosen' : ''}`}
                        aria-label={formatDate(day)}
                        aria-current={day === chosen ? 'date' : undefined}
                        onClick={() => pick(day)}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            pick(day);
                          }
                        }}
                      >
                        {Number(day.slice(8))}
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/**
 * The top bar: the search box, the date being read (a French date entry, `ui/DateField.tsx`;
 * « Aujourd'hui » resets it), the
 * theme, the text size, and on narrow screens the buttons that show the side panels.
 */
import { forwardRef } from 'react';
import type { IsoDate } from '../../../corpus/model/model.ts';
import type { SearchClient } from '../search/search-client.ts';
import { SearchBox, type SearchBoxHandle } from '../search/SearchBox.tsx';
import { DateField } from '../ui/DateField.tsx';

export type Panel = 'none' | 'toc' | 'links';

interface Props {
  client: SearchClient | undefined;
  date: IsoDate;
  isToday: boolean;
  onDate: (date: IsoDate | undefined) => void;
  theme: 'light' | 'dark';
  onTheme: (theme: 'light' | 'dark') => void;
  textScale: number;
  onTextScale: (scale: number) => void;
  panel: Panel;
  onPanel: (panel: Panel) => void;
  onHelp: () => void;
}

export const TEXT_SCALES = [0.85, 1, 1.15, 1.3, 1.5, 1.75, 2];

export const TopBar = forwardRef<SearchBoxHandle, Props>(function TopBar(props, searchRef) {
  const { date, isToday, onDate, theme, onTheme, textScale, onTextScale, panel, onPanel, onHelp } = props;
  const scaleIndex = TEXT_SCALES.findIndex((s) => s >= textScale - 0.001);
  const step = (delta: number) => {
    const next = TEXT_SCALES[Math.max(0, Math.min(TEXT_SCALES.length - 1, (scaleIndex < 0 ? 1 : scaleIndex) + delta))];
    if (next !== undefined) onTextScale(next);
  };
  return (
    <header className="top-bar">
      <a className="brand" href="#/" aria-label="Palimpseste — accueil">
        Palimpseste
      </a>
      <button
        type="button"
        className="panel-toggle"
        aria-pressed={panel === 'toc'}
        onClick={() => onPanel(panel === 'toc' ? 'none' : 'toc')}
      >
        Sommaire
      </button>
      <SearchBox ref={searchRef} client={props.client} />
      <a className="annotations-link" href="#/annotations">
        Mes annotations
      </a>
      <div className="date-control" role="group" aria-label="Date de lecture">
        <label htmlFor="session-date">Droit en vigueur le</label>
        <DateField id="session-date" value={date} onChange={onDate} />
        <button type="button" onClick={() => onDate(undefined)} disabled={isToday}>
          Aujourd’hui
        </button>
      </div>
      <div className="view-controls" role="group" aria-label="Affichage">
        <button type="button" onClick={() => step(-1)} aria-label="Réduire la taille du texte" disabled={scaleIndex === 0}>
          A−
        </button>
        <button
          type="button"
          onClick={() => step(1)}
          aria-label="Agrandir la taille du texte"
          disabled={scaleIndex === TEXT_SCALES.length - 1}
        >
          A+
        </button>
        <button type="button" onClick={() => onTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'}>
          {theme === 'dark' ? 'Thème clair' : 'Thème sombre'}
        </button>
        <button type="button" onClick={onHelp} aria-label="Aide" title="Aide et raccourcis clavier (? ou F1)" aria-keyshortcuts="? F1">
          ?
        </button>
      </div>
      <button
        type="button"
        className="panel-toggle"
        aria-pressed={panel === 'links'}
        onClick={() => onPanel(panel === 'links' ? 'none' : 'links')}
      >
        Liens
      </button>
    </header>
  );
});

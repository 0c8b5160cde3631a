/**
 * The trail bar: back and forward, the steps of the trail (article @ date), its name, saving it,
 * and the saved trails to reopen or delete. Saved trails are kept by the host (across restarts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PalimpsesteApi, Trail } from '../../../electron/common/api.ts';
import { exportPdf } from '../annotations/export-actions.ts';
import { formatDate } from '../dates/french-dates.ts';
import type { TrailState } from './trail-state.ts';

interface Props {
  api: PalimpsesteApi;
  trail: TrailState;
  today: string;
  onBack: () => void;
  onForward: () => void;
  onGo: (index: number) => void;
  onSave: (name: string) => Promise<string | undefined>;
  onOpen: (trail: Trail) => void;
  /** After each call to the trails store: the host may have something to say (a corrupt file). */
  onHostCall: () => void;
}

function shortDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function TrailBar({ api, trail, today, onBack, onForward, onGo, onSave, onOpen, onHostCall }: Props) {
  const [name, setName] = useState(trail.saved?.name ?? '');
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  const [menuOpen, setMenuOpen] = useState(false);
  const [saved, setSaved] = useState<{ trails: Trail[] } | { error: string }>();
  const currentRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    setName(trail.saved?.name ?? '');
  }, [trail.saved?.id, trail.saved?.name]);
  useEffect(() => {
    // Block body: recent Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
    void currentRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [trail.index]);

  const refresh = useCallback(async () => {
    const result = await api.listTrails();
    onHostCall();
    setSaved(
      result.ok ? { trails: [...result.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) } : { error: result.error.message },
    );
  }, [api, onHostCall]);

  useEffect(() => {
    if (menuOpen) void refresh();
  }, [menuOpen, refresh]);

  const save = async () => {
    const chosen = name.trim() || `Parcours du ${formatDate(today)}`;
    const failure = await onSave(chosen);
    onHostCall();
    setStatus(failure ? { text: failure, error: true } : { text: `Parcours « ${chosen} » enregistré.`, error: false });
    if (!failure) setName(chosen);
  };

  const remove = async (target: Trail) => {
    const result = await api.deleteTrail(target.id);
    if (!result.ok) setStatus({ text: result.error.message, error: true });
    await refresh();
  };

  return (
    <div className="trail-bar" role="region" aria-label="Parcours de lecture">
      <div className="trail-nav">
        <button
          type="button"
          onClick={onBack}
          disabled={trail.index <= 0}
          aria-label="Étape précédente (Alt+←)"
          title="Étape précédente (Alt+←)"
        >
          ←
        </button>
        <button
          type="button"
          onClick={onForward}
          disabled={trail.index >= trail.steps.length - 1}
          aria-label="Étape suivante (Alt+→)"
          title="Étape suivante (Alt+→)"
        >
          →
        </button>
      </div>
      <ol className="trail-steps" aria-label="Étapes du parcours">
        {trail.steps.length === 0 && <li className="trail-empty">Le parcours commence au premier article ouvert.</li>}
        {trail.steps.map((step, index) => (
          <li key={index} ref={index === trail.index ? currentRef : undefined}>
            <button
              type="button"
              className="trail-step"
              aria-current={index === trail.index ? 'step' : undefined}
              title={`Article ${step.num}, en vigueur le ${formatDate(step.date)}`}
              onClick={() => onGo(index)}
            >
              {step.num} <span className="trail-date">@ {shortDate(step.date)}</span>
            </button>
          </li>
        ))}
      </ol>
      <form
        className="trail-save"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor="trail-name" className="visually-hidden">
          Nom du parcours
        </label>
        <input
          id="trail-name"
          type="text"
          placeholder="Nom du parcours"
          maxLength={300}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={trail.steps.length === 0}>
          Enregistrer
        </button>
      </form>
      <button
        type="button"
        disabled={trail.steps.length === 0}
        title="Un dossier : la liste des étapes, puis chaque article tel qu’en vigueur à sa date, avec ses annotations"
        onClick={() =>
          void exportPdf(api, { kind: 'trail', name: name.trim() || trail.saved?.name || '', steps: trail.steps }).then((text) =>
            setStatus({ text, error: false }),
          )
        }
      >
        Exporter en PDF
      </button>
      <div className="trail-menu">
        <button type="button" aria-expanded={menuOpen} aria-controls="saved-trails" onClick={() => setMenuOpen(!menuOpen)}>
          Parcours enregistrés
        </button>
        {menuOpen && (
          <div id="saved-trails" className="saved-trails">
            {!saved && <p>Chargement…</p>}
            {saved && 'error' in saved && (
              <p className="error" role="alert">
                {saved.error}
              </p>
            )}
            {saved && 'trails' in saved && saved.trails.length === 0 && <p>Aucun parcours enregistré.</p>}
            {saved && 'trails' in saved && saved.trails.length > 0 && (
              <ul>
                {saved.trails.map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="open-trail"
                      onClick={() => {
                        onOpen(item);
                        setMenuOpen(false);
                      }}
                    >
                      {item.name}{' '}
                      <span className="trail-meta">
                        ({item.steps.length} étape{item.steps.length > 1 ? 's' : ''})
                      </span>
                    </button>
                    <button
                      type="button"
                      className="delete-trail"
                      aria-label={`Supprimer le parcours « ${item.name} »`}
                      onClick={() => void remove(item)}
                    >
                      Supprimer
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {status && (
        <p className={status.error ? 'trail-status error' : 'trail-status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}

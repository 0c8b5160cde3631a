/**
 * Two versions of an article compared: side by side or as a redline, word or paragraph
 * granularity, a navigator through the changes (buttons and keys `n` / `p`), the count of changes
 * and a legend. The versions are chosen in two lists (or swapped); every choice is a location
 * (`…/versions/D1..D2[/redline]`), so the comparison can be linked and reopened.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Granularity } from '../../../corpus/diff/index.ts';
import type { Article } from '../../../corpus/model/model.ts';
import { exportPdf } from '../annotations/export-actions.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { Message } from '../ui/Message.tsx';
import { comparisonOf } from './comparison-cache.ts';
import { count } from './french-counts.ts';
import { Legend } from './Legend.tsx';
import { Redline } from './Redline.tsx';
import { SideBySide, SideBySideHead, type ComparisonBodyHandle } from './SideBySide.tsx';
import { hasText, versionIndexFrom } from './timeline.ts';
import type { VersionPair } from '../reader/versions-route.ts';

interface Props {
  article: Article;
  pair: VersionPair;
  onPair: (pair: VersionPair) => void;
  onTimeline: () => void;
  timelineHref: string;
}

export function versionLabel(article: Article, index: number): string {
  const version = article.versions[index];
  return version ? `Version du ${formatDate(version.validFrom)}` : 'Version inconnue';
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

export function ComparisonView({ article, pair, onPair, onTimeline, timelineHref }: Props) {
  const { library } = useReader();
  const [granularity, setGranularity] = useState<Granularity>('word');
  const [exportStatus, setExportStatus] = useState('');
  const [current, setCurrent] = useState(0);
  const bodyRef = useRef<ComparisonBodyHandle>(null);
  const oldIndex = versionIndexFrom(article, pair.from);
  const newIndex = versionIndexFrom(article, pair.to);
  const oldVersion = article.versions[oldIndex];
  const newVersion = article.versions[newIndex];
  const comparable = !!oldVersion && !!newVersion && hasText(oldVersion) && hasText(newVersion);

  const comparison = useMemo(
    () => (comparable ? comparisonOf(article.id, oldIndex, newIndex, oldVersion, newVersion, granularity) : undefined),
    [comparable, article.id, oldIndex, newIndex, oldVersion, newVersion, granularity],
  );
  const total = comparison?.changeCount ?? 0;

  // A new comparison starts at its first change; the mark tells the benchmark it is on screen.
  useEffect(() => {
    setCurrent(0);
    requestAnimationFrame(() => {
      // The first page of a session may be this one: the table of contents and search wait for it.
      library.firstPageDone();
      if (comparison)
        performance.mark('palimpseste:comparison-painted', {
          detail: { article: article.num, view: pair.view, changes: comparison.changeCount },
        });
    });
  }, [comparison, article.num, pair.view, library]);

  const go = (stop: number) => {
    if (total === 0) return;
    const next = (stop + total) % total;
    setCurrent(next);
    bodyRef.current?.showStop(next);
  };
  const goRef = useRef(go);
  goRef.current = go;
  const currentRef = useRef(current);
  currentRef.current = current;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'n') goRef.current(currentRef.current + 1);
      else if (event.key === 'p') goRef.current(currentRef.current - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const options = article.versions.map((version, index) => (
    <option key={version.validFrom + index} value={version.validFrom}>
      {formatDate(version.validFrom)}
      {hasText(version) ? '' : ' (texte non disponible)'}
    </option>
  ));
  const oldLabel = versionLabel(article, oldIndex);
  const newLabel = versionLabel(article, newIndex);

  return (
    <div className="versions-compare">
      <Legend />
      <div className="compare-sticky">
        <div className="compare-toolbar" role="toolbar" aria-label="Comparaison des versions">
          <a
            className="back-to-timeline"
            href={timelineHref}
            onClick={(event) => {
              event.preventDefault();
              onTimeline();
            }}
          >
            ← Chronologie
          </a>
          <label className="pick-version">
            <span>Ancienne</span>
            <select value={pair.from} onChange={(event) => onPair({ ...pair, from: event.target.value })}>
              {options}
            </select>
          </label>
          <button
            type="button"
            className="swap"
            onClick={() => onPair({ ...pair, from: pair.to, to: pair.from })}
            title="Inverser les deux versions"
          >
            <span aria-hidden="true">⇄</span>
            <span className="visually-hidden">Inverser les deux versions</span>
          </button>
          <label className="pick-version">
            <span>Nouvelle</span>
            <select value={pair.to} onChange={(event) => onPair({ ...pair, to: event.target.value })}>
              {options}
            </select>
          </label>
          <div className="segmented" role="group" aria-label="Affichage">
            <button type="button" aria-pressed={pair.view === 'cote-a-cote'} onClick={() => onPair({ ...pair, view: 'cote-a-cote' })}>
              Côte à côte
            </button>
            <button type="button" aria-pressed={pair.view === 'redline'} onClick={() => onPair({ ...pair, view: 'redline' })}>
              Redline
            </button>
          </div>
          <button
            type="button"
            onClick={() =>
              void exportPdf(library.api, { kind: 'comparison', article: article.id, from: pair.from, to: pair.to, view: pair.view }).then(
                setExportStatus,
              )
            }
          >
            Exporter en PDF
          </button>
          {exportStatus && <span role="status">{exportStatus}</span>}
          <div className="segmented" role="group" aria-label="Granularité">
            <button type="button" aria-pressed={granularity === 'word'} onClick={() => setGranularity('word')}>
              Mots
            </button>
            <button type="button" aria-pressed={granularity === 'paragraph'} onClick={() => setGranularity('paragraph')}>
              Paragraphes
            </button>
          </div>
          <div className="navigator" role="group" aria-label="Modifications">
            <button type="button" onClick={() => go(current - 1)} disabled={total === 0} aria-keyshortcuts="p">
              ‹ Précédente
            </button>
            <output className="change-position" aria-live="polite">
              {total === 0 ? 'Aucune modification' : `Modification ${current + 1} sur ${total}`}
            </output>
            <button type="button" onClick={() => go(current + 1)} disabled={total === 0} aria-keyshortcuts="n">
              Suivante ›
            </button>
          </div>
        </div>
        {comparison && (
          <p className="compare-summary">
            <strong>{count(total, 'modification')}</strong>
            {' — '}
            {count(comparison.summary.modified, 'paragraphe modifié', 'paragraphes modifiés')},{' '}
            {count(comparison.summary.inserted, 'ajouté')}, {count(comparison.summary.removed, 'supprimé')} ;{' '}
            {count(comparison.summary.deletedWords, 'mot supprimé', 'mots supprimés')},{' '}
            {count(comparison.summary.insertedWords, 'mot ajouté', 'mots ajoutés')}.
          </p>
        )}
        {comparison && pair.view === 'cote-a-cote' && <SideBySideHead oldLabel={oldLabel} newLabel={newLabel} />}
      </div>

      {!oldVersion || !newVersion ? (
        <Message title="Version introuvable" tone="error">
          L’article {article.num} n’a pas de version entrée en vigueur le {formatDate(!oldVersion ? pair.from : pair.to)}. Choisissez-en une
          dans les listes ci-dessus.
        </Message>
      ) : !comparison ? (
        <Message title="Comparaison impossible" tone="warning">
          Le texte de la {(!hasText(oldVersion) ? oldLabel : newLabel).toLowerCase()} n’est pas disponible dans le corpus (seules ses dates
          sont connues) : choisissez une autre version.
        </Message>
      ) : pair.view === 'redline' ? (
        <Redline
          ref={bodyRef}
          comparison={comparison}
          current={current}
          label={`Redline : de la ${oldLabel.toLowerCase()} à la ${newLabel.toLowerCase()}`}
        />
      ) : (
        <SideBySide ref={bodyRef} comparison={comparison} current={current} oldLabel={oldLabel} newLabel={newLabel} />
      )}
    </div>
  );
}

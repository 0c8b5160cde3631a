/**
 * « Mes annotations » (`#/annotations`): every annotation in one list, searched in French with the
 * corpus search's analysis (by the host, which holds them all), filtered by code, colour, tag and
 * status, sorted by date or by article; each opens its article at the version it was made on
 * (orphans too). Also: the names of the colours, the import and export of all annotations, and
 * the review after a corpus update (`#/annotations/revue`).
 */
import { useEffect, useState } from 'react';
import type { AnchorStatus } from '../../../corpus/annotations/anchor.ts';
import { STATUS_LABELS } from '../../../corpus/annotations/anchor.ts';
import { ROLE_IDS, ROLE_STYLES, roleLabel, RoleLabelError, type RoleId } from '../../../corpus/annotations/roles.ts';
import type { AnnotationSort } from '../../../corpus/annotations/search.ts';
import type { AnnotationReview, AnnotationSearchAnswer, PalimpsesteApi } from '../../../electron/common/api.ts';
import { formatDate } from '../dates/french-dates.ts';
import { useReader } from '../reader/reader-context.ts';
import { Message } from '../ui/Message.tsx';
import { markStyle } from './AnnotatedRuns.tsx';
import { fileStem, saveExport } from './export-actions.ts';
import { useAnnotationsService } from './use-annotations.ts';

const STATUSES: AnchorStatus[] = ['attached', 'changed', 'orphan'];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function AnnotationsPage({ api, review }: { api: PalimpsesteApi; review: boolean }) {
  const reader = useReader();
  const service = useAnnotationsService();
  const [text, setText] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [roles, setRoles] = useState<RoleId[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<AnchorStatus[]>([]);
  const [sort, setSort] = useState<AnnotationSort>('recent');
  const [limit, setLimit] = useState(100);
  const [answer, setAnswer] = useState<AnnotationSearchAnswer | { error: string }>();
  const [status, setStatus] = useState('');
  const version = service?.version ?? 0;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api.searchAnnotations({ text, codes, roles, tags, statuses, sort, limit }).then((result) => {
        if (live) setAnswer(result.ok ? result.value : { error: result.error.message });
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, text, codes, roles, tags, statuses, sort, limit, version]);

  const palette = service?.palette ?? { labels: {} };

  const exportAll = async () => {
    const result = await api.exportAnnotations();
    if (!result.ok) return setStatus(result.error.message);
    setStatus(
      await saveExport(api, {
        suggestedName: `${fileStem('annotations-palimpseste', reader.today)}.json`,
        content: result.value,
        kind: 'json',
      }),
    );
  };
  const importFile = async (file: File) => {
    const result = await api.importAnnotations(await file.text());
    setStatus(result.ok ? `Import de « ${file.name} » : ${result.value.message}` : result.error.message);
    if (result.ok) await service?.reloadAll();
  };

  return (
    <section className="article-pane annotations-page" aria-labelledby="annotations-page-title">
      <h1 id="annotations-page-title">Mes annotations</h1>
      {review && <ReviewSection api={api} />}
      <div className="annotations-toolbar">
        <label className="annotations-search">
          <span className="visually-hidden">Rechercher dans les annotations</span>
          <input
            type="search"
            placeholder="Rechercher dans les notes, les passages, les étiquettes…"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <label>
          Trier{' '}
          <select value={sort} onChange={(event) => setSort(event.target.value as AnnotationSort)}>
            <option value="recent">les plus récentes d’abord</option>
            <option value="oldest">les plus anciennes d’abord</option>
            <option value="article">par article</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportAll()}>
          Exporter toutes les annotations
        </button>
        <label className="import-button">
          Importer un fichier…
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="annotations-status" role="status">
        {status}
      </p>
      <fieldset className="annotations-filters">
        <legend>Filtres</legend>
        <div role="group" aria-label="Couleurs">
          {ROLE_IDS.map((role) => (
            <label key={role} className={`filter-chip pattern-${ROLE_STYLES[role].pattern}`} style={markStyle({ role })}>
              <input type="checkbox" checked={roles.includes(role)} onChange={() => setRoles(toggle(roles, role))} />{' '}
              {roleLabel(palette, role)}
            </label>
          ))}
        </div>
        <div role="group" aria-label="États">
          {STATUSES.map((s) => (
            <label key={s} className="filter-chip">
              <input type="checkbox" checked={statuses.includes(s)} onChange={() => setStatuses(toggle(statuses, s))} /> {STATUS_LABELS[s]}
            </label>
          ))}
        </div>
        {answer && 'codes' in answer && answer.codes.length > 1 && (
          <div role="group" aria-label="Codes">
            {answer.codes.map(({ code, count }) => (
              <label key={code} className="filter-chip">
                <input type="checkbox" checked={codes.includes(code)} onChange={() => setCodes(toggle(codes, code))} />{' '}
                {reader.codeTitle(code)} ({count})
              </label>
            ))}
          </div>
        )}
        {answer && 'tags' in answer && answer.tags.length > 0 && (
          <div role="group" aria-label="Étiquettes">
            {answer.tags.slice(0, 40).map(({ tag, count }) => (
              <label key={tag} className="filter-chip">
                <input type="checkbox" checked={tags.includes(tag)} onChange={() => setTags(toggle(tags, tag))} /> {tag} ({count})
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {!answer && <p className="loading">Chargement des annotations…</p>}
      {answer && 'error' in answer && (
        <Message title="Annotations indisponibles" tone="error">
          {answer.error}
        </Message>
      )}
      {answer && 'hits' in answer && (
        <>
          <p className="annotations-count">
            {answer.total === 0
              ? 'Aucune annotation.'
              : `${answer.total.toLocaleString('fr-FR')} annotation${answer.total > 1 ? 's' : ''}.`}
          </p>
          <ol className="annotations-results">
            {answer.hits.map(({ annotation, status: anchorStatus, highlights }) => {
              const quote = annotation.target.kind === 'passage' ? annotation.target.quote.exact : '';
              const open = () =>
                reader.openArticle({
                  code: annotation.article.code,
                  num: annotation.article.num,
                  id: annotation.article.id,
                  date: annotation.version.validFrom,
                });
              return (
                <li key={annotation.id} className={`annotation-result status-${anchorStatus ?? 'unknown'}`}>
                  <p className="annotation-meta">
                    <a
                      href={reader.articleHref({
                        code: annotation.article.code,
                        num: annotation.article.num,
                        id: annotation.article.id,
                        date: annotation.version.validFrom,
                      })}
                      onClick={(event) => {
                        event.preventDefault();
                        open();
                      }}
                    >
                      Article {annotation.article.num}
                    </a>{' '}
                    <span className="option-code">{reader.codeTitle(annotation.article.code)}</span> — version du{' '}
                    {formatDate(annotation.version.validFrom)}
                    {annotation.role && (
                      <span
                        className={`annotation-role pattern-${ROLE_STYLES[annotation.role].pattern}`}
                        style={markStyle({ role: annotation.role })}
                      >
                        {' '}
                        {roleLabel(palette, annotation.role)}
                      </span>
                    )}
                    {anchorStatus && <span className={`annotation-status status-${anchorStatus}`}> — {STATUS_LABELS[anchorStatus]}</span>}
                  </p>
                  {quote && <blockquote className="annotation-quote">{highlighted(quote, highlights, 'quote')}</blockquote>}
                  {annotation.note && <p className="annotation-note">{highlighted(annotation.note.slice(0, 2000), highlights, 'note')}</p>}
                  {annotation.tags.length > 0 && <p className="annotation-tags-line">Étiquettes : {annotation.tags.join(', ')}</p>}
                </li>
              );
            })}
          </ol>
          {answer.total > answer.hits.length && (
            <button type="button" className="show-more" onClick={() => setLimit(limit + 200)}>
              Afficher les suivantes
            </button>
          )}
        </>
      )}
      {service && <PaletteEditor />}
    </section>
  );
}

function highlighted(text: string, highlights: AnnotationSearchAnswer['hits'][number]['highlights'], field: 'note' | 'quote') {
  const mine = highlights.filter((h) => h.field === field && h.end <= text.length).sort((a, b) => a.start - b.start);
  const parts: (string | { mark: string })[] = [];
  let cursor = 0;
  for (const h of mine) {
    if (h.start < cursor) continue;
    parts.push(text.slice(cursor, h.start), { mark: text.slice(h.start, h.end) });
    cursor = h.end;
  }
  parts.push(text.slice(cursor));
  return parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>));
}

function PaletteEditor() {
  const service = useAnnotationsService();
  const [message, setMessage] = useState('');
  if (!service) return null;
  return (
    <fieldset className="palette-editor">
      <legend>Noms des couleurs</legend>
      <p>Chaque couleur a aussi un motif (soulignement, cadre) et une lettre, visibles en noir et blanc.</p>
      {ROLE_IDS.map((role) => (
        <label key={role} className={`palette-row pattern-${ROLE_STYLES[role].pattern}`} style={markStyle({ role })}>
          <span className="palette-letter">{ROLE_STYLES[role].letter}</span>
          <input
            type="text"
            defaultValue={roleLabel(service.palette, role)}
            aria-label={`Nom de la couleur ${ROLE_STYLES[role].defaultLabel}`}
            onBlur={async (event) => {
              try {
                const failure = await service.renameRole(role, event.target.value);
                setMessage(failure ?? 'Nom enregistré.');
              } catch (error) {
                setMessage(error instanceof RoleLabelError ? error.message : String(error));
                event.target.value = roleLabel(service.palette, role);
              }
            }}
          />
        </label>
      ))}
      <p role="status">{message}</p>
    </fieldset>
  );
}

function ReviewSection({ api }: { api: PalimpsesteApi }) {
  const reader = useReader();
  const [review, setReview] = useState<AnnotationReview | { error: string }>();
  const [done, setDone] = useState(false);
  useEffect(() => {
    void api.getAnnotationReview().then((result) => setReview(result.ok ? result.value : { error: result.error.message }));
  }, [api]);
  if (!review) return <p className="loading">Relecture des annotations…</p>;
  if ('error' in review)
    return (
      <Message title="Revue impossible" tone="error">
        {review.error}
      </Message>
    );
  if (review.total === 0 || done)
    return (
      <Message title="Revue des annotations" tone="info">
        {done ? 'Revue terminée.' : 'Aucune annotation à revoir : le corpus n’a pas changé pour vos articles.'}
      </Message>
    );
  return (
    <section className="annotation-review" aria-labelledby="review-title">
      <h2 id="review-title">À revoir après la mise à jour du corpus ({review.total})</h2>
      {review.groups.map((group) => (
        <section key={group.title} className="review-group">
          <h3>{group.title}</h3>
          <ul>
            {group.entries.map((entry) => (
              <li key={entry.annotation.id} className={`status-${entry.status}`}>
                <a
                  href={reader.articleHref({
                    code: entry.annotation.article.code,
                    num: entry.annotation.article.num,
                    id: entry.annotation.article.id,
                    date: entry.shownOn,
                  })}
                  onClick={(event) => {
                    event.preventDefault();
                    reader.openArticle({
                      code: entry.annotation.article.code,
                      num: entry.annotation.article.num,
                      id: entry.annotation.article.id,
                      date: entry.shownOn,
                    });
                  }}
                >
                  Article {entry.annotation.article.num}
                </a>{' '}
                — {STATUS_LABELS[entry.status]} sur la version du {formatDate(entry.shownOn)}
                {entry.annotation.target.kind === 'passage' && <q className="review-quote">{entry.annotation.target.quote.exact}</q>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {review.missingArticles.length > 0 && (
        <section className="review-group">
          <h3>{review.missingArticles.length} annotation(s) d’articles qui ne sont plus dans le corpus (gardées)</h3>
        </section>
      )}
      <button
        type="button"
        onClick={() =>
          void api.acknowledgeAnnotationReview().then((result) => {
            if (result.ok) setDone(true);
          })
        }
      >
        J’ai revu ces annotations
      </button>
    </section>
  );
}

/**
 * The print views, shown alone (never the app's interface): an article as annotated, a comparison
 * of two versions, a trail as one dossier. Black on white, the highlights with their pattern and
 * number, the notes numbered as end notes, a header (code, article, validity range, status,
 * amending text) and a footer on every page (corpus source and revision, export date, « page N /
 * M »). Once everything is laid out and the fonts are loaded, the document says so
 * (`data-print-ready` on <html>, and the event `palimpseste:print-ready`): the desktop app then
 * prints it to PDF, the web edition opens the browser's print dialog, the tests call `page.pdf()`.
 */
import { useEffect, useMemo } from 'react';
import { AnchorCache } from '../../../corpus/annotations/anchor.ts';
import type { Annotation } from '../../../corpus/annotations/annotation.ts';
import type { RolePalette } from '../../../corpus/annotations/roles.ts';
import { buildComparison, alignParagraphs, type Segment } from '../../../corpus/diff/index.ts';
import type { Manifest } from '../../../corpus/model/bundle.ts';
import type { Article, IsoDate, Version } from '../../../corpus/model/model.ts';
import { corpusDataDate, versionIndexOn } from '../../../corpus/model/timeline.ts';
import type { PalimpsesteApi, PrintRequest } from '../../../electron/common/api.ts';
import { unwrap } from '../api/client.ts';
import type { Library } from '../data/library.ts';
import { formatDate, todayIso, validityRange } from '../dates/french-dates.ts';
import { anchorForDisplay, type AnchoredAnnotation } from '../annotations/anchored.ts';
import { AnnotatedRuns, markLabel, markStyle } from '../annotations/AnnotatedRuns.tsx';
import { statusLabel } from '../article/status-label.ts';
import { useAsync } from '../ui/use-async.ts';
import { ROLE_IDS, ROLE_STYLES, roleLabel } from '../../../corpus/annotations/roles.ts';
import { STATUS_LABELS } from '../../../corpus/annotations/anchor.ts';
import { adoptPageRules } from './page-rules.ts';
import './print.css';

interface Loaded {
  manifest: Manifest;
  palette: RolePalette;
  articles: { article: Article; annotations: Annotation[] }[];
}

function footerText(manifest: Manifest, today: IsoDate): string {
  // One line beside « page N / M »: the full provenance is on the last page.
  return `Source : base LEGI (DILA), corpus ${manifest.inputHash.slice(0, 12)} du ${formatDate(manifest.builtAt.slice(0, 10))} · exporté le ${formatDate(today)} · Palimpseste`;
}

async function load(api: PalimpsesteApi, library: Library, request: PrintRequest): Promise<Loaded> {
  const ids = request.kind === 'trail' ? [...new Set(request.steps.map((s) => s.article))] : [request.article];
  const [info, settings, articles] = await Promise.all([
    library.corpusInfo(),
    api.getAnnotationSettings().then(unwrap),
    Promise.all(
      ids.map(async (id) => ({
        article: await library.article(id),
        annotations:
          request.kind === 'comparison' || request.kind === 'article' || request.kind === 'trail'
            ? unwrap(await api.listAnnotations({ article: id }))
            : [],
      })),
    ),
  ]);
  return { manifest: info.manifest, palette: settings.palette, articles };
}

export function PrintView({ api, library, request }: { api: PalimpsesteApi; library: Library; request: PrintRequest }) {
  const today = useMemo(() => todayIso(), []);
  const state = useAsync(() => load(api, library, request), [api, library, request]);

  useEffect(() => {
    document.documentElement.classList.add('print-document');
    return () => document.documentElement.classList.remove('print-document');
  }, []);
  useEffect(() => {
    if (state.status !== 'done') return;
    const remove = adoptPageRules(request.paper ?? 'A4', footerText(state.value.manifest, today));
    let live = true;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (!live) return;
        library.firstPageDone();
        document.documentElement.dataset.printReady = 'true';
        window.dispatchEvent(new Event('palimpseste:print-ready'));
      }),
    );
    return () => {
      live = false;
      remove();
    };
  }, [state, request, today, library]);

  if (state.status === 'loading') return <p className="print-loading">Préparation du document…</p>;
  if (state.status === 'failed') {
    document.documentElement.dataset.printReady = 'failed';
    return (
      <div className="print-error" role="alert">
        <h1>Document impossible à préparer</h1>
        <p>{state.message}</p>
      </div>
    );
  }
  const { manifest, palette, articles } = state.value;
  const dataDate = corpusDataDate(manifest);
  const codeTitle = (code: string) => manifest.codes.find((c) => c.id === code)?.title ?? code;
  const byId = new Map(articles.map((a) => [a.article.id, a]));

  return (
    <div className="print-root" lang="fr">
      {request.kind === 'article' && (
        <PrintedArticle
          {...byId.get(request.article)!}
          date={request.date}
          dataDate={dataDate}
          today={today}
          palette={palette}
          codeTitle={codeTitle(byId.get(request.article)!.article.code)}
        />
      )}
      {request.kind === 'comparison' && (
        <PrintedComparison
          request={request}
          article={byId.get(request.article)!.article}
          annotations={byId.get(request.article)!.annotations}
          palette={palette}
          codeTitle={codeTitle}
          today={today}
        />
      )}
      {request.kind === 'trail' && (
        <>
          <section className="dossier-cover">
            <h1>{request.name.trim() || 'Parcours de lecture'}</h1>
            <p className="dossier-meta">
              Dossier de {request.steps.length} étape{request.steps.length > 1 ? 's' : ''}, exporté le {formatDate(today)}.
            </p>
            <table className="dossier-steps">
              <thead>
                <tr>
                  <th scope="col">Étape</th>
                  <th scope="col">Article</th>
                  <th scope="col">En vigueur le</th>
                  <th scope="col">Code</th>
                </tr>
              </thead>
              <tbody>
                {request.steps.map((step, index) => {
                  const article = byId.get(step.article)!.article;
                  return (
                    <tr key={index}>
                      <td>{index + 1}</td>
                      <td>Article {article.num}</td>
                      <td>{formatDate(step.date)}</td>
                      <td>{codeTitle(article.code)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          {request.steps.map((step, index) => {
            const loaded = byId.get(step.article)!;
            return (
              <PrintedArticle
                key={index}
                {...loaded}
                date={step.date}
                dataDate={dataDate}
                today={today}
                palette={palette}
                codeTitle={codeTitle(loaded.article.code)}
                step={index + 1}
              />
            );
          })}
        </>
      )}
      <Provenance manifest={manifest} />
    </div>
  );
}

function Provenance({ manifest }: { manifest: Manifest }) {
  return (
    <section className="provenance">
      <p className="print-subhead">Provenance du texte</p>
      <p>
        Textes consolidés de la base LEGI (DILA), Licence Ouverte / Etalab 2.0. Corpus {manifest.inputHash.slice(0, 12)}, compilé le{' '}
        {formatDate(manifest.builtAt.slice(0, 10))}, sources :
      </p>
      <ul>
        {manifest.sources.map((source) => (
          <li key={source.id}>
            {source.id} — révision {source.revision.slice(0, 12)}
            {source.date ? `, données au ${formatDate(source.date)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Legend({ palette, items }: { palette: RolePalette; items: readonly AnchoredAnnotation[] }) {
  const used = ROLE_IDS.filter((role) => items.some((item) => item.annotation.role === role));
  if (used.length === 0) return null;
  return (
    <p className="print-legend">
      Surlignages :{' '}
      {used.map((role) => (
        <span key={role} className={`legend-item hl pattern-${ROLE_STYLES[role].pattern}`} style={markStyle({ role })}>
          {ROLE_STYLES[role].letter} = {roleLabel(palette, role)}
        </span>
      ))}
    </p>
  );
}

function PrintedArticle({
  article,
  annotations,
  date,
  dataDate,
  today,
  palette,
  codeTitle,
  step,
}: {
  article: Article;
  annotations: Annotation[];
  date: IsoDate;
  dataDate: IsoDate;
  today: IsoDate;
  palette: RolePalette;
  codeTitle: string;
  step?: number;
}) {
  const index = Math.max(0, versionIndexOn(article.versions, date, dataDate));
  const version = article.versions[index] ?? article.versions[0]!;
  const anchored = useMemo(() => anchorForDisplay(annotations, article, version, new AnchorCache()), [annotations, article, version]);
  return (
    <article className={`printed-article${step !== undefined ? ' dossier-step' : ''}`}>
      <header className="printed-header">
        <p className="printed-code">{codeTitle}</p>
        <h1 className="printed-title">
          {step !== undefined ? `Étape ${step} — ` : ''}Article {article.num}
          {step !== undefined ? ` (en vigueur le ${formatDate(date)})` : ''}
        </h1>
        <p className="printed-validity">
          <span className="printed-status">{statusLabel(version.status)}</span> — {validityRange(version.validFrom, version.validTo, today)}
        </p>
        {version.amendedBy && (
          <p className="printed-amended">
            {index === 0 ? 'Créé par' : 'Modifié par'} : {version.amendedBy}
          </p>
        )}
        {step === undefined && <p className="printed-read">Version lue au {formatDate(date)}.</p>}
      </header>
      <Legend palette={palette} items={anchored.items} />
      <div className="printed-text">
        {version.paragraphs.map((paragraph, i) => (
          <p key={i}>
            <AnnotatedRuns text={paragraph} references={[]} pieces={anchored.pieces.text.get(i)} palette={palette} />
          </p>
        ))}
        {version.textUnavailable && <p>Le texte de cette version n’est pas dans le corpus (seules ses dates sont connues).</p>}
      </div>
      {version.nota && version.nota.length > 0 && (
        <section className="printed-nota">
          <p className="print-subhead">NOTA</p>
          {version.nota.map((paragraph, i) => (
            <p key={i}>
              <AnnotatedRuns text={paragraph} references={[]} pieces={anchored.pieces.nota.get(i)} palette={palette} />
            </p>
          ))}
        </section>
      )}
      {anchored.items.length > 0 && <PrintedNotes items={anchored.items} palette={palette} />}
    </article>
  );
}

function PrintedNotes({ items, palette }: { items: readonly AnchoredAnnotation[]; palette: RolePalette }) {
  return (
    <section className="printed-notes">
      <p className="print-subhead">Notes</p>
      <ol>
        {items.map(({ annotation, anchor, number }) => (
          <li key={annotation.id}>
            <span className="note-label">{annotation.role ? markLabel({ role: annotation.role, number }) : number}.</span>{' '}
            {annotation.role && <span className="note-role">[{roleLabel(palette, annotation.role)}]</span>}{' '}
            {anchor.target === 'article' ? (
              <em>Note sur l’article.</em>
            ) : anchor.status === 'attached' ? (
              <q>{anchor.range.text}</q>
            ) : anchor.status === 'changed' ? (
              <>
                <em>{STATUS_LABELS.changed} :</em> annoté « {anchor.oldQuote} », désormais « {anchor.range.text} ».
              </>
            ) : (
              <>
                <em>{STATUS_LABELS.orphan} :</em> « {anchor.oldQuote} » (annoté sur la version du {formatDate(annotation.version.validFrom)}
                ).
              </>
            )}
            {annotation.note && <span className="note-text">{annotation.note}</span>}
            {annotation.tags.length > 0 && <span className="note-tags">Étiquettes : {annotation.tags.join(', ')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function PrintedSegments({ segments, side }: { segments: readonly Segment[]; side: 'old' | 'new' | 'both' }) {
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.kind === 'equal') return <span key={i}>{segment.text}</span>;
        if (segment.kind === 'deleted' && side !== 'new')
          return (
            <del key={i} className="print-del">
              [−{segment.text}]
            </del>
          );
        if (segment.kind === 'inserted' && side !== 'old')
          return (
            <ins key={i} className="print-ins">
              [+{segment.text}]
            </ins>
          );
        return null;
      })}
    </>
  );
}

function PrintedComparison({
  request,
  article,
  annotations,
  palette,
  codeTitle,
  today,
}: {
  request: Extract<PrintRequest, { kind: 'comparison' }>;
  article: Article;
  annotations: Annotation[];
  palette: RolePalette;
  codeTitle: (code: string) => string;
  today: IsoDate;
}) {
  const oldVersion = article.versions.find((v) => v.validFrom === request.from);
  const newVersion = article.versions.find((v) => v.validFrom === request.to);
  const comparison = useMemo(
    () =>
      oldVersion && newVersion
        ? buildComparison(
            alignParagraphs(oldVersion.paragraphs, newVersion.paragraphs),
            oldVersion.paragraphs,
            newVersion.paragraphs,
            'word',
          )
        : undefined,
    [oldVersion, newVersion],
  );
  const notes = useMemo(() => {
    const items: { version: Version; items: AnchoredAnnotation[] }[] = [];
    for (const version of [oldVersion, newVersion])
      if (version) items.push({ version, items: anchorForDisplay(annotations, article, version).items });
    return items;
  }, [annotations, article, oldVersion, newVersion]);
  if (!oldVersion || !newVersion || !comparison) {
    return (
      <div className="print-error" role="alert">
        <h1>Comparaison impossible</h1>
        <p>L’article {article.num} n’a pas les deux versions demandées dans le corpus.</p>
      </div>
    );
  }
  return (
    <article className="printed-comparison">
      <header className="printed-header">
        <p className="printed-code">{codeTitle(article.code)}</p>
        <h1 className="printed-title">
          Article {article.num} : {request.view === 'redline' ? 'redline' : 'comparaison côte à côte'}
        </h1>
        <p className="printed-validity">
          De la version du {formatDate(oldVersion.validFrom)} (
          {validityRange(oldVersion.validFrom, oldVersion.validTo, today).toLowerCase()}) à la version du {formatDate(newVersion.validFrom)}{' '}
          ({validityRange(newVersion.validFrom, newVersion.validTo, today).toLowerCase()}).
        </p>
        {newVersion.amendedBy && <p className="printed-amended">Modifié par : {newVersion.amendedBy}</p>}
        <p className="print-legend">
          Légende : <del className="print-del">[−texte supprimé]</del> barré ; <ins className="print-ins">[+texte ajouté]</ins> souligné.{' '}
          {comparison.changeCount} modification{comparison.changeCount > 1 ? 's' : ''}.
        </p>
      </header>
      {request.view === 'redline' ? (
        <div className="printed-text redline">
          {comparison.redline.map((block, i) => (
            <p key={i}>
              <PrintedSegments segments={block.segments} side="both" />
            </p>
          ))}
        </div>
      ) : (
        <table className="printed-sbs">
          <thead>
            <tr>
              <th scope="col">Version du {formatDate(oldVersion.validFrom)}</th>
              <th scope="col">Version du {formatDate(newVersion.validFrom)}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row, i) => (
              <tr key={i}>
                <td>{row.old ? <PrintedSegments segments={row.old} side="old" /> : <span className="gap">(absent)</span>}</td>
                <td>{row.new ? <PrintedSegments segments={row.new} side="new" /> : <span className="gap">(absent)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notes.some((n) => n.items.length > 0) &&
        notes.map(
          (n) =>
            n.items.length > 0 && (
              <section key={n.version.validFrom} className="printed-notes">
                <p className="print-subhead">Annotations sur la version du {formatDate(n.version.validFrom)}</p>
                <PrintedNotes items={n.items} palette={palette} />
              </section>
            ),
        )}
    </article>
  );
}

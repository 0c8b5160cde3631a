/**
 * The text of the version read: status, validity range, notices (not in force on the date, a
 * later version exists), paragraphs with their references as links, NOTA, amending text.
 * Everything from the corpus is rendered as text nodes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AnchorCache } from '../../../corpus/annotations/anchor.ts';
import { anchorForDisplay } from '../annotations/anchored.ts';
import { AnnotatedRuns } from '../annotations/AnnotatedRuns.tsx';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel.tsx';
import { isTyping, SelectionToolbar } from '../annotations/SelectionToolbar.tsx';
import { useAnnotationsService, useArticleAnnotations } from '../annotations/use-annotations.ts';
import { ConsultationFoot } from '../print/ConsultationFoot.tsx';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import type { Article, IsoDate, Reference, Version } from '../../../corpus/model/model.ts';
import { endsUndated, inferredEndPhrase, readingAt, type Reading } from '../../../corpus/model/timeline.ts';
import { writeAmendingText } from '../citation/amending-texts.ts';
import { linkArticle } from '../links/link-groups.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate, validityRange } from '../dates/french-dates.ts';
import { Message } from '../ui/Message.tsx';
import { CopyActions } from './CopyActions.tsx';
import { segmentParagraph, unresolvedReason } from './text-segments.ts';
import { statusLabel } from './status-label.ts';

export function ArticleText({ article, reading }: { article: Article; reading: Reading }) {
  const reader = useReader();
  const { date, today } = reader;
  const { version } = reading;
  const service = useAnnotationsService();
  const annotations = useArticleAnnotations(article.id);
  // Prepared texts and mappings of the versions shown, reused across versions (held weakly by version).
  const [cache] = useState(() => new AnchorCache());
  const anchored = useMemo(() => anchorForDisplay(annotations ?? [], article, version, cache), [annotations, article, version, cache]);
  const rootRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const onStatus = useCallback((message: string) => setStatus(message), []);
  const palette = service?.palette;

  // Undo and redo of annotation changes, wherever the focus is but in a field.
  useEffect(() => {
    if (!service) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void service.undo().then(() => setStatus(service.status));
      else if ((key === 'z' && event.shiftKey) || key === 'y') void service.redo().then(() => setStatus(service.status));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [service]);

  const showNote = (annotationId: string) =>
    document.getElementById(`annotation-${annotationId}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const renderReference = (reference: Reference, children: ReactNode, key: number) => (
    <ReferenceLink key={key} reference={reference}>
      {children}
    </ReferenceLink>
  );

  useEffect(() => {
    // For the benchmarks and the tests: when an article's text is on screen.
    requestAnimationFrame(() => {
      performance.mark('palimpseste:article-painted', { detail: article.num });
      reader.library.firstPageDone();
    });
  }, [article, version, reader.library]);

  const atDate = reader.isToday ? 'aujourd’hui' : `le ${formatDate(date)}`;
  const readVersionOn = (from: string) => reader.openArticle({ code: article.code, num: article.num, id: article.id, date: from }, 'visit');
  const readToday = () => reader.openArticle({ code: article.code, num: article.num, id: article.id }, 'visit');
  // Today's law may not have this article any more: « the version in force today » is then its last one.
  const todayReading = readingAt(article, today, reader.dataDate);
  const last = article.versions[article.versions.length - 1];
  const endedToday = todayReading?.kind === 'ended' ? todayReading : undefined;

  return (
    <div className="article-text">
      <p className="validity">
        <span className={`status status-${version.status}`}>{statusLabel(version.status)}</span>{' '}
        <span className="range">{validityRange(version.validFrom, version.validTo, today)}</span>
      </p>
      <CopyActions article={article} version={version} created={reading.index === 0} />

      {reading.kind === 'not-yet' && (
        <Message title="Pas encore en vigueur à cette date" tone="warning">
          Cet article n’était pas encore en vigueur {atDate} : sa première version entre en vigueur le {formatDate(version.validFrom)}.{' '}
          <button type="button" className="link-button" onClick={() => readVersionOn(version.validFrom)}>
            Lire cette version
          </button>
        </Message>
      )}
      {reading.kind === 'ended' && reading.endedOn === undefined && (
        // The sources say this text was repealed (« Abrogé par ») but none dates the repeal: from the
        // corpus data date on it is not the law in force; the text is shown, with that said.
        <Message title="Abrogé, date non précisée" tone="warning">
          Les sources indiquent que cet article a été {endLabel(reading.status)}, sans en préciser la date : il n’est plus en vigueur{' '}
          {atDate}. Ci-dessous, sa dernière version.
        </Message>
      )}
      {reading.kind === 'ended' && reading.endedOn !== undefined && (
        <Message title="Plus en vigueur à cette date" tone="warning">
          Cet article n’est plus en vigueur {atDate} : {endLabel(reading.status)} le {formatDate(reading.endedOn)}
          <InferredEnd version={version} />.
          {reading.next ? ` Une nouvelle version entre en vigueur le ${formatDate(reading.next.validFrom)}.` : ''} Ci-dessous, sa dernière
          version.
          <ReplacedBy version={version} from={reading.endedOn} />
        </Message>
      )}
      {reading.kind === 'in-force' && !reading.next && endedToday?.endedOn !== undefined && (
        // The last version, read while it was in force: say that it ended, and what came after.
        <Message title="Dernière version de l’article" tone="info">
          Cette version est la dernière : l’article a été {endLabel(endedToday.status)} le {formatDate(endedToday.endedOn)}
          <InferredEnd version={version} />.
          <ReplacedBy version={version} from={endedToday.endedOn} />
        </Message>
      )}
      {reading.kind === 'in-force' && endsUndated(version) && (
        // Before the data date the text of an undated repeal is shown as it stood, with that said.
        <Message title="Abrogé, date non précisée" tone="warning">
          Les sources indiquent que cet article a été {endLabel(version.status)}, sans en préciser la date : ce texte n’est peut-être plus
          en vigueur {atDate}.
        </Message>
      )}
      {reading.kind === 'in-force' && reading.next && reading.next.validFrom <= today && endedToday && last && (
        // Later versions exist, but none is in force today: offer the last one, not an empty « today ».
        <Message title="Version antérieure" tone="info">
          Une version plus récente existe (depuis le {formatDate(reading.next.validFrom)}), mais l’article n’est plus en vigueur aujourd’hui
          {endedToday.endedOn ? ` : ${endLabel(endedToday.status)} le ${formatDate(endedToday.endedOn)}` : ''}.{' '}
          <button type="button" className="link-button" onClick={() => readVersionOn(last.validFrom)}>
            Lire sa dernière version
          </button>{' '}
          ({validityRange(last.validFrom, last.validTo, today).replace(/^En/, 'en')}).
        </Message>
      )}
      {reading.kind === 'in-force' && reading.next && !(reading.next.validFrom <= today && endedToday) && (
        <Message title="Version antérieure" tone="info">
          {reading.next.validFrom <= today
            ? `Une version plus récente existe (depuis le ${formatDate(reading.next.validFrom)}).`
            : `Une nouvelle version entrera en vigueur le ${formatDate(reading.next.validFrom)}.`}{' '}
          <button
            type="button"
            className="link-button"
            onClick={reading.next.validFrom <= today ? readToday : () => readVersionOn(reading.next?.validFrom ?? today)}
          >
            {reading.next.validFrom <= today ? 'Lire la version en vigueur aujourd’hui' : 'Lire cette version'}
          </button>
        </Message>
      )}

      <div ref={rootRef} className="annotatable">
        <div className="article-body" lang="fr">
          {version.paragraphs.map((paragraph, index) => (
            <p key={index} data-paragraph={index} data-part="text">
              {palette ? (
                <AnnotatedRuns
                  text={paragraph}
                  references={version.references.filter((r) => r.paragraph === index)}
                  pieces={anchored.pieces.text.get(index)}
                  palette={palette}
                  renderReference={renderReference}
                  onMarkClick={showNote}
                />
              ) : (
                segmentParagraph(paragraph, index, version.references).map((segment, i) =>
                  segment.kind === 'text' ? (
                    segment.text
                  ) : (
                    <ReferenceLink key={i} reference={segment.reference}>
                      {segment.text}
                    </ReferenceLink>
                  ),
                )
              )}
            </p>
          ))}
          {version.paragraphs.length === 0 && (
            <p className="empty">Le texte de cette version n’est pas dans le corpus (seules ses dates sont connues).</p>
          )}
        </div>

        {version.nota && version.nota.length > 0 && (
          <section className="nota" aria-label="Nota">
            <h2>NOTA</h2>
            {version.nota.map((paragraph, index) => (
              <p key={index} data-paragraph={index} data-part="nota">
                {palette ? (
                  <AnnotatedRuns
                    text={paragraph}
                    references={[]}
                    pieces={anchored.pieces.nota.get(index)}
                    palette={palette}
                    onMarkClick={showNote}
                  />
                ) : (
                  paragraph
                )}
              </p>
            ))}
          </section>
        )}
      </div>

      {version.amendedBy && (
        <p className="amended-by">
          <span className="label">{reading.index === 0 ? 'Créé par' : 'Modifié par'} :</span> {writeAmendingText(version.amendedBy)}
        </p>
      )}

      <ConsultationFoot legiVersionId={version.legiVersionId} today={today} />

      {service && (
        <>
          <SelectionToolbar rootRef={rootRef} article={article} version={version} service={service} cache={cache} onStatus={onStatus} />
          <AnnotationsPanel
            api={reader.library.api}
            article={article}
            version={version}
            codeTitle={reader.codeTitle(article.code)}
            items={anchored.items}
            service={service}
            status={status}
            onStatus={onStatus}
            onOpenAt={readVersionOn}
          />
        </>
      )}
    </div>
  );
}

/**
 * How the end date was found when no source states it (issue 13 a): « abrogé le 28 janvier 2006 —
 * première entrée en vigueur du texte abrogeant dans ce code ». Nothing when a source states it.
 */
function InferredEnd({ version }: { version: Version }) {
  if (!version.endInferred) return null;
  return (
    <span className="inferred-end" title={version.endInferred.evidence}>
      {' '}
      — {inferredEndPhrase(version.endInferred)}
    </span>
  );
}

/**
 * « Nouveaux textes » of the last version that the compiler could not tie to an article: the articles that took its place, each opened as in
 * force from the end of this one (or at the date read, when later). Nothing when the sources name none.
 */
function ReplacedBy({ version, from }: { version: Version; from: IsoDate }) {
  const reader = useReader();
  const codes = new Set((reader.corpus?.manifest.codes ?? []).map((code) => code.id));
  const seen = new Set<string>();
  // The entries with a target are already above the text (`NumberNotices`, « Remplacé le … par »):
  // only the others are named here, so that no replacing article is announced twice.
  const targets = version.links
    .filter((link) => link.kind === 'newTexts' && link.target === undefined)
    .map((link) => ({ link, article: linkArticle(link, codes) }))
    .filter(({ link, article }) => {
      const key = article ? `${article.code}|${article.num}` : link.label;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (targets.length === 0) return null;
  const date = reader.date > from ? reader.date : from;
  return (
    <span className="replaced-by">
      {' '}
      {targets.length > 1 ? 'Articles qui l’ont remplacé' : 'Article qui l’a remplacé'} :{' '}
      {targets.map(({ link, article }, index) => (
        <span key={index}>
          {index > 0 && ', '}
          {article ? (
            <a
              href={reader.articleHref({ ...article, date })}
              onClick={(event) => {
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                reader.openArticle({ ...article, date }, 'visit');
              }}
            >
              {codes.has(article.code) && article.code !== reader.readingCode ? `${reader.codeTitle(article.code)}, ` : ''}art.{' '}
              {article.num}
            </a>
          ) : (
            link.label
          )}
        </span>
      ))}
      .
    </span>
  );
}

function endLabel(status: string): string {
  switch (status) {
    case 'ABROGE':
      return 'abrogé';
    case 'TRANSFERE':
      return 'transféré';
    case 'PERIME':
      return 'périmé';
    default:
      return 'sa dernière version a pris fin';
  }
}

function ReferenceLink({ children, reference }: { children: ReactNode; reference: Reference }) {
  const reader = useReader();
  if (!reference.target) {
    return (
      <span className="reference unresolved" title={unresolvedReason(reference)}>
        {children}
      </span>
    );
  }
  // The target is opened as in force on the date of the text being read.
  const target = {
    code: codeOfArticleId(reference.target),
    num: reference.num,
    id: reference.target,
    ...(reader.isToday ? {} : { date: reader.date }),
  };
  return (
    <a
      className="reference"
      href={reader.articleHref(target)}
      title={`Article ${reference.num} ${reader.isToday ? 'en vigueur aujourd’hui' : `tel qu’en vigueur le ${formatDate(reader.date)}`}`}
      onClick={(event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        reader.openArticle(target, 'visit');
      }}
    >
      {children}
    </a>
  );
}

/**
 * The « Annotations » panel of an article, under its text: every annotation of the article with
 * its number (as in the text), colour, status on the version read (« attachée », « texte modifié
 * depuis l’annotation » with the annotated words beside today's, « orpheline » with a way to open
 * the version it was made on), its note and tags; editing, deleting (undoable), a note on the whole
 * article, the export of the article's annotations to Markdown and of the article to PDF.
 */
import { useState } from 'react';
import { createArticleNote, type Annotation } from '../../../corpus/annotations/annotation.ts';
import { STATUS_LABELS } from '../../../corpus/annotations/anchor.ts';
import { articleAnnotationsToMarkdown } from '../../../corpus/annotations/markdown.ts';
import { ROLE_STYLES, roleLabel } from '../../../corpus/annotations/roles.ts';
import { sourceVersionIndex } from '../../../corpus/annotations/source-version.ts';
import type { Article, Version } from '../../../corpus/model/model.ts';
import type { PalimpsesteApi } from '../../../electron/common/api.ts';
import { formatDate } from '../dates/french-dates.ts';
import type { AnchoredAnnotation } from './anchored.ts';
import type { AnnotationsService } from './annotations-service.ts';
import { markLabel, markStyle } from './AnnotatedRuns.tsx';
import { exportPdf, fileStem, saveExport } from './export-actions.ts';
import { NoteEditor } from './NoteEditor.tsx';

interface Props {
  api: PalimpsesteApi;
  article: Article;
  version: Version;
  codeTitle: string;
  items: AnchoredAnnotation[];
  service: AnnotationsService;
  status: string;
  onStatus: (message: string) => void;
  /** Opens the article at a date (an orphan at the version it was made on). */
  onOpenAt: (date: string) => void;
}

/** Beyond this many, the list shows more on demand (10,000 annotations on one article stay usable). */
const PAGE = 200;

export function AnnotationsPanel({ api, article, version, codeTitle, items, service, status, onStatus, onOpenAt }: Props) {
  const [editing, setEditing] = useState<string>();
  const [newNote, setNewNote] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const palette = service.palette;

  const markdown = async () => {
    const anchors = new Map(items.map((item) => [item.annotation.id, item.anchor]));
    const text = articleAnnotationsToMarkdown({
      article: { num: article.num, codeTitle },
      version,
      annotations: items.map((item) => item.annotation),
      anchors,
      palette,
    });
    onStatus(
      await saveExport(api, {
        suggestedName: `${fileStem('annotations', article.num, version.validFrom)}.md`,
        content: text,
        kind: 'markdown',
      }),
    );
  };

  return (
    <section className="annotations-panel" aria-labelledby="annotations-title">
      <header className="annotations-head">
        <h2 id="annotations-title">Annotations ({items.length})</h2>
        <div className="annotations-actions">
          <button type="button" onClick={() => setNewNote(true)}>
            Note sur l’article
          </button>
          <button type="button" onClick={() => void markdown()} disabled={items.length === 0}>
            Exporter en Markdown
          </button>
          <button
            type="button"
            onClick={() => void exportPdf(api, { kind: 'article', article: article.id, date: version.validFrom }).then(onStatus)}
          >
            Exporter en PDF
          </button>
          <button type="button" onClick={() => void service.undo()} disabled={!service.canUndo} title="Ctrl+Z">
            Annuler
          </button>
          <button type="button" onClick={() => void service.redo()} disabled={!service.canRedo} title="Ctrl+Maj+Z">
            Rétablir
          </button>
        </div>
      </header>
      <p className="annotations-status" role="status">
        {status}
      </p>
      {service.pendingFailures.map((failure) => (
        <div key={failure.id} className="message message-error" role="alert">
          <p className="message-title">{failure.action} : échec</p>
          <div className="message-body">
            {failure.message} Votre modification est gardée à l’écran.{' '}
            <button type="button" onClick={() => void failure.retry()}>
              Réessayer
            </button>
          </div>
        </div>
      ))}
      {newNote && (
        <NoteEditor
          initial={{ note: '', tags: [], target: { kind: 'article' } }}
          palette={palette}
          saveLabel="Ajouter la note"
          onCancel={() => setNewNote(false)}
          onSave={async (edit) => {
            setNewNote(false);
            try {
              await service.create(
                createArticleNote({
                  article: { id: article.id, code: article.code, num: article.num },
                  version: { validFrom: version.validFrom, ...(version.legiVersionId ? { legiVersionId: version.legiVersionId } : {}) },
                  note: edit.note ?? '',
                  tags: edit.tags ?? [],
                  ...(edit.role ? { role: edit.role } : {}),
                }),
              );
            } catch (error) {
              onStatus(error instanceof Error ? error.message : String(error));
            }
          }}
        />
      )}
      {items.length === 0 && !newNote && (
        <p className="annotations-empty">
          Sélectionnez des mots du texte pour les surligner (touche <kbd>h</kbd>) ou y attacher une note (<kbd>a</kbd>).
        </p>
      )}
      <ol className="annotations-list">
        {items.slice(0, shown).map((item) => (
          <AnnotationItem
            key={item.annotation.id}
            item={item}
            article={article}
            service={service}
            editing={editing === item.annotation.id}
            onEdit={(on) => setEditing(on ? item.annotation.id : undefined)}
            onOpenAt={onOpenAt}
          />
        ))}
      </ol>
      {items.length > shown && (
        <button type="button" className="show-more" onClick={() => setShown(shown + PAGE * 5)}>
          Afficher les annotations suivantes ({(items.length - shown).toLocaleString('fr-FR')} de plus)
        </button>
      )}
      <p className="annotations-help">
        Raccourcis : <kbd>h</kbd> surligner la sélection, <kbd>1</kbd>–<kbd>6</kbd> dans une couleur, <kbd>a</kbd> surligner et annoter,{' '}
        <kbd>Échap</kbd> annuler, <kbd>Ctrl</kbd>+<kbd>Z</kbd> défaire.
      </p>
    </section>
  );
}

function AnnotationItem({
  item,
  article,
  service,
  editing,
  onEdit,
  onOpenAt,
}: {
  item: AnchoredAnnotation;
  article: Article;
  service: AnnotationsService;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onOpenAt: (date: string) => void;
}) {
  const { annotation, anchor, number } = item;
  const palette = service.palette;
  const role = annotation.role;
  const made = article.versions[sourceVersionIndex(article.versions, annotation.version)];
  const label = role ? markLabel({ role, number }) : String(number);
  return (
    <li
      id={`annotation-${annotation.id}`}
      className={`annotation-item status-${anchor.status}${service.isUnsaved(annotation.id) ? ' unsaved' : ''}`}
      data-annotation-id={annotation.id}
    >
      <p className="annotation-meta">
        <span
          className={`annotation-number${role ? ` pattern-${ROLE_STYLES[role].pattern}` : ''}`}
          style={role ? markStyle({ role }) : undefined}
        >
          {label}
        </span>{' '}
        {role && <span className="annotation-role">{roleLabel(palette, role)}</span>}{' '}
        {anchor.target === 'article' ? (
          <span className="annotation-kind">Note sur l’article</span>
        ) : (
          <span className={`annotation-status status-${anchor.status}`}>{STATUS_LABELS[anchor.status]}</span>
        )}
        {service.isUnsaved(annotation.id) && <span className="annotation-unsaved"> — non enregistrée</span>}
        <span className="annotation-date"> — faite sur la version du {formatDate(annotation.version.validFrom)}</span>
      </p>
      {anchor.target === 'passage' && anchor.status === 'attached' && (
        <blockquote className="annotation-quote">{anchor.range.text}</blockquote>
      )}
      {anchor.target === 'passage' && anchor.status === 'changed' && (
        <div className="annotation-changed">
          <div>
            <p className="label">Texte annoté</p>
            <blockquote className="annotation-quote old">{anchor.oldQuote}</blockquote>
          </div>
          <div>
            <p className="label">Texte de cette version</p>
            <blockquote className="annotation-quote new">{anchor.range.text}</blockquote>
          </div>
        </div>
      )}
      {anchor.target === 'passage' && anchor.status === 'orphan' && (
        <div className="annotation-orphan">
          <blockquote className="annotation-quote old">{anchor.oldQuote}</blockquote>
          <p>
            {anchor.reason === 'text-unavailable'
              ? 'Le texte de cette version n’est pas dans le corpus.'
              : 'Ces mots ne sont plus dans cette version de l’article.'}{' '}
            {made && (
              <button type="button" className="link-button" onClick={() => onOpenAt(made.validFrom)}>
                Ouvrir la version du {formatDate(made.validFrom)}
              </button>
            )}
          </p>
        </div>
      )}
      {editing ? (
        <NoteEditor
          initial={annotation}
          palette={palette}
          onCancel={() => onEdit(false)}
          onSave={async (edit) => {
            onEdit(false);
            await service.edit(annotation, edit);
          }}
        />
      ) : (
        <>
          {annotation.note && <p className="annotation-note">{annotation.note}</p>}
          {annotation.tags.length > 0 && (
            <ul className="annotation-tags" aria-label="Étiquettes">
              {annotation.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
          <p className="annotation-buttons">
            <button type="button" onClick={() => onEdit(true)}>
              {annotation.note ? 'Modifier la note' : 'Ajouter une note'}
            </button>
            <button type="button" onClick={() => void service.remove(annotation as Annotation)}>
              Supprimer
            </button>
          </p>
        </>
      )}
    </li>
  );
}

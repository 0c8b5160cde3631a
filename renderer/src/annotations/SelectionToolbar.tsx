/**
 * Annotating a selection: when words of the article (text or NOTA) are selected, a toolbar offers
 * the six colours and « Note… ». Keyboard: `h` highlights the selection in the last colour used,
 * `1`–`6` in that colour, `a` highlights and opens the note; Escape cancels (closes the toolbar or
 * the note, clears the selection). A selection that cannot be annotated (the links panel, text and
 * NOTA at once) is said, in French, in the status line.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { AnnotationInputError, createPassageAnnotation, type Annotation } from '../../../corpus/annotations/annotation.ts';
import { AnchorCache } from '../../../corpus/annotations/anchor.ts';
import { ROLE_IDS, ROLE_STYLES, roleLabel, type RoleId } from '../../../corpus/annotations/roles.ts';
import type { Article, Version } from '../../../corpus/model/model.ts';
import type { AnnotationsService } from './annotations-service.ts';
import { readSelection, type SelectionReading } from './dom-selection.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { markStyle } from './AnnotatedRuns.tsx';

interface Props {
  rootRef: RefObject<HTMLElement | null>;
  article: Article;
  version: Version;
  service: AnnotationsService;
  cache: AnchorCache;
  onStatus: (message: string) => void;
}

export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

export function SelectionToolbar({ rootRef, article, version, service, cache, onStatus }: Props) {
  const [reading, setReading] = useState<SelectionReading>({ kind: 'none' });
  const [place, setPlace] = useState<{ top: number; left: number }>();
  const [noteFor, setNoteFor] = useState<Annotation>();
  const readingRef = useRef(reading);
  readingRef.current = reading;

  const update = useCallback(() => {
    const selection = window.getSelection();
    const next = readSelection(selection, rootRef.current);
    setReading(next);
    if (next.kind === 'refused') onStatus(next.message);
    if (next.kind === 'passage' && selection && selection.rangeCount > 0) {
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      setPlace({ top: Math.max(8, rect.top - 48), left: Math.max(8, Math.min(window.innerWidth - 420, rect.left)) });
    }
  }, [rootRef, onStatus]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [update]);

  const highlight = useCallback(
    async (role: RoleId, withNote: boolean) => {
      const current = readingRef.current;
      if (current.kind !== 'passage') return;
      let made: Annotation;
      try {
        made = createPassageAnnotation({
          article: { id: article.id, code: article.code, num: article.num },
          version: { validFrom: version.validFrom, ...(version.legiVersionId ? { legiVersionId: version.legiVersionId } : {}) },
          text: cache.text(version, current.part),
          part: current.part,
          start: current.start,
          end: current.end,
          role,
        });
      } catch (error) {
        onStatus(error instanceof AnnotationInputError ? error.message : 'Cette sélection ne peut pas être surlignée.');
        return;
      }
      window.getSelection()?.removeAllRanges();
      setReading({ kind: 'none' });
      await service.create(made);
      onStatus(`Passage surligné (${roleLabel(service.palette, role)}). Ctrl+Z pour annuler.`);
      if (withNote) setNoteFor(made);
    },
    [article, version, cache, service, onStatus],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'Escape') {
        if (readingRef.current.kind !== 'none') {
          window.getSelection()?.removeAllRanges();
          setReading({ kind: 'none' });
          event.preventDefault();
        }
        return;
      }
      if (readingRef.current.kind !== 'passage') return;
      const digit = Number(event.key);
      if (event.key === 'h') void highlight(service.lastRole, false);
      else if (event.key === 'a') void highlight(service.lastRole, true);
      else if (digit >= 1 && digit <= ROLE_IDS.length) void highlight(ROLE_IDS[digit - 1]!, false);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlight, service]);

  return (
    <>
      {reading.kind === 'passage' && place && (
        <div
          className="selection-toolbar"
          role="toolbar"
          aria-label="Annoter la sélection"
          style={{ top: `${place.top}px`, left: `${place.left}px` }}
          onMouseDown={(event) => event.preventDefault()}
        >
          {ROLE_IDS.map((role, index) => (
            <button
              key={role}
              type="button"
              className={`role-button pattern-${ROLE_STYLES[role].pattern}`}
              style={markStyle({ role })}
              title={`Surligner : ${roleLabel(service.palette, role)} (touche ${index + 1})`}
              onClick={() => void highlight(role, false)}
            >
              <span aria-hidden="true">{ROLE_STYLES[role].letter}</span>
              <span className="visually-hidden">{`Surligner : ${roleLabel(service.palette, role)}`}</span>
            </button>
          ))}
          <button
            type="button"
            className="note-button"
            title="Surligner et ajouter une note (touche a)"
            onClick={() => void highlight(service.lastRole, true)}
          >
            Note…
          </button>
          <span className="toolbar-hint">h : surligner · Échap : annuler</span>
        </div>
      )}
      {noteFor && (
        <div
          className="note-dialog"
          role="dialog"
          aria-label={`Note sur « ${noteFor.target.kind === 'passage' ? noteFor.target.quote.exact.slice(0, 60) : ''} »`}
        >
          <NoteEditor
            initial={noteFor}
            palette={service.palette}
            onCancel={() => setNoteFor(undefined)}
            onSave={async (edit) => {
              const current = service.of(noteFor.article.id)?.find((a) => a.id === noteFor.id) ?? noteFor;
              setNoteFor(undefined);
              await service.edit(current, edit);
            }}
          />
        </div>
      )}
    </>
  );
}

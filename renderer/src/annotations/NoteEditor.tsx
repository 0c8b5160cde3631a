/**
 * Writing a note: the note (plain text, kept as typed), its tags (separated by commas) and its
 * colour. Ctrl+Entrée saves, Échap cancels. The note is never interpreted: what is typed is shown.
 */
import { useEffect, useRef, useState } from 'react';
import { NOTE_MAX_LENGTH, type Annotation, type AnnotationEdit } from '../../../corpus/annotations/annotation.ts';
import { ROLE_IDS, roleLabel, type RoleId, type RolePalette } from '../../../corpus/annotations/roles.ts';

interface Props {
  initial: Pick<Annotation, 'note' | 'tags' | 'role' | 'target'>;
  palette: RolePalette;
  onSave: (edit: AnnotationEdit) => void | Promise<void>;
  onCancel: () => void;
  saveLabel?: string;
}

export function NoteEditor({ initial, palette, onSave, onCancel, saveLabel = 'Enregistrer la note' }: Props) {
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [role, setRole] = useState<RoleId | ''>(initial.role ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const passage = initial.target.kind === 'passage';
  const save = () => {
    const edit: AnnotationEdit = {
      note,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    };
    if (role) edit.role = role;
    else if (!passage) edit.role = null;
    void onSave(edit);
  };
  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save();
        }
      }}
    >
      <label>
        <span>Note</span>
        <textarea ref={ref} value={note} maxLength={NOTE_MAX_LENGTH} rows={5} onChange={(event) => setNote(event.target.value)} />
      </label>
      <label>
        <span>Étiquettes (séparées par des virgules)</span>
        <input type="text" value={tags} onChange={(event) => setTags(event.target.value)} />
      </label>
      <label>
        <span>Couleur</span>
        <select value={role} onChange={(event) => setRole(event.target.value as RoleId | '')}>
          {!passage && <option value="">sans couleur</option>}
          {ROLE_IDS.map((id) => (
            <option key={id} value={id}>
              {roleLabel(palette, id)}
            </option>
          ))}
        </select>
      </label>
      <div className="note-actions">
        <button type="submit">{saveLabel}</button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
        <span className="hint">Ctrl+Entrée : enregistrer · Échap : annuler</span>
      </div>
    </form>
  );
}

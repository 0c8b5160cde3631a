/**
 * A paragraph's text with its reference links and its highlights. Everything is text nodes: a note
 * is never HTML. A highlight is a `<mark>` carrying its colour (custom properties from the role's
 * style), its print pattern (a class) and its status; its number follows its last piece as CSS
 * content (`data-label`), so that it is never part of the text a selection counts.
 */
import type { ReactNode } from 'react';
import type { Reference } from '../../../corpus/model/model.ts';
import { ROLE_STYLES, roleLabel, type RolePalette } from '../../../corpus/annotations/roles.ts';
import { STATUS_LABELS } from '../../../corpus/annotations/anchor.ts';
import './annotations.css';
import { groupByReference, paragraphRuns, type HighlightPiece, type Run } from './highlight-runs.ts';

interface Props {
  text: string;
  references: readonly Reference[];
  pieces: readonly HighlightPiece[] | undefined;
  palette: RolePalette;
  /** Draws a reference link around its runs (the article view's links; plain text elsewhere). */
  renderReference?: (reference: Reference, children: ReactNode, key: number) => ReactNode;
  onMarkClick?: (annotationId: string) => void;
}

export function markStyle(piece: Pick<HighlightPiece, 'role'>): Record<string, string> {
  const style = ROLE_STYLES[piece.role];
  return { '--hl': style.colour, '--hl-tint': style.tint };
}

export function markLabel(piece: Pick<HighlightPiece, 'role' | 'number'>): string {
  return `${ROLE_STYLES[piece.role].letter}${piece.number}`;
}

function RunView({ run, palette, onMarkClick }: { run: Run; palette: RolePalette; onMarkClick?: (id: string) => void }) {
  if (run.marks.length === 0) return <>{run.text}</>;
  const top = run.marks.at(-1)!;
  const title = run.marks
    .map((m) => `${markLabel(m)} — ${roleLabel(palette, m.role)}${m.status === 'attached' ? '' : ` (${STATUS_LABELS[m.status]})`}`)
    .join(' ; ');
  return (
    <>
      <mark
        className={`hl pattern-${ROLE_STYLES[top.role].pattern} status-${top.status}${run.marks.length > 1 ? ' hl-overlap' : ''}`}
        style={markStyle(top)}
        data-annotation={run.marks.map((m) => m.annotationId).join(' ')}
        title={title}
        onClick={onMarkClick ? () => onMarkClick(top.annotationId) : undefined}
      >
        {run.text}
      </mark>
      {run.endsHere.map((m) => (
        <span key={m.annotationId} className="hl-number" style={markStyle(m)} data-label={markLabel(m)} data-annotation-number={m.number} />
      ))}
    </>
  );
}

export function AnnotatedRuns({ text, references, pieces, palette, renderReference, onMarkClick }: Props) {
  const runs = paragraphRuns(text, references, pieces ?? []);
  return (
    <>
      {groupByReference(runs).map((group, index) => {
        const content = group.runs.map((run) => (
          <RunView key={run.start} run={run} palette={palette} {...(onMarkClick ? { onMarkClick } : {})} />
        ));
        return group.reference && renderReference ? renderReference(group.reference, content, index) : <span key={index}>{content}</span>;
      })}
    </>
  );
}

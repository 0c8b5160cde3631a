/** The mark of an annotated article (table of contents, search results): words for screen readers, a sign for the eye. */
import type { ArticleId } from '../../../corpus/model/model.ts';
import { useAnnotationCount } from './use-annotations.ts';

export function AnnotatedMark({ article }: { article: ArticleId }) {
  const count = useAnnotationCount(article);
  if (count === 0) return null;
  const words = `${count.toLocaleString('fr-FR')} annotation${count > 1 ? 's' : ''}`;
  return (
    <span className="annotated-mark" title={words} data-annotations={count}>
      <span aria-hidden="true">✎{count > 1 ? count : ''}</span>
      <span className="visually-hidden">{`, ${words}`}</span>
    </span>
  );
}

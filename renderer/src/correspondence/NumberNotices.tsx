/**
 * Above an article's text, its old and new numbers: on a former-code article « Remplacé le 1er mai
 * 2008 par L1232-1, L1233-2, L1235-1, L1235-9 », on a new one « Ancien article : L122-14-3 (alinéa
 * 1 phrase 1) », each number a link. The pairs come from `corpus/model/correspondence.ts`; the date
 * of the replacement is the end of the former article's last version, as the model dates it.
 */
import { Fragment } from 'react';
import { formerArticlesOf, replacementsOf, type ArticleRef } from '../../../corpus/model/correspondence.ts';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import type { Article, IsoDate } from '../../../corpus/model/model.ts';
import { formatDate } from '../dates/french-dates.ts';
import { useReader } from '../reader/reader-context.ts';
import { dayBefore, readingDateFor } from './reading-dates.ts';
import './correspondence.css';

export function NumberNotices({ article }: { article: Article }) {
  const replacements = replacementsOf(article);
  const formers = formerArticlesOf(article);
  if (replacements.length === 0 && formers.length === 0) return null;
  const replacedOn = article.versions.at(-1)?.validTo;
  const firstDay = article.versions[0]?.validFrom;
  return (
    <div className="number-notices">
      {replacements.length > 0 && (
        <p className="number-notice replaced-by" data-testid="replaced-by">
          <span className="label">{replacedOn ? `Remplacé le ${formatDate(replacedOn)} par` : 'Remplacé par'}</span>{' '}
          <NumberLinks refs={replacements} replacing {...(replacedOn ? { from: replacedOn } : {})} />
        </p>
      )}
      {formers.length > 0 && (
        <p className="number-notice former-articles" data-testid="former-articles">
          <span className="label">{formers.length > 1 ? 'Anciens articles :' : 'Ancien article :'}</span>{' '}
          <NumberLinks refs={formers} {...(firstDay ? { until: dayBefore(firstDay) } : {})} />
        </p>
      )}
    </div>
  );
}

/**
 * The numbers as links. A new article opens at the date read, or on the day of the replacement when
 * the date read is before it (then it is in force); a former article on the day before the new one
 * starts (its last day in force), unless the date read is earlier.
 */
function NumberLinks({
  refs,
  replacing = false,
  from,
  until,
}: {
  refs: readonly (ArticleRef & { parts?: string[] })[];
  /** The refs replace the article read: each opens from its own first day (the table of contents has it), else `from`. */
  replacing?: boolean;
  from?: IsoDate;
  until?: IsoDate;
}) {
  const reader = useReader();
  return (
    <>
      {refs.map((ref, i) => {
        const code = codeOfArticleId(ref.id);
        // A replacing article opens from its own first day (its catalog entry), the former one's end
        // may be undated; the catalog comes with the code's table of contents, loaded once.
        const targetFrom = (first: IsoDate | undefined) => {
          const date = readingDateFor(reader.isToday ? undefined : reader.date, reader.today, {
            ...(first ? { from: first } : {}),
            ...(until ? { until } : {}),
          });
          return { code, num: ref.num, id: ref.id, ...(date ? { date } : {}) };
        };
        const known = replacing ? (reader.library.loadedCodeIndex(code)?.catalog.get(ref.id)?.from ?? from) : from;
        const target = targetFrom(known);
        const date = target.date;
        const open = async () => {
          if (!replacing) return reader.openArticle(target, 'visit');
          const index = await reader.library.codeIndex(code).catch(() => undefined);
          reader.openArticle(targetFrom(index?.catalog.get(ref.id)?.from ?? from), 'visit');
        };
        return (
          <Fragment key={ref.id}>
            {i > 0 && ', '}
            <a
              className="reference"
              href={reader.articleHref(target)}
              title={`Article ${ref.num}${date ? ` tel qu’en vigueur le ${formatDate(date)}` : ' en vigueur aujourd’hui'}`}
              onClick={(event) => {
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                void open();
              }}
            >
              {ref.num}
            </a>
            {ref.parts && ref.parts.length > 0 && ` (${ref.parts.join(' ; ')})`}
          </Fragment>
        );
      })}
    </>
  );
}

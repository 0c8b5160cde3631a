/**
 * One article of a change set: its number, what happened to it, and on demand its redline of that
 * day (the article is fetched only when opened, so a change set of 200 articles lists at once).
 */
import { useState } from 'react';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { ArticleId, IsoDate } from '../../../corpus/model/model.ts';
import { compareVersions } from '../../../corpus/diff/index.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { Message } from '../ui/Message.tsx';
import { useAsync } from '../ui/use-async.ts';
import { count } from './french-counts.ts';
import { partOfNumber } from './code-parts.ts';
import { redlineExcerpt } from './redline-excerpt.ts';
import { Segments } from './Segments.tsx';
import { hasText, versionsAroundDay } from './timeline.ts';

export type ChangeRole = 'created' | 'modified' | 'repealed';

interface Props {
  id: ArticleId;
  entry?: ArticleCatalogEntry;
  role: ChangeRole;
  day: IsoDate;
}

export function ChangeSetArticle({ id, entry, role, day }: Props) {
  const [open, setOpen] = useState(false);
  const num = entry?.num ?? id.replace(/^.*\/(num:)?/, '');
  const existedBefore = role === 'created' && entry && entry.from < day;
  const transferred = role === 'repealed' && entry?.status === 'TRANSFERE';
  const regionId = `redline-${id.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <li className={`changeset-article role-${role}`}>
      <div className="changeset-article-head">
        <button type="button" className="expand" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Article {num}
        </button>
        <span className="part-tag">{partOfNumber(num)}</span>
        {transferred && <span className="note">transféré</span>}
        {existedBefore && <span className="note">numéro déjà en vigueur depuis le {formatDate(entry.from)} : nouvelle rédaction</span>}
      </div>
      {open && (
        <div id={regionId} className="changeset-redline">
          <ArticleRedline id={id} num={num} day={day} />
        </div>
      )}
    </li>
  );
}

function ArticleRedline({ id, num, day }: { id: ArticleId; num: string; day: IsoDate }) {
  const reader = useReader();
  const state = useAsync(() => reader.library.article(id), [reader.library, id]);
  if (state.status === 'loading') return <p className="loading">Chargement de l’article {num}…</p>;
  if (state.status === 'failed') {
    return (
      <Message title="Article introuvable" tone="error">
        {state.message}
      </Message>
    );
  }
  const article = state.value;
  const { before, after } = versionsAroundDay(article, day);
  const base = { code: article.code, num: article.num, id: article.id };
  const missing = [before, after].find((v) => v && !hasText(v));
  if (missing) {
    return (
      <p className="empty">
        Le texte de la version du {formatDate(missing.validFrom)} n’est pas disponible dans le corpus (seules ses dates sont connues).
      </p>
    );
  }
  const comparison = compareVersions(before ?? { paragraphs: [] }, after ?? { paragraphs: [] }, 'word');
  const items = redlineExcerpt(comparison.redline);
  const whole =
    before && after
      ? { ...base, tab: 'versions' as const, compare: { from: before.validFrom, to: after.validFrom, view: 'redline' as const } }
      : { ...base, date: after ? day : before!.validFrom };
  return (
    <>
      <p className="changeset-redline-head">
        {!before
          ? 'Nouvel article : tout son texte est ajouté.'
          : !after
            ? `Abrogé : sa dernière version (depuis le ${formatDate(before.validFrom)}) est barrée.`
            : `${count(comparison.changeCount, 'modification')} par rapport à la version du ${formatDate(before.validFrom)}.`}{' '}
        <a
          href={reader.articleHref(whole)}
          onClick={(event) => {
            event.preventDefault();
            reader.openArticle(whole, 'visit');
          }}
        >
          {before && after ? 'Ouvrir la comparaison complète' : 'Lire l’article'}
        </a>
      </p>
      <div className="redline-excerpt">
        {items.map((item, index) =>
          item.kind === 'folded' ? (
            <p key={index} className="folded">
              … {count(item.count, 'paragraphe inchangé', 'paragraphes inchangés')} …
            </p>
          ) : (
            <p key={index} className={`block-${item.block.kind}`}>
              <Segments segments={item.block.segments} current={-1} />
            </p>
          ),
        )}
      </div>
    </>
  );
}

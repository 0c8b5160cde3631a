/**
 * « Liens relatifs à cet article » of the version read: Cite, Cité par (from the lists and from the
 * texts, marked), Modifié par, Codifié par, Abrogé par… Entries naming an article of the corpus
 * open it as in force on the date being read.
 */
import { useState } from 'react';
import type { Link, Version } from '../../../corpus/model/model.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { DrawerClose } from '../ui/DrawerClose.tsx';
import { groupLinks, linkArticle, linkStatusLabel, textCitations, type LinkGroup } from './link-groups.ts';

/** Entries shown before « Voir les N autres »: « Cité par » lists can run to hundreds. */
const FOLDED_LENGTH = 15;

/** `version`: the version whose text is on screen (also when it is not in force on the date read). */
export function LinksPanel({ version }: { version: Version | undefined }) {
  const reader = useReader();
  const groups = version ? groupLinks([...version.links, ...textCitations(version.links, version.references, reader.codeTitle)]) : [];
  return (
    <aside className="links-pane" aria-labelledby="links-title">
      <DrawerClose label="les liens" />
      <h2 id="links-title">Liens relatifs</h2>
      {version && <p className="links-version">Liens de la version du {formatDate(version.validFrom)}, affichée ci-contre.</p>}
      {groups.length === 0 && <p className="empty">Aucun lien pour cette version.</p>}
      {groups.map((group) => (
        <LinkList key={group.kind} group={group} />
      ))}
    </aside>
  );
}

function LinkList({ group }: { group: LinkGroup }) {
  const [unfolded, setUnfolded] = useState(false);
  const shown = unfolded ? group.links : group.links.slice(0, FOLDED_LENGTH);
  return (
    <section className="link-group" aria-label={group.title}>
      <h3>
        {group.title} <span className="count">({group.links.length})</span>
      </h3>
      <ul>
        {shown.map((link, index) => (
          <LinkEntry key={index} link={link} />
        ))}
      </ul>
      {group.links.length > FOLDED_LENGTH && (
        <button type="button" className="link-button" aria-expanded={unfolded} onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? 'Réduire la liste' : `Voir les ${group.links.length - FOLDED_LENGTH} autres`}
        </button>
      )}
    </section>
  );
}

function LinkEntry({ link }: { link: Link }) {
  const reader = useReader();
  const status = linkStatusLabel(link.status);
  const name = link.articleNum ? `${link.text} – art. ${link.articleNum}` : link.label;
  const origin = link.origin === 'text' && (
    <span className="origin-text" title="Lien trouvé dans le texte des articles, pas dans les listes de Légifrance">
      d’après le texte
    </span>
  );
  const badge = status && <span className={`link-status link-status-${link.status}`}>{status}</span>;
  // The compiler sets `target` when it resolved the entry; an entry of a list naming an article of a
  // code of the corpus is still opened by its number (resolved at the date when it is followed).
  const article = linkArticle(link, new Set((reader.corpus?.manifest.codes ?? []).map((code) => code.id)));
  if (!article) {
    return (
      <li className="link-entry">
        <span className="link-name">{name}</span> {badge} {origin}
      </li>
    );
  }
  const target = { ...article, ...(reader.isToday ? {} : { date: reader.date }) };
  return (
    <li className="link-entry">
      <a
        href={reader.articleHref(target)}
        title={reader.isToday ? 'Ouvrir cet article' : `Ouvrir cet article tel qu’en vigueur le ${formatDate(reader.date)}`}
        onClick={(event) => {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          reader.openArticle(target, 'visit');
        }}
      >
        {name}
      </a>{' '}
      {badge} {origin}
    </li>
  );
}

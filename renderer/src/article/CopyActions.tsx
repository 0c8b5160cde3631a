/**
 * « Copier la citation », « Copier le lien », « Copier le texte » for the version on screen. The
 * link carries the date read, so that it opens the same version wherever it is pasted: in the
 * desktop app its deep link (`palimpseste://…`), in the web edition the address of the page — and
 * the message then also gives the desktop link, which outlives the web edition's port.
 */
import { useEffect, useState } from 'react';
import type { Article, Version } from '../../../corpus/model/model.ts';
import { locationToDeepLink } from '../../../electron/common/deep-link.ts';
import { articleCitation } from '../citation/article-citation.ts';
import { articleCopyText } from '../citation/article-copy.ts';
import { useReader } from '../reader/reader-context.ts';
import { formatRoute } from '../reader/route.ts';
import { copyText } from '../ui/clipboard.ts';

/** How long « Citation copiée » stays. */
const CONFIRMATION_MS = 6000;

export function CopyActions({ article, version, created }: { article: Article; version: Version; created: boolean }) {
  const reader = useReader();
  const [said, setSaid] = useState<{ message: string; detail?: string }>();

  useEffect(() => {
    if (!said) return;
    const timer = window.setTimeout(() => setSaid(undefined), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [said]);

  const codeTitle = reader.codeTitle(article.code);
  const location = formatRoute({ kind: 'article', code: article.code, num: article.num, tab: 'texte', date: reader.date });
  const deepLink = locationToDeepLink(location);
  const web = window.location.protocol === 'http:' || window.location.protocol === 'https:';
  const link = web ? `${window.location.origin}${window.location.pathname}${location}` : deepLink;

  const copy = async (text: string, done: string, detail?: string) => {
    const ok = await copyText(text);
    setSaid(
      ok
        ? { message: done, ...(detail ? { detail } : {}) }
        : { message: 'La copie a été refusée par le système : sélectionnez le texte et copiez-le (Ctrl+C).' },
    );
  };

  return (
    <div className="copy-actions" role="group" aria-label="Copier">
      <button type="button" onClick={() => void copy(articleCitation(codeTitle, article.num, version, reader.today), 'Citation copiée.')}>
        Copier la citation
      </button>
      <button
        type="button"
        onClick={() => void copy(link, 'Lien copié.', web ? `Lien pour l’application de bureau : ${deepLink}` : undefined)}
      >
        Copier le lien
      </button>
      <button
        type="button"
        onClick={() => void copy(articleCopyText(codeTitle, article.num, version, created, reader.today), 'Texte copié.')}
        disabled={version.paragraphs.length === 0}
      >
        Copier le texte
      </button>
      <span className="copy-status" role="status">
        {said?.message}
        {said?.detail && <span className="copy-detail"> {said.detail}</span>}
      </span>
    </div>
  );
}

/** The home page (the codes of the corpus) and a code's page (its summary, before an article is chosen). */
import type { CodeId } from '../../../corpus/model/model.ts';
import type { TrailStep } from '../../../electron/common/api.ts';
import { formatDate } from '../dates/french-dates.ts';
import { Message } from '../ui/Message.tsx';
import { useReader } from '../reader/reader-context.ts';
import { formatRoute } from '../reader/route.ts';

const numberFormat = new Intl.NumberFormat('fr-FR');

export function Home({ recent }: { recent: readonly TrailStep[] }) {
  const reader = useReader();
  const codes = reader.corpus?.manifest.codes ?? [];
  const known = new Set(codes.map((code) => code.id));
  // An article of a code no longer installed is not offered.
  const recentShown = recent.filter((step) => known.has(step.code));
  return (
    <section className="article-pane home" aria-labelledby="home-title">
      <h1 id="home-title">Les codes, avec toutes leurs versions</h1>
      <p className="lead">
        Choisissez un code, cherchez un mot ou un numéro d’article (<kbd>Ctrl</kbd>+<kbd>K</kbd> ou <kbd>/</kbd>), ou changez la date de
        lecture pour lire le droit tel qu’il était.
      </p>
      <ul className="code-list">
        {codes.map((code) => (
          <li key={code.id}>
            <a
              href={`#/${code.id}`}
              onClick={(event) => {
                event.preventDefault();
                reader.openCode(code.id);
              }}
            >
              {code.title}
            </a>
            <span className="code-meta">
              {numberFormat.format(code.articleCount)} articles, {numberFormat.format(code.versionCount)} versions
              {code.changeDates.length > 0 &&
                ` — versions consolidées du ${formatDate(code.changeDates[0] ?? '')} au ${formatDate(code.changeDates[code.changeDates.length - 1] ?? '')}`}
            </span>
          </li>
        ))}
      </ul>
      {recentShown.length > 0 && (
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Derniers articles lus</h2>
          <ul className="recent-list">
            {recentShown.map((step) => {
              // Each at the date it was read: the same version opens again, whatever the date now read.
              const target = { code: step.code, num: step.num, id: step.article, date: step.date };
              return (
                <li key={`${step.article}@${step.date}`}>
                  <a
                    href={reader.articleHref(target)}
                    onClick={(event) => {
                      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                      event.preventDefault();
                      reader.openArticle(target, 'visit');
                    }}
                  >
                    Article {step.num}
                  </a>{' '}
                  <span className="code-meta">
                    {reader.codeTitle(step.code)}, version en vigueur le {formatDate(step.date)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </section>
  );
}

export function CodeHome({ code }: { code: CodeId }) {
  const reader = useReader();
  const summary = reader.corpus?.manifest.codes.find((c) => c.id === code);
  if (!summary) {
    return (
      <section className="article-pane">
        <Message title="Code introuvable" tone="error">
          Le code « {code} » ne fait pas partie du corpus installé.
        </Message>
      </section>
    );
  }
  return (
    <section className="article-pane home" aria-labelledby="code-title">
      <h1 id="code-title">{summary.title}</h1>
      <p className="lead">
        {numberFormat.format(summary.articleCount)} articles et {numberFormat.format(summary.versionCount)} versions. Ouvrez un article dans
        le sommaire, ou cherchez-le par son numéro.
      </p>
      <p>Sommaire et textes tels qu’en vigueur le {formatDate(reader.date)}.</p>
      {summary.changeDates.length > 0 && (
        <p>
          <a
            href={reader.changesHref(code)}
            onClick={(event) => {
              event.preventDefault();
              reader.openChanges(code);
            }}
          >
            Modifications du code
          </a>{' '}
          : {numberFormat.format(summary.changeDates.length)} versions consolidées, chacune avec ses articles créés, modifiés et abrogés.
        </p>
      )}
      {summary.correspondence && (
        <p>
          <a href={formatRoute({ kind: 'correspondence', code })}>Table de correspondance</a> : les anciens numéros des articles et ceux qui
          les remplacent, dans les deux sens.
        </p>
      )}
    </section>
  );
}

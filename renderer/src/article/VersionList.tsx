/**
 * The « Versions » tab: every version of the article with its dates, status and amending text;
 * each can be read. The versions work (timeline, comparison, redline) grows from here.
 */
import type { Article } from '../../../corpus/model/model.ts';
import { useReader } from '../app/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { statusLabel, type Reading } from './version-at.ts';

export function VersionList({ article, reading }: { article: Article; reading: Reading }) {
  const reader = useReader();
  return (
    <div className="version-list">
      <table>
        <caption>Versions de l’article {article.num}, de la plus récente à la plus ancienne</caption>
        <thead>
          <tr>
            <th scope="col">Du</th>
            <th scope="col">Au</th>
            <th scope="col">Statut</th>
            <th scope="col">Texte à l’origine de la version</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {article.versions
            .map((version, index) => ({ version, index }))
            .reverse()
            .map(({ version, index }) => {
              const current = index === reading.index;
              return (
                <tr key={version.validFrom + index} aria-current={current ? 'true' : undefined} className={current ? 'current' : undefined}>
                  <td>{formatDate(version.validFrom)}</td>
                  <td>{version.validTo ? formatDate(version.validTo) : '—'}</td>
                  <td>
                    <span className={`status status-${version.status}`}>{statusLabel(version.status)}</span>
                  </td>
                  <td>{version.amendedBy ?? '—'}</td>
                  <td>
                    {current ? (
                      <span className="current-label">Version lue</span>
                    ) : (
                      <a
                        href={reader.articleHref({ code: article.code, num: article.num, date: version.validFrom })}
                        onClick={(event) => {
                          event.preventDefault();
                          reader.openArticle({ code: article.code, num: article.num, id: article.id, date: version.validFrom }, 'visit');
                        }}
                      >
                        Lire
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}

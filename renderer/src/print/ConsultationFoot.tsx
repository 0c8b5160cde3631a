/**
 * The foot of a printed article page (Ctrl+P on the reader, issue 12 §4): when it was consulted and
 * where to find it again — this page's address and, when the version's LEGI id is known, its page on
 * Légifrance. Hidden on screen; `reader-print.css` shows it on paper and hides the interface.
 */
import { formatDate } from '../dates/french-dates.ts';
import './reader-print.css';

export function ConsultationFoot({ legiVersionId, today }: { legiVersionId: string | undefined; today: string }) {
  return (
    <footer className="consultation-foot">
      <p>
        Consulté le {formatDate(today)} dans Palimpseste : {window.location.href}
      </p>
      {legiVersionId && <p>Sur Légifrance : https://www.legifrance.gouv.fr/codes/article_lc/{legiVersionId}</p>}
    </footer>
  );
}

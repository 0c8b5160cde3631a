/** The host's notices above the page, each with its « Fermer » button. */
import type { HostNotice } from '../../../electron/common/api.ts';
import { Message } from '../ui/Message.tsx';

export function HostNotices({ notices, onDismiss }: { notices: readonly HostNotice[]; onDismiss: (notice: HostNotice) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice, index) => (
        <Message key={index} title="À savoir" tone="warning">
          {notice.message}{' '}
          <button type="button" className="link-button" onClick={() => onDismiss(notice)}>
            Fermer
          </button>
        </Message>
      ))}
    </div>
  );
}

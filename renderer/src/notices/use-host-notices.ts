/**
 * The host's notices (a corrupt file kept aside…), fetched at start and again whenever the caller
 * says the host was called (the trails file is read on first use). Each is shown once, until dismissed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostNotice, PalimpsesteApi } from '../../../electron/common/api.ts';

export interface HostNotices {
  notices: HostNotice[];
  /** Asks the host again (after a call that may have found something to say). Stable. */
  refresh(): void;
  /** Hides a notice for the rest of the session, even if the host reports it again. Stable. */
  dismiss(notice: HostNotice): void;
}

function noticeKey(notice: HostNotice): string {
  return `${notice.kind}:${notice.keptAs ?? notice.message}`;
}

export function useHostNotices(api: PalimpsesteApi): HostNotices {
  const [notices, setNotices] = useState<HostNotice[]>([]);
  const dismissed = useRef(new Set<string>());
  const refresh = useCallback(() => {
    void api.getNotices().then((result) => {
      if (result.ok) setNotices(result.value.filter((notice) => !dismissed.current.has(noticeKey(notice))));
    });
  }, [api]);
  useEffect(refresh, [refresh]);
  const dismiss = useCallback((notice: HostNotice) => {
    dismissed.current.add(noticeKey(notice));
    setNotices((shown) => shown.filter((n) => n !== notice));
  }, []);
  return { notices, refresh, dismiss };
}

/** What the host had to do that the user should hear about (see `HostNotice`), kept for `getNotices`. */
import type { HostNotice } from '../common/api.ts';

export class NoticeBoard {
  private readonly notices: HostNotice[] = [];

  add(notice: HostNotice): void {
    this.notices.push(notice);
  }

  list(): HostNotice[] {
    return [...this.notices];
  }
}

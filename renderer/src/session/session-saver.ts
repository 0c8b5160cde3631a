/**
 * Saves where the user is (`api.setSession`) at once, one request at a time: while one is on its
 * way only the latest state waits, so the host never receives an older location after a newer one
 * (two HTTP requests in parallel may arrive in any order).
 */
import type { Result, SessionState } from '../../../electron/common/api.ts';

export class SessionSaver {
  private inFlight = false;
  private waiting?: SessionState;

  constructor(private readonly send: (state: SessionState) => Promise<Result<true>>) {}

  save(state: SessionState): void {
    this.waiting = state;
    if (!this.inFlight) void this.flush();
  }

  private async flush(): Promise<void> {
    while (this.waiting) {
      const state = this.waiting;
      this.waiting = undefined;
      this.inFlight = true;
      // A failed save is not worth a message: the next navigation saves again.
      await this.send(state).catch(() => undefined);
      this.inFlight = false;
    }
  }
}

/**
 * The last articles read, each at the date it was read, the most recent first: an article read
 * again at the same date moves to the top; read at another date, it is another entry (a lawyer
 * reading L611-3 as of 1990 and as of today has read two texts).
 */
import type { TrailStep } from '../../../electron/common/api.ts';

/** What the home page shows. */
export const RECENT_SHOWN = 12;

export function withRecent(recent: readonly TrailStep[], step: TrailStep, max = RECENT_SHOWN): TrailStep[] {
  const others = recent.filter((entry) => entry.article !== step.article || entry.date !== step.date);
  return [step, ...others].slice(0, max);
}

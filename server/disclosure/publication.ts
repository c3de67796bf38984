// When a closed council × wave's results are published. Closing is not atomic with respect to
// acceptance: another server instance may hold the campaign in its one-second cache (a read may take
// up to its 4 s deadline, then is kept 1 s: study/campaigns/cache.ts), and a response accepted just
// before is written behind the batch ahead of it (each write step has a 4 s deadline:
// responses/writer.ts). So results are published only PUBLICATION_GRACE_MS after the close
// instant, far beyond those bounds, and the first publication already includes every response
// accepted. What is published then is kept as it is (reports/summaries/publications.ts) and never
// recomputed, so a write that somehow lands later still cannot change a published figure.
import { todayInUk } from '../platform/dates.js';

export const PUBLICATION_GRACE_MS = 60_000;

export type ResultsState = 'open' | 'closing' | 'published';

// `closed` is the campaign's status (study/campaigns/status.ts). A manual close records
// `closedAt`; a campaign closed by hand before that was recorded closed long ago. A wave's own
// close is the end of its last UK day.
export function resultsState(
  c: { closed: boolean; closedManually: boolean; closedAt?: Date | null; closesOn: string },
  now: Date,
): ResultsState {
  if (!c.closed) return 'open';
  const graceAgo = new Date(now.getTime() - PUBLICATION_GRACE_MS);
  if (todayInUk(graceAgo) > c.closesOn) return 'published';
  if (c.closedManually && (!c.closedAt || c.closedAt.getTime() <= graceAgo.getTime())) return 'published';
  return 'closing';
}

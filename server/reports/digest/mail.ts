import type { MailParts } from '../../mail/runtime.js';
import { ukWeekdayAndHour } from '../../platform/dates.js';
import { digestComposer, queueWeeklyDigests, type DigestDeps } from './service.js';

// Digests go from Monday 08:00 UK time (or at the first chance after, once a week).
export function digestDue(now: Date): boolean {
  const { weekday, hour } = ukWeekdayAndHour(now);
  return !(weekday === 'Mon' && hour < 8);
}

// The weekly HR-lead digest's part of the mail. Digests already queued are always sent; new ones
// are queued only when there is a way to list their recipients.
export function digestMail(
  deps: Omit<DigestDeps, 'listRecipients'> & { listRecipients?: DigestDeps['listRecipients'] },
): MailParts {
  const { listRecipients } = deps;
  return {
    composers: { digest: digestComposer },
    ticks: listRecipients
      ? [
          async (now) => {
            if (digestDue(now)) await queueWeeklyDigests({ ...deps, listRecipients }, now);
          },
        ]
      : [],
  };
}

import type { MailParts } from '../../mail/runtime.js';
import { ukWeekdayAndHour } from '../../platform/dates.js';
import { digestComposer, queueWeeklyDigests, type DigestDeps } from './service.js';

// Digests go from Monday 08:00 UK time (or at the first chance after, once a week).
export function digestDue(now: Date): boolean {
  const { weekday, hour } = ukWeekdayAndHour(now);
  return !(weekday === 'Mon' && hour < 8);
}

// The weekly HR-lead digest's part of the mail.
export function digestMail(deps: DigestDeps): MailParts {
  return {
    composers: { digest: digestComposer },
    ticks: [async (now) => { if (digestDue(now)) await queueWeeklyDigests(deps, now); }],
  };
}

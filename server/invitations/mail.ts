import type { Logger } from '../log.js';
import type { MailParts } from '../mail/runtime.js';
import { todayInUk } from '../platform/dates.js';
import { invitationComposer } from './compose.js';
import { sweepExpiredLists } from './retention.js';
import { queueDueReminders } from './schedule.js';

export type InvitationMailDeps = { baseUrl: string; minGroupSize: number; retentionDays: number; logger: Logger };

// Invitations' part of the mail: writing invitations and reminders, queueing due reminders and,
// once a day, deleting email lists past their retention.
export function invitationMail(d: InvitationMailDeps): MailParts {
  let sweptOn = '';
  const compose = invitationComposer({
    baseUrl: d.baseUrl,
    minGroupSize: d.minGroupSize,
    retentionDays: d.retentionDays,
  });
  return {
    composers: { invitation: compose, reminder: compose },
    ticks: [
      async (now) => {
        await queueDueReminders(now);
      },
      async (now) => {
        if (sweptOn === todayInUk(now)) return;
        const deleted = await sweepExpiredLists(now, d.retentionDays);
        sweptOn = todayInUk(now);
        if (deleted.length > 0)
          d.logger.info({ campaigns: deleted.length }, 'email lists past their retention deleted');
      },
    ],
  };
}

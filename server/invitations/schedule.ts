import { findCampaign } from '../study/campaigns/service.js';
import { todayInUk, ukWeekdayAndHour } from '../platform/dates.js';
import { badRequest } from '../errors.js';
import { createMailing } from '../mail/outbox/feeder.js';
import { InvitationClaim, InvitationList, InvitationOptOut, inviteesOf } from './model.js';
import { ensureList } from './service.js';

// Reminders go out from 09:00 UK time on their day, not at midnight.
export const REMINDER_HOUR = 9;

export async function setReminderDates(code: string, dates: string[], now: Date): Promise<{ dates: string[] }> {
  const { wave, status } = await findCampaign(code);
  if (status === 'closed') throw badRequest('This survey has closed.');
  const today = todayInUk(now);
  const sorted = [...new Set(dates)].sort();
  const wrong = sorted.filter((d) => d < today || d < wave.opensOn || d > wave.closesOn);
  if (wrong.length > 0) {
    throw badRequest(
      `Reminder dates must be from today and between ${wave.opensOn} and ${wave.closesOn}.`,
      wrong.map((d) => ({ field: 'dates', problem: `${d} is outside that range` })),
    );
  }
  await ensureList(code);
  await InvitationList.updateOne({ _id: code }, { $set: { reminders: sorted } });
  return { dates: sorted };
}

// Who a reminder is for: listed, link unused, not opted out, not answering at this moment.
// (Checked again when each email is written.)
export async function reminderRecipients(code: string): Promise<string[]> {
  const [unused, optOuts, claims] = await Promise.all([
    inviteesOf(code)
      .find({ used: false }, { projection: { _id: 1 } })
      .toArray(),
    InvitationOptOut.find({ campaign: code }, { _id: 1 }).lean(),
    InvitationClaim.find({ campaign: code }, { _id: 1 }).lean(),
  ]);
  const excluded = new Set([...optOuts, ...claims].map((d) => d._id.slice(code.length + 1)));
  return unused.map((d) => d._id).filter((id) => !excluded.has(id));
}

// Scheduler tick: a mailing for each list whose reminder day has come. If the server was down
// over several reminder days, one reminder goes, not one per missed day.
export async function queueDueReminders(now: Date): Promise<number> {
  if (ukWeekdayAndHour(now).hour < REMINDER_HOUR) return 0;
  const today = todayInUk(now);
  let queued = 0;
  for (const list of await InvitationList.find({}, { reminders: 1, remindersQueued: 1 }).lean()) {
    const due = list.reminders.filter((d) => d <= today && !list.remindersQueued.includes(d));
    if (due.length === 0) continue;
    const { status } = await findCampaign(list._id).catch(() => ({ status: 'closed' as const }));
    if (status === 'open') {
      const latest = due[due.length - 1]!;
      if (
        await createMailing({
          id: `${list._id}:r:${latest}`,
          kind: 'reminder',
          campaign: list._id,
          invitees: await reminderRecipients(list._id),
        })
      )
        queued++;
    }
    await InvitationList.updateOne({ _id: list._id }, { $addToSet: { remindersQueued: { $each: due } } });
  }
  return queued;
}

import { addDays, todayInUk } from '../platform/dates.js';
import { deleteCampaignMailRecords, deleteQueuedCampaignMail } from '../mail/outbox/store.js';
import { findCampaignByCode, findWave } from '../study/store.js';
import { InvitationClaim, InvitationList, InvitationOptOut, InvitationToken, inviteesOf } from './model.js';

// The last day a list is kept: a wave "closes on" its last open day, so with 30 days' retention
// a wave closing on 1 June keeps its list to 1 July and loses it on 2 July.
export const deleteAfterDay = (closedOn: string, retentionDays: number) => addDays(closedOn, retentionDays);

const ignoreMissing = (err: unknown) => {
  if ((err as { codeName?: string; code?: number }).code !== 26 && !/ns not found/i.test((err as Error).message))
    throw err;
};

// Everything that names a person: queued mail first (nothing more goes out), then addresses,
// links, opt-outs, undelivered messages and the record of what was sent. The list document
// goes last, so a sweep interrupted part-way is finished by the next one.
export async function deleteList(code: string): Promise<void> {
  await deleteQueuedCampaignMail(code);
  await inviteesOf(code).drop().catch(ignoreMissing);
  await Promise.all([
    InvitationToken.deleteMany({ campaign: code }),
    InvitationOptOut.deleteMany({ campaign: code }),
    InvitationClaim.deleteMany({ campaign: code }),
    deleteCampaignMailRecords(code),
  ]);
  await InvitationList.deleteOne({ _id: code });
}

// Daily: delete each list whose wave closed more than `retentionDays` ago. A campaign closed by
// hand has no closing date of its own, so the first day the sweep sees it closed stands for one.
export async function sweepExpiredLists(now: Date, retentionDays: number): Promise<string[]> {
  const today = todayInUk(now);
  const deleted: string[] = [];
  for (const list of await InvitationList.find({}, { closedSeenOn: 1 }).lean()) {
    const campaign = await findCampaignByCode(list._id);
    const wave = campaign && (await findWave(campaign.waveId));
    let closedOn: string | null = null;
    if (!campaign || !wave) closedOn = '0000-01-01';
    else if (today > wave.closesOn)
      closedOn = list.closedSeenOn && list.closedSeenOn < wave.closesOn ? list.closedSeenOn : wave.closesOn;
    else if (campaign.closedManually) {
      if (!list.closedSeenOn) await InvitationList.updateOne({ _id: list._id }, { $set: { closedSeenOn: today } });
      closedOn = list.closedSeenOn ?? today;
    }
    if (closedOn !== null && today > deleteAfterDay(closedOn, retentionDays)) {
      await deleteList(list._id);
      deleted.push(list._id);
    }
  }
  return deleted;
}

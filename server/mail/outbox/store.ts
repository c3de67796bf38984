import { MailDone, MailProblem, Mailing, OutboxClaim, OutboxMessage, type ProblemDoc } from './model.js';

// How other features read and change a campaign's mail: plain objects in and out; the models
// stay inside mail/.
export type { OutboxDoc, ProblemDoc } from './model.js';
export { isDuplicateKey } from './model.js';

export const mailingExists = async (id: string) => (await Mailing.exists({ _id: id })) !== null;
// Holds a mailing back from the feeder until `until` (a time already past releases it).
export const holdMailingUntil = async (id: string, until: Date) => {
  await Mailing.updateOne({ _id: id }, { $set: { holdUntil: until } });
};

export const findMailProblem = (id: string) => MailProblem.findById(id).lean<ProblemDoc>();
export const deleteMailProblem = async (id: string) => {
  await MailProblem.deleteOne({ _id: id });
};

// Where a campaign's mail stands: what was finished (sent or not needed), what failed, what is
// still to be fed from its mailings and what is queued.
export async function campaignMail(code: string) {
  const [done, problems, mailings, queued] = await Promise.all([
    MailDone.find({ campaign: code }, { kind: 1, skipped: 1 }).lean(),
    MailProblem.find({ campaign: code }).lean<ProblemDoc[]>(),
    Mailing.find({ campaign: code, done: false }, { kind: 1, invitees: 1, next: 1 }).lean(),
    OutboxMessage.find({ campaign: code }, { kind: 1 }).lean(),
  ]);
  return { done, problems, mailings, queued };
}

// Deleting a campaign's mail takes two steps, so a caller can stop what is still to go out
// before it deletes the addresses, and remove the record of what went out afterwards.
export async function deleteQueuedCampaignMail(code: string): Promise<void> {
  await Mailing.deleteMany({ campaign: code });
  await OutboxMessage.deleteMany({ campaign: code });
}

export async function deleteCampaignMailRecords(code: string): Promise<void> {
  await Promise.all([
    MailProblem.deleteMany({ campaign: code }),
    MailDone.deleteMany({ campaign: code }),
    OutboxClaim.deleteMany({ campaign: code }),
  ]);
}

import { todayInUk } from '../../platform/dates.js';
import { MailDone, MailProblem, OutboxClaim, OutboxMessage, isDuplicateKey, type OutboxDoc } from './model.js';

// The life of one message, never sent twice:
//   queued --claim--> (being sent) --SMTP accepted--> done: recorded in maildone, removed
//                          |--refused for now------> queued again, next round, later
//                          |--refused for good-----> problem "failed"
//                          '--connection broke-----> problem "unknown" (it may have arrived)
// A round is claimed by inserting `<id>#<round>` (atomic on every database), and only then is
// anything sent. A claim with no outcome after `staleMs` belonged to a process that stopped
// somewhere between claiming and recording: the message becomes "unknown" and is never retried
// by itself. At most once, with any doubt shown to an admin, who may resend.

const claimId = (m: Pick<OutboxDoc, '_id' | 'round'>) => `${m._id}#${m.round}`;

// Claims up to `max` due messages in one insert of their claim ids (each claim is still atomic
// on its own: a duplicate is refused, the rest go in). `skip`: ids this process already holds.
export async function claimBatch(now: Date, max: number, skip: ReadonlySet<string> = new Set()): Promise<OutboxDoc[]> {
  const due = (
    await OutboxMessage.find({ due: { $lte: now } })
      .limit(max * 4 + skip.size)
      .lean<OutboxDoc[]>()
  )
    .filter((m) => !skip.has(m._id))
    .slice(0, max);
  if (due.length === 0) return [];
  let refused = new Set<number>();
  try {
    await OutboxClaim.collection.insertMany(
      due.map((m) => ({ _id: claimId(m), campaign: m.campaign, at: now })) as never[],
      { ordered: false },
    );
  } catch (err) {
    const errors = (err as { writeErrors?: unknown }).writeErrors;
    const list = (Array.isArray(errors) ? errors : errors ? [errors] : []) as { index: number; code?: number }[];
    if (list.length === 0 || !list.every(isDuplicateKey)) throw err;
    refused = new Set(list.map((e) => e.index));
  }
  for (const i of refused) {
    // a copy queued again after it finished (a mailing re-fed after a crash): drop it
    if (await finishedElsewhere(due[i]!._id)) await OutboxMessage.deleteOne({ _id: due[i]!._id, round: due[i]!.round });
  }
  return due.filter((_, i) => !refused.has(i));
}

async function finishedElsewhere(id: string): Promise<boolean> {
  const [done, problem] = await Promise.all([MailDone.exists({ _id: id }), MailProblem.exists({ _id: id })]);
  return Boolean(done || problem);
}

// Records the outcome; the caller removes the message from the outbox in batches (FerretDB runs
// one write at a time, so fewer writes is more mail per second). Until then, this record keeps
// the message from going again.
export async function recordDone(m: OutboxDoc, skipped: boolean): Promise<void> {
  await MailDone.create({ _id: m._id, campaign: m.campaign, kind: m.kind, skipped }).catch((err) => {
    if (!isDuplicateKey(err)) throw err;
  });
}

export async function removeFromOutbox(ids: string[]): Promise<void> {
  if (ids.length > 0) await OutboxMessage.deleteMany({ _id: { $in: ids } });
}

export async function requeue(m: OutboxDoc, due: Date, attempts: number, error: string): Promise<void> {
  await OutboxMessage.updateOne(
    { _id: m._id },
    { $set: { round: m.round + 1, attempts, due, error: error.slice(0, 500) } },
  );
}

export async function toProblem(m: OutboxDoc, state: 'failed' | 'unknown', error: string, now: Date): Promise<void> {
  const { _id, kind, campaign, invitee, to, subject, text, html, round, attempts } = m;
  await MailProblem.create({
    _id,
    kind,
    campaign,
    invitee,
    to,
    subject,
    text,
    html,
    round,
    attempts,
    state,
    error: error.slice(0, 500),
    day: todayInUk(now),
  }).catch((err) => {
    if (!isDuplicateKey(err)) throw err;
  });
  await OutboxMessage.deleteOne({ _id: m._id });
}

// Claims older than any send can take, with no outcome: their process stopped. If the message
// was in fact recorded as done, only tidy up; otherwise nobody knows whether it arrived.
export async function recoverStale(now: Date, staleMs: number, skip: ReadonlySet<string> = new Set()): Promise<number> {
  let recovered = 0;
  for (const m of await OutboxMessage.find({}).lean<OutboxDoc[]>()) {
    if (skip.has(m._id)) continue;
    const claim = await OutboxClaim.findById(claimId(m), { at: 1 }).lean();
    if (!claim || now.getTime() - claim.at.getTime() < staleMs) continue;
    if (await finishedElsewhere(m._id)) await OutboxMessage.deleteOne({ _id: m._id });
    else
      await toProblem(
        m,
        'unknown',
        'The sending process stopped while sending; the message may or may not have arrived.',
        now,
      );
    recovered++;
  }
  return recovered;
}

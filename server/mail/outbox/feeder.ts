import { todayInUk } from '../../platform/dates.js';
import { Mailing, OutboxMessage, isDuplicateKey, type MailingDoc, type MessageKind } from './model.js';

export const messageIdFor = (mailingId: string, invitee: string) => `${mailingId}:${invitee}`;

// Tops the outbox up to `window` messages from unfinished mailings, oldest first, so the outbox
// stays small enough for FerretDB to scan on every claim however long the staff lists are.
// Re-feeding after a crash is harmless: a message id still queued is refused by its _id, and a
// copy of one already sent meets its old claim and is dropped (claim.ts).
export async function feedOutbox(now: Date, window: number): Promise<number> {
  let room = window - (await OutboxMessage.countDocuments({}));
  if (room <= 0) return 0;
  const today = todayInUk(now);
  const mailings = await Mailing.find({ done: false }).lean<MailingDoc[]>();
  let fed = 0;
  for (const m of mailings) {
    if (room <= 0) break;
    if ((m.notBefore && m.notBefore > today) || (m.holdUntil && m.holdUntil > now)) continue;
    const slice = m.invitees.slice(m.next, m.next + room);
    const docs = slice.map((invitee) => ({
      _id: messageIdFor(m._id, invitee),
      kind: m.kind as MessageKind,
      campaign: m.campaign,
      invitee,
      round: 0,
      attempts: 0,
      due: now,
    }));
    fed += await insertNew(docs);
    const next = m.next + slice.length;
    await Mailing.updateOne({ _id: m._id }, { $set: { next, done: next >= m.invitees.length } });
    room -= slice.length;
  }
  return fed;
}

// Inserts the documents that are not there yet and says how many were new.
export async function insertNew(docs: Record<string, unknown>[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    return (await OutboxMessage.collection.insertMany(docs as never[], { ordered: false })).insertedCount;
  } catch (err) {
    const e = err as { writeErrors?: unknown; insertedCount?: number; result?: { insertedCount?: number } };
    const errors = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [err];
    if (!errors.every(isDuplicateKey)) throw err;
    return e.insertedCount ?? e.result?.insertedCount ?? 0;
  }
}

export type NewMailing = {
  id: string;
  kind: MessageKind;
  campaign?: string;
  invitees: string[];
  notBefore?: string;
  holdUntil?: Date;
};

export async function createMailing(input: NewMailing): Promise<boolean> {
  try {
    const { id, invitees, ...rest } = input;
    await Mailing.create({ _id: id, invitees, ...rest, done: invitees.length === 0 });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

import { MailLease, isDuplicateKey } from './model.js';

// One process sends at a time, so MAIL_RATE_PER_SECOND is the rate of the whole installation.
// Time is cut into slots; inserting `<name>@<slot>` (atomic on every database, unlike
// findOneAndUpdate on FerretDB) holds the slot. The holder claims the next slot before it
// starts, so it normally keeps sending; if it dies, another process takes the next slot.
// A lease only spaces the sending: each message is still claimed on its own (claim.ts).
export function createSlotLease(name: string, holder: string, slotMs = 30_000) {
  const known = new Map<number, boolean>();

  const claim = async (slot: number): Promise<boolean> => {
    try {
      await MailLease.create({ _id: `${name}@${slot}`, holder, slot });
      if (slot % 20 === 0) await MailLease.deleteMany({ slot: { $lt: slot - 20 } });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return (await MailLease.findById(`${name}@${slot}`, { holder: 1 }).lean())?.holder === holder;
    }
  };

  return async function holds(nowMs: number): Promise<boolean> {
    const slot = Math.floor(nowMs / slotMs);
    if (!known.has(slot)) known.set(slot, await claim(slot));
    const mine = known.get(slot)!;
    if (mine && (slot + 1) * slotMs - nowMs < slotMs / 4 && !known.has(slot + 1)) known.set(slot + 1, await claim(slot + 1));
    for (const s of known.keys()) if (s < slot) known.delete(s);
    return mine;
  };
}

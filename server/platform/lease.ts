import mongoose from 'mongoose';
import { isDuplicate } from './db/insert-each.js';

// The one lease of the platform: one process at a time holds a named lease (counting responses,
// sending mail). Time is cut into slots; inserting `<name>@<slot>` holds the slot. A unique
// insert is atomic on MongoDB and on FerretDB alike, unlike findOneAndUpdate and conditional
// updates, which FerretDB does not make atomic. The holder claims the next slot shortly before
// its slot ends, so it normally keeps the lease; if it dies, another process takes the next slot.
const LeaseSlot = mongoose.model(
  'LeaseSlot',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      holder: { type: String, required: true },
      slot: { type: Number, required: true },
    },
    { versionKey: false },
  ),
  'leaseslots',
);

// Slots older than this many are deleted now and then; they are never read again.
const KEEP_SLOTS = 20;

export type Lease = (nowMs: number) => Promise<boolean>;

export function createLease(name: string, holder: string, slotMs = 30_000): Lease {
  const known = new Map<number, boolean>();

  const claim = async (slot: number): Promise<boolean> => {
    try {
      await LeaseSlot.create({ _id: `${name}@${slot}`, name, holder, slot });
      if (slot % KEEP_SLOTS === 0) await LeaseSlot.deleteMany({ name, slot: { $lt: slot - KEEP_SLOTS } });
      return true;
    } catch (err) {
      if (!isDuplicate(err as { code?: number })) throw err;
      return (await LeaseSlot.findById(`${name}@${slot}`, { holder: 1 }).lean())?.holder === holder;
    }
  };

  // Whether this holder holds the lease at `nowMs`; answered from memory within a known slot.
  return async function holds(nowMs: number): Promise<boolean> {
    const slot = Math.floor(nowMs / slotMs);
    if (!known.has(slot)) known.set(slot, await claim(slot));
    const mine = known.get(slot)!;
    if (mine && (slot + 1) * slotMs - nowMs < slotMs / 4 && !known.has(slot + 1))
      known.set(slot + 1, await claim(slot + 1));
    for (const s of known.keys()) if (s < slot) known.delete(s);
    return mine;
  };
}

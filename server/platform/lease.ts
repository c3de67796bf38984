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
// The lease as its holder keeps it: `release` gives up the slots this holder has claimed, so that
// a process started after it (an upgrade is stop, then start) takes the lease at once instead of
// when the claimed slots run out (up to two slots: the holder claims the next ahead of time).
// Call it only once nothing of this holder's work is still running.
export type HeldLease = Lease & { release: () => Promise<void> };

// A process that found the slot held by another asks again after this long, so that it takes a
// released lease within the slot rather than at its end.
const RECHECK_MS = 2000;

export function createLease(name: string, holder: string, slotMs = 30_000): HeldLease {
  // per slot: whether this holder holds it, and when that was last found out
  const known = new Map<number, { mine: boolean; at: number }>();

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

  // Whether this holder holds the lease at `nowMs`; answered from memory within a known slot
  // (a slot held by another is asked about again every RECHECK_MS).
  const holds = async function holds(nowMs: number): Promise<boolean> {
    const slot = Math.floor(nowMs / slotMs);
    const seen = known.get(slot);
    if (seen === undefined || (!seen.mine && nowMs - seen.at >= RECHECK_MS))
      known.set(slot, { mine: await claim(slot), at: nowMs });
    const mine = known.get(slot)!.mine;
    if (mine && (slot + 1) * slotMs - nowMs < slotMs / 4 && !known.has(slot + 1))
      known.set(slot + 1, { mine: await claim(slot + 1), at: nowMs });
    for (const s of known.keys()) if (s < slot) known.delete(s);
    return mine;
  };

  const release = async (): Promise<void> => {
    const held = [...known].filter(([, { mine }]) => mine).map(([slot]) => `${name}@${slot}`);
    known.clear();
    // only this holder's: another's slot is not touched
    if (held.length > 0) await LeaseSlot.deleteMany({ _id: { $in: held }, holder });
  };
  return Object.assign(holds, { release });
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { conflict } from '../errors.js';
import { isDuplicate } from '../platform/db/insert-each.js';
import { AdminChangeClaim, User } from './model.js';

// Two admins demoting each other at once must not leave no admin. FerretDB has no transactions
// and does not make conditional updates atomic, so a change that may take admin access away
// first claims the current 30-second slot and the next by unique insert, then counts the other
// enabled admins and only then writes. Any two such changes less than a slot apart share a slot
// claim, so they run one after the other and the second counts what the first left. A claim left
// by a process that died is never deleted by anyone else: it simply falls behind the clock
// (changes wait at most two slots).
export const CLAIM_SLOT_MS = 30_000;
const TRIES = 100; // about five seconds

export const lastAdmin = () =>
  conflict('That would leave no enabled admin account; make another account an admin first.');
const busy = () => conflict('Another admin account change is being saved; please try again.');

async function insertClaim(id: string, holder: string): Promise<boolean> {
  try {
    await AdminChangeClaim.create({ _id: id, holder });
    return true;
  } catch (err) {
    if (!isDuplicate(err as { code?: number })) throw err;
    return false;
  }
}

// Both slots or neither: a half-held pair is given back at once.
async function claimPair(slot: number, holder: string): Promise<string[] | null> {
  const [first, second] = [`admins@${slot}`, `admins@${slot + 1}`];
  if (!(await insertClaim(first, holder))) return null;
  if (await insertClaim(second, holder)) return [first, second];
  await AdminChangeClaim.deleteOne({ _id: first });
  return null;
}

async function claim(now: () => number): Promise<string[]> {
  const holder = randomUUID();
  for (let i = 0; i < TRIES; i++) {
    const ids = await claimPair(Math.floor(now() / CLAIM_SLOT_MS), holder);
    if (ids) return ids;
    await sleep(20 + Math.random() * 40);
  }
  throw busy();
}

// Runs `change`, which may take admin access from `email`, only if another enabled admin is left.
export async function withAnotherAdminLeft<T>(
  email: string,
  change: () => Promise<T>,
  now = () => Date.now(),
): Promise<T> {
  const ids = await claim(now);
  try {
    const others = await User.countDocuments({ role: 'admin', disabled: { $ne: true }, _id: { $ne: email } });
    if (others === 0) throw lastAdmin();
    return await change();
  } finally {
    // ours alone: nobody else can insert these ids while they exist, so a bare _id delete is safe
    await AdminChangeClaim.deleteMany({ _id: { $in: ids } }).catch(() => {});
  }
}

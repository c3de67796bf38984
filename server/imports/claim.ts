import { randomUUID } from 'node:crypto';
import { conflict } from '../errors.js';
import { isDuplicate } from '../platform/db/insert-each.js';
import { ImportClaim } from './model.js';

// A claim older than this was left by a process that died (an import of the largest file the
// route accepts takes well under a minute).
export const STALE_CLAIM_MS = 30 * 60_000;

const busy = (code: string) => conflict(`An import into campaign ${code} is already under way.`);

async function insertClaim(code: string, holder: string): Promise<boolean> {
  try {
    await ImportClaim.create({ _id: code, holder, since: new Date() });
    return true;
  } catch (err) {
    if (!isDuplicate(err as { code?: number })) throw err;
    return false;
  }
}

// Runs `work` holding the campaign's import claim; 409 when another import holds it.
export async function withImportClaim<T>(code: string, work: () => Promise<T>, now = () => Date.now()): Promise<T> {
  const holder = randomUUID();
  if (!(await insertClaim(code, holder))) {
    const left = await ImportClaim.findById(code).lean();
    if (!left || now() - left.since.getTime() < STALE_CLAIM_MS) throw busy(code);
    await ImportClaim.deleteOne({ _id: code, holder: left.holder });
    if (!(await insertClaim(code, holder))) throw busy(code);
  }
  try {
    return await work();
  } finally {
    await ImportClaim.deleteOne({ _id: code, holder }).catch(() => {});
  }
}

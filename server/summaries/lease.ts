import { Lease } from './model.js';

// A lease that one process at a time holds for `ttlMs`, renewed while it works.
// FerretDB scans for any filter beyond a bare _id, which is fine for this one-document collection.
export async function acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  try {
    const doc = await Lease.findOneAndUpdate(
      { _id: name, $or: [{ holder }, { until: { $lt: now } }] },
      { $set: { holder, until: new Date(now.getTime() + ttlMs) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return doc?.holder === holder;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false; // someone else holds it
    throw err;
  }
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await Lease.deleteOne({ _id: name, holder });
}

import mongoose from 'mongoose';
import { insertEach, isDuplicate } from '../platform/db/insert-each.js';

// The export counts of a council × wave whose results are published, sealed once an export has
// read exactly as many rows as they count: a published group takes no more responses (closed,
// and a minute gone after a close by hand) and no import but into an empty campaign, which drops
// the group's seal first and again once stored, so its counts are final. They are kept as one
// JSON string: FerretDB decodes a stored document field by field, and the live counts document
// has a field per counter (some 260 for the staff survey), so 200 groups' live counts take
// 0.7–1.3 s to read where their seals take a few milliseconds. A seal holds the same counts as the
// live document (nothing else: no response, no time, and no decision drawn from them, which is
// made by the code of the day: group-rules.ts), and an export that finds the rows differ from a
// seal drops that seal (the next export reads the live counts again).
const sealSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, c: { type: String, required: true } },
  { versionKey: false },
);
export const ExportSeal = mongoose.model('ExportSeal', sealSchema, 'exportseals');

// The seals of these groups (keys "pilotCode|waveId") as their counts' JSON text, by one query;
// groups without one are absent.
export async function readSeals(keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const docs = await ExportSeal.collection.find({ _id: { $in: [...keys] } as never }).toArray();
  return new Map(docs.map((doc) => [String(doc._id), doc.c as string]));
}

// Seals groups (their counts' JSON text); one sealed meanwhile by another export (the same final
// counts) is left as it is.
export async function seal(groups: ReadonlyMap<string, string>): Promise<void> {
  if (groups.size === 0) return;
  const docs = [...groups].map(([_id, c]) => ({ _id, c }));
  const failed = (await insertEach(ExportSeal.collection, docs)).find((e) => e && !isDuplicate(e));
  if (failed) throw failed;
}

export async function unseal(keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await ExportSeal.deleteMany({ _id: { $in: [...keys] } });
}

// After `summaries:verify -- --rebuild` the live counts are the truth again.
export async function unsealAll(): Promise<void> {
  await ExportSeal.deleteMany({});
}

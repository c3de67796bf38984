import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import mongoose from 'mongoose';
import { insertEach, isDuplicate } from '../platform/db/insert-each.js';

const deflated = promisify(deflateRaw);

// The export counts of a council × wave whose results are published, sealed once an export has
// read exactly as many rows as they count: a published group takes no more responses (closed,
// and a minute gone after a close by hand) and no import but into an empty campaign, which drops
// the group's seal first and again once stored, so its counts are final. They are kept as one
// JSON string: FerretDB decodes a stored document field by field, and the live counts document
// has a field per counter (some 260 for the staff survey), so 200 groups' live counts take
// 0.7–1.3 s to read where their seals take a few milliseconds. The text is stored deflated (`z`,
// about a ninth of its size): FerretDB decodes a long string slowly too, and 200 groups' seals at
// 100k responses read in ~20 ms deflated against ~80 ms as text. Seals written before hold the
// text itself (`c`): they are read as they are, and made again deflated by the next export whose
// rows match them. A seal holds the same counts as the live document and their hash (`h`), and
// nothing else: no response, no time, and no decision drawn from them, which is made by the code
// of the day (group-rules.ts). An export that finds the rows differ from a seal drops that seal
// (the next export reads the live counts again).
const sealSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, z: Buffer, h: String, c: String },
  { versionKey: false },
);
export const ExportSeal = mongoose.model('ExportSeal', sealSchema, 'exportseals');

// A seal as read: `source` names its counts, so a decision made from them can be kept and found
// again without inflating them; `text()` gives the counts' JSON text.
export type Sealed = { source: string; text: () => string; deflated: boolean };

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('base64');
// The name of counts given as JSON text, read live or from a seal alike: a decision made from a
// group's live counts is found again by the next export, which reads the seal the first one made.
// A deflated seal stores it beside its counts (`h`); one sealed by a version before is named by a
// hash of its deflated bytes instead.
export const countsSource = (text: string) => `c:${hash(text)}`;

function sealed(doc: { z?: unknown; h?: unknown; c?: unknown }): Sealed | null {
  if (typeof doc.c === 'string') {
    const c = doc.c;
    return { source: countsSource(c), text: () => c, deflated: false };
  }
  const z = doc.z instanceof mongoose.mongo.Binary ? Buffer.from(doc.z.buffer) : null;
  if (!z) return null;
  const source = typeof doc.h === 'string' ? `c:${doc.h}` : `z:${hash(z)}`;
  return { source, text: () => inflateRawSync(z).toString('utf8'), deflated: true };
}

// The seals of these groups (keys "pilotCode|waveId"), by one query; groups without one are absent.
export async function readSeals(keys: readonly string[]): Promise<Map<string, Sealed>> {
  if (keys.length === 0) return new Map();
  const docs = await ExportSeal.collection.find({ _id: { $in: [...keys] } as never }).toArray();
  const found = new Map<string, Sealed>();
  for (const doc of docs) {
    const seal = sealed(doc as { z?: unknown; h?: unknown; c?: unknown });
    if (seal) found.set(String(doc._id), seal);
  }
  return found;
}

// A seal ready to be stored: the counts' JSON text deflated, and its hash. An export makes them
// while it reads its rows, so that only the insert waits for the rows' totals.
export type SealDraft = { _id: string; z: Buffer; h: string };
export const draftSeals = (groups: ReadonlyMap<string, string>): Promise<SealDraft[]> =>
  Promise.all([...groups].map(async ([_id, c]) => ({ _id, z: await deflated(c), h: hash(c) })));

// Stores seals; one sealed meanwhile by another export (the same final counts) is left as it is.
export async function seal(drafts: readonly SealDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  const failed = (await insertEach(ExportSeal.collection, [...drafts])).find((e) => e && !isDuplicate(e));
  if (failed) throw failed;
}

// Seals of an earlier version (their counts' JSON text), stored again deflated: the text form is
// dropped and the seal made anew, as `seal` makes one, so a seal made meanwhile by another export
// is never overwritten. (Like any seal made from counts read before an import into the group, a
// stale one differs from the rows in number, and the next export stops and drops it.)
export async function deflateSeals(groups: ReadonlyMap<string, string>): Promise<void> {
  if (groups.size === 0) return;
  await ExportSeal.deleteMany({ _id: { $in: [...groups.keys()] }, c: { $exists: true } });
  await seal(await draftSeals(groups));
}

export async function unseal(keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await ExportSeal.deleteMany({ _id: { $in: [...keys] } });
}

// After `summaries:verify -- --rebuild` the live counts are the truth again.
export async function unsealAll(): Promise<void> {
  await ExportSeal.deleteMany({});
}

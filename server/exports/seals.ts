import mongoose from 'mongoose';
import { insertEach, isDuplicate } from '../platform/db/insert-each.js';
import type { GroupRelease } from '../disclosure/export-bands.js';
import type { Counters } from '../tally/counters.js';

// The export counts of a council × wave whose results are published, sealed once an export has
// read exactly as many rows as they count: a published group takes no more responses (closed,
// and a minute gone after a close by hand) and no import but into an empty campaign, which drops
// the group's seal first and again once stored, so its counts are final. They are kept as one JSON string:
// FerretDB decodes a stored document field by field, and the live counts document has a field
// per counter (some 260 for the staff survey), so 200 groups' live counts take 0.7–1.3 s to read
// where their seals take a few milliseconds. A seal holds the same counts as the live document
// (nothing else: no response, no time), and an export that finds the rows differ from a seal
// drops that seal (the next export reads the live counts again).
const sealSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, c: { type: String, required: true }, d: { type: String } },
  { versionKey: false },
);
export const ExportSeal = mongoose.model('ExportSeal', sealSchema, 'exportseals');

// What a group's counts decided under given rules (the release of disclosure/export-bands.ts and
// the row total), kept with its seal (`d`) so a later export under the same rules decides nothing
// again; `rules` names them (limits, free text allowed, survey version).
export type Decision = { rules: string; total: number; release: GroupRelease };
export type Seal = { counts: () => Counters; decision: Decision | null };

type StoredRelease = { bands: [string, string[]][]; months: string[]; withheld: string[]; answers: string[] };
const toJson = ({ rules, total, release: r }: Decision) =>
  JSON.stringify({
    rules,
    total,
    release: { ...r, bands: [...r.bands].map(([q, b]) => [q, [...b]]), months: [...r.months], answers: [...r.answers] },
  });
function fromJson(text: string): Decision {
  const {
    rules,
    total,
    release: r,
  } = JSON.parse(text) as Omit<Decision, 'release'> & {
    release: StoredRelease & { freeText: boolean };
  };
  const release = {
    bands: new Map(r.bands.map(([q, b]) => [q, new Set(b)])),
    months: new Set(r.months),
    withheld: r.withheld,
    answers: new Set(r.answers),
    freeText: r.freeText,
  };
  return { rules, total, release };
}

// The seals of these groups (keys "pilotCode|waveId"), by one query; groups without one are absent.
export async function readSeals(keys: readonly string[]): Promise<Map<string, Seal>> {
  if (keys.length === 0) return new Map();
  const docs = await ExportSeal.collection.find({ _id: { $in: [...keys] } as never }).toArray();
  return new Map(
    docs.map((doc) => [
      String(doc._id),
      { counts: () => JSON.parse(doc.c as string) as Counters, decision: doc.d ? fromJson(doc.d as string) : null },
    ]),
  );
}

// Seals groups; one sealed meanwhile by another export (the same final counts) is left as it is.
export async function seal(groups: ReadonlyMap<string, { counts: Counters; decision?: Decision }>): Promise<void> {
  if (groups.size === 0) return;
  const docs = [...groups].map(([_id, { counts, decision }]) => ({
    _id,
    c: JSON.stringify(counts),
    ...(decision ? { d: toJson(decision) } : {}),
  }));
  const failed = (await insertEach(ExportSeal.collection, docs)).find((e) => e && !isDuplicate(e));
  if (failed) throw failed;
}

// Sealed groups decided afresh keep their new decision (the same for everyone under the same rules).
export async function keepDecisions(decisions: ReadonlyMap<string, Decision>): Promise<void> {
  await Promise.all(
    [...decisions].map(([_id, d]) =>
      ExportSeal.collection.updateOne({ _id: _id as never }, { $set: { d: toJson(d) } }),
    ),
  );
}

export async function unseal(keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await ExportSeal.deleteMany({ _id: { $in: [...keys] } });
}

// After `summaries:verify -- --rebuild` the live counts are the truth again.
export async function unsealAll(): Promise<void> {
  await ExportSeal.deleteMany({});
}

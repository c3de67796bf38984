import mongoose from 'mongoose';

// Running sufficient statistics per council × wave, one document per part ("main" and one per
// demographic question), updated by `$inc` and always read by _id. `batch` is a token of the tally
// batch that last added to this document and of the document (tally.ts), so a re-run of that batch
// after a crash skips it; it is not the batch id, so no mark can be matched to it.
const summarySchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    pilotCode: { type: String, required: true },
    waveId: { type: String, required: true },
    part: { type: String, required: true },
    c: { type: mongoose.Schema.Types.Mixed, default: {} },
    batch: { type: String },
    // the tally lease slot of the last write (summary-update.ts): a stale holder's write is refused
    fence: { type: Number },
  },
  { versionKey: false, minimize: false },
);

export const Summary = mongoose.model('Summary', summarySchema);
export const summaryId = (pilotCode: string, waveId: string, part: string) => `${pilotCode}|${waveId}|${part}`;

// The "ex" part (rows per full combination of demographic bands and month, counters.ts) lives in
// a collection of its own, one small document per council × wave, so that an export reads every
// group's in one query without decoding the large summary documents. Kept like the other parts,
// with the same `batch` and `fence`, but its counters are one JSON string (`p`, export-doc.ts),
// rewritten whole by each batch: FerretDB decodes a stored document field by field, and 200
// groups' counters as fields took 0.18 s to read at 10k responses and 1.2–1.3 s at 1M, before an
// export's first byte. A document of a version before holds them as fields of `c`.
export const EXPORT_PART = 'ex';
const exportCountSchema = summarySchema.clone();
exportCountSchema.remove('c'); // no default: a document holds `p`, or `c` from a version before
exportCountSchema.add({ p: { type: String }, c: { type: mongoose.Schema.Types.Mixed } });
export const ExportCount = mongoose.model('ExportCount', exportCountSchema, 'exportcounts');
export const countsModel = (part: string) => (part === EXPORT_PART ? ExportCount : Summary);

// Ids of stored responses not yet counted, one entry per group queued together (queue.ts: as one
// string, `list`; those counted out of an entry that stays, in `done`); an entry of an earlier
// version holds them as an array (`ids`), or is one id, as its _id. Written before the responses
// themselves, so no stored response can be missing from it; small, because counted entries are
// removed. A retry of a response already counted may queue its id again; the response's token
// (queue.ts), or for a response stored without one its mark (below), keeps it from counting twice.
export const TallyQueue = mongoose.model(
  'TallyQueue',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      list: String,
      ids: { type: [String], default: undefined },
      done: { type: [String], default: undefined },
    },
    { versionKey: false },
  ),
);

// The responses of the batch being counted, written before any summary changes so that a
// process dying half-way leaves enough to finish the batch exactly once. `ids`; `queued`: the
// queue entries it settles (a batch of an earlier version settles the entries of its `ids`);
// `partly`: entries that stay queued for a response not stored yet, and the ids of theirs it
// counts, taken out of them when it settles (a record without it is a version's before queue
// tokens); all three as one JSON string, `list` (batch-record.ts), or as fields in a record of a
// version before. `fence`: the tally lease slot in which it was recorded (tally.ts).
// No time, no answers.
export const TallyBatch = mongoose.model(
  'TallyBatch',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      list: { type: String },
      ids: { type: [String], default: undefined },
      queued: { type: [String], default: undefined },
      partly: { type: [mongoose.Schema.Types.Mixed], default: undefined }, // { entry, ids }
      fence: { type: Number },
    },
    { versionKey: false },
  ),
);

// One per counted response stored without a queue token (by a version before tokens; queue.ts):
// its id and `by`, a token of the batch that counted it and of the id (tally.ts), so that an id
// queued again is never counted twice, and a batch finished after a crash can tell its own marks
// from older ones. Each mark's token differs, and the batch id is deleted with the TallyBatch, so
// marks cannot be grouped by the batch (the moment) that counted them. `batch` is the plain batch
// id versions before batch tokens wrote; it is removed (marks.ts). Nothing else: no time, no
// answers.
export const TallyMark = mongoose.model(
  'TallyMark',
  new mongoose.Schema(
    {
      _id: { type: String, required: true },
      by: { type: String },
      batch: { type: String },
    },
    { versionKey: false },
  ),
);

// Where the lease holder's counting stands (runner.ts): a random token for the run it began last
// (`started`) and for the run it finished last (`finished`), so that a process without the lease
// can wait for a run that began after it asked. Tokens only: no time, no counts, no ids.
export const TallyRun = mongoose.model(
  'TallyRun',
  new mongoose.Schema(
    { _id: { type: String, required: true }, started: { type: String }, finished: { type: String } },
    { versionKey: false },
  ),
  'tallyruns',
);

// Done once per database: `{ _id: 'tally-marks' }` once every stored response is queued or marked;
// `{ _id: 'tally-marks-unlinked' }` once no mark names the batch that counted it;
// `{ _id: 'export-counts' }` once every counted response is in the export counts (export-counts.ts).
export const Migration = mongoose.model(
  'Migration',
  new mongoose.Schema({ _id: { type: String, required: true } }, { versionKey: false }),
);

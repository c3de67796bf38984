import mongoose from 'mongoose';

// Running sufficient statistics per council × wave, one document per part ("main" and one per
// demographic question), updated by `$inc` and always read by _id. `pending` lists tally
// batches applied to this document but not yet settled: a re-run after a crash skips them.
const summarySchema = new mongoose.Schema({
  _id: { type: String, required: true },
  pilotCode: { type: String, required: true },
  waveId: { type: String, required: true },
  part: { type: String, required: true },
  c: { type: mongoose.Schema.Types.Mixed, default: {} },
  pending: { type: [String], default: [] },
}, { versionKey: false, minimize: false });

export const Summary = mongoose.model('Summary', summarySchema);
export const summaryId = (pilotCode: string, waveId: string, part: string) => `${pilotCode}|${waveId}|${part}`;

// Submission ids of stored responses not yet counted. Written before the response itself, so
// no stored response can be missing from it; small, because counted ids are removed.
export const TallyQueue = mongoose.model('TallyQueue', new mongoose.Schema({ _id: { type: String, required: true } }, { versionKey: false }));

// The responses of the batch being counted, written before any summary changes so that a
// process dying half-way leaves enough to finish the batch exactly once. No time, no answers.
export const TallyBatch = mongoose.model('TallyBatch', new mongoose.Schema({
  _id: { type: String, required: true },
  ids: { type: [String], required: true },
}, { versionKey: false }));

// One process at a time counts (a lease), so summary updates never race each other.
export const Lease = mongoose.model('Lease', new mongoose.Schema({
  _id: { type: String, required: true },
  holder: { type: String, required: true },
  until: { type: Date, required: true },
}, { versionKey: false }));

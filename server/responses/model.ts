import mongoose, { type InferSchemaType } from 'mongoose';
import { packAnswers } from './packed.js';

// A response holds the answers and the day it arrived, nothing about who sent it:
// no IP, user agent, cookie, invitation token or time of day. Its id is SHA-256 of the client's random
// submissionId (ids.ts), not an ObjectId, which would carry the exact creation time. Responses
// stored before that keep the client's submissionId as their id (see `ResponseIds` below).
// FerretDB's SQLite backend answers only a bare { _id } filter from an index and scans for
// anything else, so the hot paths read responses by _id alone; the other indexes serve MongoDB.
// `answers` is stored packed, as one JSON string (`'{"role":2,"js_overall":4}'`; in mongosh
// `JSON.parse(db.responses.findOne().answers)`): FerretDB decodes a stored document field by
// field, and one string field instead of a nested document makes a scan about 3x faster
// (packed.ts). Whatever is written through this model is packed by the setter; everything read
// goes through store.ts, which unpacks it (and still reads the nested form of older databases).
const responseSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    campaign: { type: String, required: true },
    pilotCode: { type: String, required: true },
    waveId: { type: String, required: true },
    surveyId: { type: String, required: true },
    surveyVersion: { type: Number, required: true },
    day: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    answers: { type: mongoose.Schema.Types.Mixed, required: true, set: packAnswers },
    // the tally's token of the queue entry written just before the insert that stored it
    // (tally/queue.ts): random-looking, and meaningless once that entry is counted and removed
    queuedBy: { type: String },
  },
  { versionKey: false, minimize: false, strict: 'throw' },
);
responseSchema.index({ pilotCode: 1, waveId: 1 });
responseSchema.index({ campaign: 1 });

export type ResponseDoc = InferSchemaType<typeof responseSchema> & { _id: string };
export const SurveyResponse = mongoose.model('Response', responseSchema);

// `{ _id: 'server-ids' }`, recorded while a database holds no response: every response it holds
// then has a hashed id. Without it, responses stored by an earlier version may hold the client's
// submissionId as their id, and a retry of one is looked up by that id as well (writer.ts).
export const ResponseIds = mongoose.model(
  'ResponseIds',
  new mongoose.Schema({ _id: { type: String, required: true } }, { versionKey: false }),
);

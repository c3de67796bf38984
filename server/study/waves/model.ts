import mongoose, { type InferSchemaType } from 'mongoose';
import { forgetOnWrite } from '../campaigns/cache.js';

// A survey round: every council's campaign in a wave uses the same survey version.
const waveSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, match: /^[a-z0-9][a-z0-9-]{0,39}$/ },
    name: { type: String, required: true, maxlength: 200 },
    opensOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    closesOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    surveyId: { type: String, required: true },
    surveyVersion: { type: Number, required: true },
    // content hash of the survey version when the wave first used it: a changed file is refused at start
    surveyHash: { type: String, required: true },
  },
  { versionKey: false },
);

// the respondent path caches campaigns with their waves: any write here forgets them
forgetOnWrite(waveSchema);

export type WaveDoc = InferSchemaType<typeof waveSchema> & { _id: string };
export const Wave = mongoose.model('Wave', waveSchema);

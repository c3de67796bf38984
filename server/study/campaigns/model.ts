import mongoose, { type InferSchemaType } from 'mongoose';
import { forgetOnWrite } from './cache.js';

// One council in one wave, reached through an unguessable public code: /s/<code>.
const campaignSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true, match: /^[A-Za-z0-9_-]{22,64}$/ },
    pilotCode: { type: String, required: true },
    waveId: { type: String, required: true },
    headcount: { type: Number, min: 1, max: 100_000 },
    closedManually: { type: Boolean, default: false },
    // when an administrator closed it: results are published a grace period later
    // (disclosure/publication.ts). The campaign's time, never a respondent's.
    closedAt: { type: Date },
    allowFreeText: { type: Boolean, default: false },
    // true: only a personal link from an invitation email unlocks the survey (each once)
    requireInvitation: { type: Boolean, default: false },
  },
  { versionKey: false },
);
campaignSchema.index({ pilotCode: 1, waveId: 1 }, { unique: true });
campaignSchema.index({ waveId: 1 });

// the respondent path caches campaigns with their waves: any write here forgets them
forgetOnWrite(campaignSchema);

export type CampaignDoc = InferSchemaType<typeof campaignSchema> & { _id: string };
export const Campaign = mongoose.model('Campaign', campaignSchema);

import { Campaign, type CampaignDoc } from './campaigns/model.js';
import { Council, type CouncilDoc } from './councils/model.js';
import { Wave, type WaveDoc } from './waves/model.js';

// How other features read and change councils, waves and campaigns: plain objects in and out;
// the models stay inside study/.
export type { CampaignDoc, CouncilDoc, WaveDoc };
export type Arm = 'pilot' | 'comparison';
type Filter = Record<string, unknown>;
type Fields = Record<string, 0 | 1>;

// The lookups every summary read makes go through the driver: a lean mongoose query costs more
// than the read itself, and returns the same plain document. Keys are made strings here, as
// mongoose's casting did: nothing else can reach the filter.
export const findCouncil = async (code: string, fields?: Fields) =>
  (await Council.collection.findOne(
    { _id: String(code) as never },
    fields ? { projection: fields } : {},
  )) as CouncilDoc | null;
export const listCouncils = (filter: Filter = {}, fields?: Fields) =>
  Council.find(filter, fields).sort({ _id: 1 }).lean<CouncilDoc[]>();
export const anyCouncil = async () => (await Council.exists({})) !== null;
export const insertCouncils = async (docs: CouncilDoc[]) => {
  await Council.insertMany(docs);
};
export const addCouncil = async (doc: CouncilDoc) => (await Council.create(doc)).toObject() as CouncilDoc;
export const changeCouncil = (code: string, update: object) =>
  Council.findOneAndUpdate({ _id: code }, update, { returnDocument: 'after', runValidators: true }).lean<CouncilDoc>();

// The codes among `codes` that name a council.
export async function existingCouncilCodes(codes: string[]): Promise<Set<string>> {
  return new Set((await Council.find({ _id: { $in: codes } }, { _id: 1 }).lean()).map((p) => p._id));
}

export const findWave = async (id: string) =>
  (await Wave.collection.findOne({ _id: String(id) as never })) as WaveDoc | null;
export const listWaves = (filter: Filter = {}) => Wave.find(filter).sort({ opensOn: 1, _id: 1 }).lean<WaveDoc[]>();
export const changeWave = async (id: string, fields: Partial<WaveDoc>) => {
  await Wave.updateOne({ _id: id }, { $set: fields }, { runValidators: true });
};

export const findCampaignByCode = (code: string, fields?: Fields) =>
  Campaign.findById(code, fields).lean<CampaignDoc>();
export const findCampaignOf = async (pilotCode: string, waveId: string) =>
  (await Campaign.collection.findOne({ pilotCode: String(pilotCode), waveId: String(waveId) })) as CampaignDoc | null;
export const listCampaigns = (filter: Filter = {}, fields?: Fields) =>
  Campaign.find(filter, fields).sort({ pilotCode: 1, waveId: 1 }).lean<CampaignDoc[]>();
export const countCampaigns = () => Campaign.countDocuments();
export const changeCampaign = (code: string, update: object) =>
  Campaign.findOneAndUpdate({ _id: code }, update, {
    returnDocument: 'after',
    runValidators: true,
  }).lean<CampaignDoc>();

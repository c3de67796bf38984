import { randomBytes } from 'node:crypto';
import { AppError, badRequest, conflict, gone, notFound } from '../errors.js';
import { Pilot } from '../pilots/model.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { Wave, type WaveDoc } from '../waves/model.js';
import { Campaign, type CampaignDoc } from './model.js';
import { campaignStatus, todayInUk, type CampaignStatus } from './status.js';

export type OpenCampaign = { campaign: CampaignDoc; wave: WaveDoc; status: CampaignStatus };

const codePattern = /^[A-Za-z0-9_-]{22,64}$/;

export async function findCampaign(code: string): Promise<OpenCampaign> {
  if (!codePattern.test(code)) throw notFound('There is no survey at this link. Check the link you were sent.');
  const campaign = await Campaign.findById(code).lean<CampaignDoc>();
  if (!campaign) throw notFound('There is no survey at this link. Check the link you were sent.');
  const wave = await Wave.findById(campaign.waveId).lean<WaveDoc>();
  if (!wave) throw notFound('There is no survey at this link. Check the link you were sent.');
  return { campaign, wave, status: campaignStatus(wave, campaign.closedManually ?? false, todayInUk()) };
}

// The respondent can only reach an open campaign; the others explain themselves.
export async function findOpenCampaign(code: string): Promise<OpenCampaign> {
  const found = await findCampaign(code);
  if (found.status === 'closed') throw gone('This survey has closed. Thank you for your interest.');
  if (found.status === 'scheduled') throw new AppError(403, 'not_open', `This survey opens on ${found.wave.opensOn}.`);
  return found;
}

export async function publicCampaign(code: string, surveys: SurveyRegistry, minGroupSize: number) {
  const { campaign, wave, status } = await findOpenCampaign(code);
  const pilot = await Pilot.findById(campaign.pilotCode).lean();
  const def = surveys.get(wave.surveyId, wave.surveyVersion);
  return {
    campaign: { code: campaign._id, status, council: pilot?.name ?? null, wave: wave.name, closesOn: wave.closesOn, requireInvitation: campaign.requireInvitation ?? false },
    survey: { id: def.id, version: def.version, title: def.title, definition: def.survey, locales: def.locales },
    reporting: { minGroupSize },
  };
}

export async function createCampaign(input: { pilotCode: string; waveId: string; headcount?: number; allowFreeText?: boolean; requireInvitation?: boolean }) {
  if (!(await Pilot.exists({ _id: input.pilotCode }))) throw badRequest(`No council with code ${input.pilotCode}.`);
  if (!(await Wave.exists({ _id: input.waveId }))) throw badRequest(`No wave with id ${input.waveId}.`);
  // 24 random bytes: 192 bits, URL-safe, 32 characters
  const code = randomBytes(24).toString('base64url');
  try {
    await Campaign.create({ _id: code, ...input });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`Council ${input.pilotCode} already has a campaign in wave ${input.waveId}.`);
    throw err;
  }
  return code;
}

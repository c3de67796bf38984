import { randomBytes } from 'node:crypto';
import { AppError, badRequest, conflict, gone, notFound } from '../../errors.js';
import { Council } from '../councils/model.js';
import type { SurveyRegistry } from '../../surveys/registry.js';
import { Wave, type WaveDoc } from '../waves/model.js';
import type { CampaignCache } from './cache.js';
import { Campaign, type CampaignDoc } from './model.js';
import { todayInUk } from '../../platform/dates.js';
import { campaignStatus, type CampaignStatus } from './status.js';

export type OpenCampaign = { campaign: CampaignDoc; wave: WaveDoc; status: CampaignStatus };

const codePattern = /^[A-Za-z0-9_-]{22,64}$/;

const unknownLink = () => notFound('There is no survey at this link. Check the link you were sent.');

async function readCampaign(code: string): Promise<{ campaign: CampaignDoc; wave: WaveDoc } | null> {
  const campaign = await Campaign.findById(code).lean<CampaignDoc>();
  if (!campaign) return null;
  const wave = await Wave.findById(campaign.waveId).lean<WaveDoc>();
  return wave && { campaign, wave };
}

// Shared by every request that reads it from the cache: frozen so none can change it for the others.
async function readShared(code: string) {
  const found = await readCampaign(code);
  return found && { campaign: Object.freeze(found.campaign), wave: Object.freeze(found.wave) };
}

function withStatus(found: { campaign: CampaignDoc; wave: WaveDoc } | null): OpenCampaign {
  if (!found) throw unknownLink();
  return { ...found, status: campaignStatus(found.wave, found.campaign.closedManually ?? false, todayInUk()) };
}

// Read afresh: for staff actions and for a retry's second look.
export async function findCampaign(code: string): Promise<OpenCampaign> {
  if (!codePattern.test(code)) throw unknownLink();
  return withStatus(await readCampaign(code));
}

// Refuses a code that names no campaign (open or not), through the cache: the respondent rate
// limit counts only real campaigns.
export async function requireCampaign(code: string, cachedCampaign: CampaignCache): Promise<void> {
  if (!codePattern.test(code) || !(await cachedCampaign(code, () => readShared(code)))) throw unknownLink();
}

// The respondent can only reach an open campaign; the others explain themselves. Respondent
// requests may see a campaign up to a second old (see cache.ts).
export async function findOpenCampaign(code: string, cachedCampaign: CampaignCache): Promise<OpenCampaign> {
  if (!codePattern.test(code)) throw unknownLink();
  const found = withStatus(await cachedCampaign(code, () => readShared(code)));
  if (found.status === 'closed') throw gone('This survey has closed. Thank you for your interest.');
  if (found.status === 'scheduled') throw new AppError(403, 'not_open', `This survey opens on ${found.wave.opensOn}.`);
  return found;
}

export async function publicCampaign(
  code: string,
  cache: CampaignCache,
  surveys: SurveyRegistry,
  minGroupSize: number,
) {
  const { campaign, wave, status } = await findOpenCampaign(code, cache);
  const council = await Council.findById(campaign.pilotCode).lean();
  const def = surveys.get(wave.surveyId, wave.surveyVersion);
  return {
    campaign: {
      code: campaign._id,
      status,
      council: council?.name ?? null,
      wave: wave.name,
      closesOn: wave.closesOn,
      requireInvitation: campaign.requireInvitation ?? false,
    },
    survey: { id: def.id, version: def.version, title: def.title, definition: def.survey, locales: def.locales },
    reporting: { minGroupSize },
  };
}

export async function createCampaign(input: {
  pilotCode: string;
  waveId: string;
  headcount?: number;
  allowFreeText?: boolean;
  requireInvitation?: boolean;
}) {
  if (!(await Council.exists({ _id: input.pilotCode }))) throw badRequest(`No council with code ${input.pilotCode}.`);
  if (!(await Wave.exists({ _id: input.waveId }))) throw badRequest(`No wave with id ${input.waveId}.`);
  // 24 random bytes: 192 bits, URL-safe, 32 characters
  const code = randomBytes(24).toString('base64url');
  try {
    await Campaign.create({ _id: code, ...input });
  } catch (err) {
    if ((err as { code?: number }).code === 11000)
      throw conflict(`Council ${input.pilotCode} already has a campaign in wave ${input.waveId}.`);
    throw err;
  }
  return code;
}

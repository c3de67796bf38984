import {
  changeCampaign,
  existingCouncilCodes,
  findCampaignByCode,
  findWave,
  listCampaigns as readCampaigns,
  listCouncils,
  type CampaignDoc,
  type WaveDoc,
} from '../study/store.js';
import { createCampaign } from '../study/campaigns/service.js';
import { campaignStatus } from '../study/campaigns/status.js';
import { todayInUk } from '../platform/dates.js';
import { notFound } from '../errors.js';
import { invalid } from '../accounts/errors.js';
import { count } from '../tally/read-counters.js';
import type { Tallier } from '../tally/runner.js';
import { groupCounters } from '../tally/store.js';
import { CampaignChange, NewCampaign } from './schemas.js';
import { patchUpdate } from './updates.js';

// Counted from the council × wave summary (one read by _id), never by scanning responses.
export const responseCount = async (pilotCode: string, waveId: string) =>
  count(await groupCounters(pilotCode, waveId, ['main']), 'n');

async function findWaveOr404(id: string): Promise<WaveDoc> {
  const wave = await findWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  return wave;
}

function view(
  c: CampaignDoc,
  wave: WaveDoc,
  baseUrl: string,
  extra: { council?: string | null; responses?: number } = {},
) {
  return {
    code: c._id,
    link: `${baseUrl}/s/${c._id}`,
    pilotCode: c.pilotCode,
    waveId: c.waveId,
    ...extra,
    status: campaignStatus(wave, c.closedManually ?? false, todayInUk()),
    headcount: c.headcount ?? null,
    allowFreeText: c.allowFreeText ?? false,
    requireInvitation: c.requireInvitation ?? false,
    closedManually: c.closedManually ?? false,
  };
}

export async function listCampaigns(waveId: string, tallier: Tallier, baseUrl: string) {
  const wave = await findWaveOr404(waveId);
  await tallier.flush(); // so every acknowledged response is in the counts
  const [campaigns, pilots] = await Promise.all([readCampaigns({ waveId }), listCouncils({}, { name: 1 })]);
  const names = new Map(pilots.map((p) => [p._id, p.name]));
  return Promise.all(
    campaigns.map(async (c) =>
      view(c, wave, baseUrl, {
        council: names.get(c.pilotCode) ?? null,
        responses: await responseCount(c.pilotCode, waveId),
      }),
    ),
  );
}

export async function createWaveCampaign(waveId: string, input: unknown, baseUrl: string) {
  const wave = await findWaveOr404(waveId);
  const data = NewCampaign.parse(input);
  if (!(await existingCouncilCodes([data.pilotCode])).has(data.pilotCode))
    throw invalid('pilotCode', `no council with code ${data.pilotCode}`);
  const code = await createCampaign({ ...data, waveId, allowFreeText: data.allowFreeText ?? false });
  const created = await findCampaignByCode(code);
  return view(created!, wave, baseUrl, { responses: 0 });
}

// Headcount, free text and manual closing; the council, wave and code never change.
export async function updateCampaign(code: string, input: unknown, baseUrl: string) {
  const { closed, ...rest } = CampaignChange.parse(input);
  const change = { ...rest, ...(closed === undefined ? {} : { closedManually: closed }) };
  const updated = /^[A-Za-z0-9_-]{22,64}$/.test(code) ? await changeCampaign(code, patchUpdate(change)) : null;
  if (!updated) throw notFound(`No campaign with code ${code}.`);
  return view(updated, await findWaveOr404(updated.waveId), baseUrl);
}

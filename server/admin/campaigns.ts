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
import { conflict, notFound } from '../errors.js';
import { invalid } from '../accounts/errors.js';
import { responsesShown, type SummaryDeps } from '../reports/summaries/service.js';
import { CampaignChange, NewCampaign } from './schemas.js';
import { patchUpdate } from './updates.js';

export type CampaignDeps = SummaryDeps & { baseUrl: string };

async function findWaveOr404(id: string): Promise<WaveDoc> {
  const wave = await findWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  return wave;
}

function view(
  c: CampaignDoc,
  wave: WaveDoc,
  baseUrl: string,
  extra: { council?: string | null; responses?: number | null } = {},
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

// Response counts as the council's dashboard shows them (reports/summaries/service.ts): while
// results are unpublished, up to yesterday in steps of at least the minimum; once published, the
// published count, or null for 1 to minimum - 1. An admin reading the list twice learns no more
// than an HR lead reading the dashboard twice.
export async function listCampaigns(waveId: string, deps: CampaignDeps) {
  const wave = await findWaveOr404(waveId);
  const [campaigns, pilots] = await Promise.all([readCampaigns({ waveId }), listCouncils({}, { name: 1 })]);
  const names = new Map(pilots.map((p) => [p._id, p.name]));
  const rows = [];
  for (const c of campaigns) {
    const responses = await responsesShown(c.pilotCode, wave, c, deps);
    rows.push(view(c, wave, deps.baseUrl, { council: names.get(c.pilotCode) ?? null, responses }));
  }
  return rows;
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

export const CLOSED_IS_FINAL =
  'is closed, and closing is final: its results are published once and never change, so it cannot be reopened or changed (a later response would be told apart by comparing the two versions). Start a new wave instead.';

// Headcount, free text and closing by hand; the council, wave and code never change. A closed
// campaign (by hand or because its wave ended) is final: any change but closing it again is
// refused. Closing records its instant (results are published a grace period later:
// disclosure/publication.ts); `closedManually` only ever goes from false to true, and is not
// written when asked to stay open, so a stale "stay open" cannot undo a concurrent close.
export async function updateCampaign(code: string, input: unknown, { baseUrl, now }: CampaignDeps) {
  const { closed, ...rest } = CampaignChange.parse(input);
  const current = /^[A-Za-z0-9_-]{22,64}$/.test(code) ? await findCampaignByCode(code) : null;
  if (!current) throw notFound(`No campaign with code ${code}.`);
  const wave = await findWaveOr404(current.waveId);
  const at = new Date(now?.() ?? Date.now());
  if (campaignStatus(wave, current.closedManually ?? false, todayInUk(at)) === 'closed') {
    if (closed !== true || Object.values(rest).some((v) => v !== undefined))
      throw conflict(`The campaign for council ${current.pilotCode} in ${wave.name} ${CLOSED_IS_FINAL}`);
    return view(current, wave, baseUrl);
  }
  const change = { ...rest, ...(closed ? { closedManually: true, closedAt: at } : {}) };
  const updated = Object.keys(patchUpdate(change)).length ? await changeCampaign(code, patchUpdate(change)) : current;
  if (!updated) throw notFound(`No campaign with code ${code}.`);
  return view(updated, wave, baseUrl);
}

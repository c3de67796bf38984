import { Campaign, type CampaignDoc } from '../../study/campaigns/model.js';
import { campaignStatus } from '../../study/campaigns/status.js';
import { todayInUk } from '../../platform/dates.js';
import { notFound } from '../../errors.js';
import { Pilot, type PilotDoc } from '../../study/councils/model.js';
import { pilotSummary, type SummaryDeps } from '../summaries/service.js';
import { Wave, type WaveDoc } from '../../study/waves/model.js';

// Everything a council's dashboard charts: each wave's headline results (scales and
// proportions, already suppressed), its campaign's status and response progress. Those who
// manage the council's invitations (admins, its HR leads) also get each campaign's code, which
// is the respondent link and the address of its invitations page; researchers do not need it.
export async function councilOverview(code: string, deps: SummaryDeps, { withCampaignCodes = false } = {}) {
  const pilot = await Pilot.findById(code).lean<PilotDoc>();
  if (!pilot) throw notFound(`No council with code ${code}.`);
  const [waves, campaigns] = await Promise.all([
    Wave.find().lean<WaveDoc[]>(),
    Campaign.find({ pilotCode: code }, { waveId: 1, closedManually: 1 }).lean<CampaignDoc[]>(),
  ]);
  waves.sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const today = todayInUk();
  const rows = [];
  for (const wave of waves) {
    const campaign = campaigns.find((c) => c.waveId === wave._id);
    if (!campaign) continue;
    const { responses, scales, proportions } = await pilotSummary(code, wave._id, deps);
    rows.push({
      wave: { id: wave._id, name: wave.name, opensOn: wave.opensOn, closesOn: wave.closesOn },
      status: campaignStatus(wave, campaign.closedManually ?? false, today),
      ...(withCampaignCodes ? { campaign: campaign._id } : {}),
      responses, scales: scales ?? null, proportions: proportions ?? null,
    });
  }
  return { council: { code: pilot._id, name: pilot.name, arm: pilot.arm }, minGroupSize: deps.minGroupSize, waves: rows };
}

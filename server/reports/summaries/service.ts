import { campaignStatus } from '../../study/campaigns/status.js';
import { todayInUk } from '../../platform/dates.js';
import { notFound } from '../../errors.js';
import { findCampaignOf, findCouncil, findWave as readWave, type WaveDoc } from '../../study/store.js';
import type { SurveyRegistry } from '../../surveys/registry.js';
import { groupCounters } from '../../tally/store.js';
import { summaryLayout } from '../../tally/layout.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { buildReport } from './report.js';
import type { Tallier } from '../../tally/runner.js';

export type SummaryDeps = { surveys: SurveyRegistry; tallier: Tallier; minGroupSize: number };

export async function findWave(id: string): Promise<WaveDoc> {
  const wave = await readWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  return wave;
}

const partsOf = (def: SurveyDefinition) => ['main', ...summaryLayout(def).demographics.map((d) => `bd:${d.question}`)];

export async function councilSummary(code: string, waveId: string, deps: SummaryDeps) {
  const pilot = await findCouncil(code);
  if (!pilot) throw notFound(`No council with code ${code}.`);
  const wave = await findWave(waveId);
  await deps.tallier.flush();
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const [counters, campaign] = await Promise.all([
    groupCounters(code, waveId, partsOf(def)),
    findCampaignOf(code, waveId),
  ]);
  return {
    pilot: { code: pilot._id, name: pilot.name, arm: pilot.arm },
    wave: { id: wave._id, name: wave.name, opensOn: wave.opensOn, closesOn: wave.closesOn },
    ...buildReport(def, counters, {
      minGroupSize: deps.minGroupSize,
      headcount: campaign?.headcount ?? null,
      open: campaignStatus(wave, campaign?.closedManually ?? false, todayInUk()) !== 'closed',
      today: todayInUk(),
    }),
  };
}

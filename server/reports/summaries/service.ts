import { Campaign } from '../../study/campaigns/model.js';
import { campaignStatus } from '../../study/campaigns/status.js';
import { todayInUk } from '../../platform/dates.js';
import { notFound } from '../../errors.js';
import { Pilot, type PilotDoc } from '../../study/councils/model.js';
import type { SurveyRegistry } from '../../surveys/registry.js';
import { Wave, type WaveDoc } from '../../study/waves/model.js';
import { mergeCounters, type Counters } from '../../tally/counters.js';
import { Summary, summaryId } from '../../tally/model.js';
import { summaryLayout } from '../../tally/layout.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { buildReport } from './report.js';
import type { Tallier } from '../../tally/runner.js';

export type SummaryDeps = { surveys: SurveyRegistry; tallier: Tallier; minGroupSize: number };

export async function findWave(id: string): Promise<WaveDoc> {
  const wave = await Wave.findById(id).lean<WaveDoc>();
  if (!wave) throw notFound(`No wave with id ${id}.`);
  return wave;
}

const partsOf = (def: SurveyDefinition) => ['main', ...summaryLayout(def).demographics.map((d) => `bd:${d.question}`)];

// A group's counters, read part by part by _id (the lookup FerretDB answers from its index).
export async function groupCounters(pilotCode: string, waveId: string, parts: string[]): Promise<Counters> {
  const docs = await Promise.all(parts.map((part) => Summary.findById(summaryId(pilotCode, waveId, part), { c: 1 }).lean<{ c: Counters }>()));
  return mergeCounters(docs.map((d) => d?.c ?? {}));
}

export async function pilotSummary(code: string, waveId: string, deps: SummaryDeps) {
  const pilot = await Pilot.findById(code).lean<PilotDoc>();
  if (!pilot) throw notFound(`No council with code ${code}.`);
  const wave = await findWave(waveId);
  await deps.tallier.flush();
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const [counters, campaign] = await Promise.all([
    groupCounters(code, waveId, partsOf(def)),
    Campaign.findOne({ pilotCode: code, waveId }, { headcount: 1, closedManually: 1 }).lean(),
  ]);
  return {
    pilot: { code: pilot._id, name: pilot.name, arm: pilot.arm },
    wave: { id: wave._id, name: wave.name, opensOn: wave.opensOn, closesOn: wave.closesOn },
    ...buildReport(def, counters, {
      minGroupSize: deps.minGroupSize, headcount: campaign?.headcount ?? null,
      open: campaignStatus(wave, campaign?.closedManually ?? false, todayInUk()) !== 'closed', today: todayInUk(),
    }),
  };
}

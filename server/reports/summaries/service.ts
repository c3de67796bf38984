import { notFound } from '../../errors.js';
import { todayInUk } from '../../platform/dates.js';
import { isPublishable } from '../../disclosure/suppression.js';
import { openCount } from '../../disclosure/progress.js';
import { count, dayCounts } from '../../tally/read-counters.js';
import {
  findCampaignOf,
  findCouncil,
  findWave as readWave,
  type CampaignDoc,
  type WaveDoc,
} from '../../study/store.js';
import type { SurveyRegistry } from '../../surveys/registry.js';
import { buildReport } from './report.js';
import { reportCounters, type PublicationDeps } from './publications.js';

export type SummaryDeps = PublicationDeps & { surveys: SurveyRegistry; minGroupSize: number };

export async function findWave(id: string): Promise<WaveDoc> {
  const wave = await readWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  return wave;
}

export async function councilSummary(code: string, waveId: string, deps: SummaryDeps) {
  // three independent reads at once: a summary read waits for one round trip, not three
  const [council, wave, campaign] = await Promise.all([
    findCouncil(code),
    readWave(waveId),
    findCampaignOf(code, waveId),
  ]);
  if (!council) throw notFound(`No council with code ${code}.`);
  if (!wave) throw notFound(`No wave with id ${waveId}.`);
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const { state, counters } = await reportCounters(code, wave, campaign, def, deps);
  return {
    pilot: { code: council._id, name: council.name, arm: council.arm },
    wave: { id: wave._id, name: wave.name, opensOn: wave.opensOn, closesOn: wave.closesOn },
    ...buildReport(def, counters, {
      minGroupSize: deps.minGroupSize,
      headcount: campaign?.headcount ?? null,
      open: state === 'open',
      closing: state === 'closing',
      today: todayInUk(new Date(deps.now?.() ?? Date.now())),
    }),
  };
}

// A campaign's response count as its council's summary shows it: stepped while results are not
// published; once published the published count, or null for 1 to minimum - 1 (rule 1).
export async function responsesShown(pilotCode: string, wave: WaveDoc, campaign: CampaignDoc, deps: SummaryDeps) {
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const { state, counters } = await reportCounters(pilotCode, wave, campaign, def, deps);
  const today = todayInUk(new Date(deps.now?.() ?? Date.now()));
  if (state !== 'published') return openCount(dayCounts(counters), deps.minGroupSize, today).n;
  const n = count(counters, 'n');
  return isPublishable(n, deps.minGroupSize) ? n : null;
}

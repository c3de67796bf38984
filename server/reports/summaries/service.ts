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
import { buildReport, type ReportOptions } from './report.js';
import { reportCounters, reportSource, type PublicationDeps } from './publications.js';
import { reportKey } from './report-key.js';

export type SummaryDeps = PublicationDeps & { surveys: SurveyRegistry; minGroupSize: number };

export async function findWave(id: string): Promise<WaveDoc> {
  const wave = await readWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  return wave;
}

// What a council × wave's summary is built from. Every check comes first: the council, the wave,
// where its results stand and, when published, the kept figures (reportSource).
async function summarySource(code: string, waveId: string, deps: SummaryDeps) {
  // three independent reads at once: a summary read waits for one round trip, not three
  const [council, wave, campaign] = await Promise.all([
    findCouncil(code),
    readWave(waveId),
    findCampaignOf(code, waveId),
  ]);
  if (!council) throw notFound(`No council with code ${code}.`);
  if (!wave) throw notFound(`No wave with id ${waveId}.`);
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const source = await reportSource(code, wave, campaign, def, deps);
  const options: ReportOptions = {
    minGroupSize: deps.minGroupSize,
    headcount: campaign?.headcount ?? null,
    open: source.state === 'open',
    closing: source.state === 'closing',
    today: todayInUk(new Date(deps.now?.() ?? Date.now())),
  };
  const head = {
    pilot: { code: council._id, name: council.name, arm: council.arm },
    wave: { id: wave._id, name: wave.name, opensOn: wave.opensOn, closesOn: wave.closesOn },
  };
  return { head, def, source, options };
}

export async function councilSummary(code: string, waveId: string, deps: SummaryDeps) {
  const { head, def, source, options } = await summarySource(code, waveId, deps);
  return { ...head, ...buildReport(def, source.counters(), options) };
}

// The same summary as JSON text, for the API, made only when asked for, with a key naming that
// text (null when it is built from live figures): everything the kept report is built from
// (reportKey) and the council and wave as written now (an admin may rename them). The bytes sent
// are kept under the key (bodies.ts), so a kept summary is built once.
export async function councilSummaryText(
  code: string,
  waveId: string,
  deps: SummaryDeps,
): Promise<{ key: string | null; text: () => string }> {
  const { head, def, source, options } = await summarySource(code, waveId, deps);
  const headText = JSON.stringify(head);
  // '{"pilot":…,"wave":…}' and '{"survey":…}' joined: the text JSON.stringify(councilSummary(…)) gives
  const text = () =>
    `${headText.slice(0, -1)},${JSON.stringify(buildReport(def, source.counters(), options)).slice(1)}`;
  return { key: source.kept === null ? null : `${reportKey(source.kept, def, options)}\n${headText}`, text };
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

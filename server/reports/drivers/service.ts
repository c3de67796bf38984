import { notFound } from '../../errors.js';
import { councilJoinsArmDrivers, driverGroupRefusal } from '../../disclosure/drivers.js';
import { resultsState } from '../../disclosure/publication.js';
import { todayInUk } from '../../platform/dates.js';
import { responseCursor } from '../../responses/store.js';
import { findCampaignOf, findCouncil, listCampaigns, listCouncils, type Arm, type WaveDoc } from '../../study/store.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { count } from '../../tally/read-counters.js';
import { reportCounters } from '../summaries/publications.js';
import { findWave, type SummaryDeps } from '../summaries/service.js';
import { completeCases, markedVariables, valuesOf, type Values } from './analysis.js';
import { keptOr, outcomeResults, withWelshLabels } from './publish.js';

export type DriverDeps = SummaryDeps & { driverMinGroupSize: number };

// Each council's respondents' scores and flags in a wave, read in one pass; nothing per person leaves here.
async function valuesByCouncil(wave: WaveDoc, def: SurveyDefinition): Promise<Map<string, Values[]>> {
  const out = new Map<string, Values[]>();
  const cursor = responseCursor({ waveId: wave._id }, { pilotCode: 1, answers: 1 }, 500);
  for await (const doc of cursor) {
    const { pilotCode, answers } = doc as unknown as { pilotCode: string; answers: Record<string, unknown> };
    const list = out.get(pilotCode) ?? [];
    list.push(valuesOf(def, answers));
    out.set(pilotCode, list);
  }
  return out;
}

const limitsOf = (deps: DriverDeps) => ({ driverMin: deps.driverMinGroupSize, min: deps.minGroupSize });
const nowOf = (deps: DriverDeps) => new Date(deps.now?.() ?? Date.now());

export async function councilDrivers(code: string, waveId: string, deps: DriverDeps) {
  const council = await findCouncil(code);
  if (!council) throw notFound(`No council with code ${code}.`);
  const wave = await findWave(waveId);
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const head = {
    council: { code: council._id, name: council.name, arm: council.arm },
    wave: { id: wave._id, name: wave.name },
    driverMinGroupSize: deps.driverMinGroupSize,
  };
  const { state, counters } = await reportCounters(code, wave, await findCampaignOf(code, waveId), def, deps);
  if (state !== 'published')
    return { ...head, outcomes: withWelshLabels(def, outcomeResults(def, 'not-published', limitsOf(deps))) };
  const kept = await keptOr(`council|${code}|${waveId}`, async () => {
    const rows = (await valuesByCouncil(wave, def)).get(code) ?? [];
    const refusal = driverGroupRefusal({
      published: true,
      storedMatchesPublished: rows.length === count(counters, 'n'),
    });
    return { ...head, outcomes: outcomeResults(def, refusal ?? rows, limitsOf(deps)) };
  });
  return { ...kept, outcomes: withWelshLabels(def, kept.outcomes) };
}

// Both arms of a wave, each over the councils whose own published count reaches the minimum;
// only once the whole wave is published, so every council's figures are final.
export async function armDrivers(waveId: string, deps: DriverDeps) {
  const wave = await findWave(waveId);
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const now = nowOf(deps);
  const closed = todayInUk(now) > wave.closesOn;
  const published = resultsState({ closed, closedManually: false, closesOn: wave.closesOn }, now) === 'published';
  const arms = (['pilot', 'comparison'] as const).map((arm) => ({
    arm,
    councils: [] as { code: string; name: string }[],
  }));
  const head = { wave: { id: wave._id, name: wave.name }, driverMinGroupSize: deps.driverMinGroupSize };
  if (!published) {
    const outcomes = withWelshLabels(def, outcomeResults(def, 'not-published', limitsOf(deps)));
    return { ...head, arms: arms.map((a) => ({ ...a, outcomes })) };
  }
  const kept = await keptOr(`arm|${waveId}`, async () => ({ ...head, arms: await armResults(wave, def, deps) }));
  return { ...kept, arms: kept.arms.map((a) => ({ ...a, outcomes: withWelshLabels(def, a.outcomes) })) };
}

async function armResults(wave: WaveDoc, def: SurveyDefinition, deps: DriverDeps) {
  const campaigns = new Map((await listCampaigns({ waveId: wave._id })).map((c) => [c.pilotCode, c]));
  const values = await valuesByCouncil(wave, def);
  const [outcomes, drivers] = [markedVariables(def, 'outcome'), markedVariables(def, 'driver')];
  const gathered = { pilot: { councils: [], rows: [] }, comparison: { councils: [], rows: [] } } as Record<
    Arm,
    { councils: { code: string; name: string }[]; rows: Values[] }
  >;
  for (const council of await listCouncils()) {
    const { counters } = await reportCounters(council._id, wave, campaigns.get(council._id) ?? null, def, deps);
    const rows = values.get(council._id) ?? [];
    const n = count(counters, 'n');
    const complete = outcomes.map((outcome) => completeCases(rows, outcome, drivers).length);
    if (!councilJoinsArmDrivers(n, complete, deps.minGroupSize) || rows.length !== n) continue;
    const arm = gathered[council.arm as Arm];
    arm.councils.push({ code: council._id, name: council.name });
    arm.rows.push(...rows);
  }
  return (['pilot', 'comparison'] as const).map((arm) => ({
    arm,
    councils: gathered[arm].councils,
    outcomes: outcomeResults(def, gathered[arm].rows, limitsOf(deps)),
  }));
}

import { randomUUID } from 'node:crypto';
import { Campaign } from '../../server/study/campaigns/model.js';
import { todayInUk } from '../../server/platform/dates.js';
import { Council } from '../../server/study/councils/model.js';
import { SurveyResponse } from '../../server/responses/model.js';
import { createWave } from '../../server/study/waves/service.js';
import { queueForCounting } from '../../server/tally/queue.js';
import { testSurveys } from './app.js';

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export async function buildCouncil(
  overrides: Partial<{ code: string; name: string; arm: 'pilot' | 'comparison' }> = {},
) {
  const code = overrides.code ?? '855';
  await Council.updateOne(
    { _id: code },
    { $set: { name: overrides.name ?? `Council ${code}`, arm: overrides.arm ?? 'pilot' } },
    { upsert: true },
  );
  return code;
}

// A council code no earlier call in this test process has used (a random pick collided: twenty
// campaigns drawn from 800 codes share one about one time in five).
let lastPilot = 99;
export function freshPilot(): string {
  lastPilot += 1;
  if (lastPilot > 999) throw new Error('freshPilot: no three-digit council codes left');
  return String(lastPilot);
}

// A council, a wave around today and an open campaign, unless told otherwise.
export async function buildCampaign(
  overrides: {
    pilot?: string;
    wave?: string;
    opensOn?: string;
    closesOn?: string;
    closedManually?: boolean;
    headcount?: number;
    allowFreeText?: boolean;
  } = {},
) {
  const pilotCode = await buildCouncil({ code: overrides.pilot ?? '855' });
  const waveId = overrides.wave ?? 'w1';
  await createWave(
    {
      id: waveId,
      name: `Wave ${waveId}`,
      opensOn: overrides.opensOn ?? addDays(-7),
      closesOn: overrides.closesOn ?? addDays(7),
      surveyId: 'staff-wellbeing',
      surveyVersion: 1,
    },
    testSurveys(),
  ).catch((err) => {
    if (err.status !== 409) throw err;
  });
  const code = randomUUID().replace(/-/g, '');
  await Campaign.create({
    _id: code,
    pilotCode,
    waveId,
    closedManually: overrides.closedManually ?? false,
    headcount: overrides.headcount,
    allowFreeText: overrides.allowFreeText ?? false,
  });
  return { code, pilotCode, waveId, today: todayInUk() };
}

// A complete, valid set of answers to staff-wellbeing v1; override any answer.
export function buildAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    js_overall: 4,
    js_facets: { workload: 2, supervision: 4, team_support: 5, management: 3, development: 3, recognition: 2, pay: 2 },
    ons_life_satisfaction: 7,
    ons_worthwhile: 8,
    ons_happy_yesterday: 6,
    ons_anxious_yesterday: 3,
    leave_intent_12m: 2,
    leave_looking: 'no',
    two_year_plan: 'same_council',
    turnover_team: 'yes',
    turnover_authority: 'yes',
    caseload_children: '16_20',
    supervision_frequency: 'every_3_4_weeks',
    practice_model: { framework: 4, value_system: 4, assessment_tool: 3, tick_box: 2 },
    recommend_employer: 7,
    demo_role: 'social_worker',
    demo_employment: 'permanent',
    ...overrides,
  };
}

// Ends every wave yesterday: results are published (and compared) only once a wave has closed.
export async function closeWaves(): Promise<void> {
  const { Wave } = await import('../../server/study/waves/model.js');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const earlier = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  await Wave.updateMany({}, { $set: { opensOn: earlier, closesOn: yesterday } });
}

// Responses stored as a live submission would store them (the answers must already be valid,
// e.g. buildAnswers), for campaigns that no longer take submissions, such as closed ones.
export async function storeResponses(
  campaign: { code: string; pilotCode: string; waveId: string },
  answers: Record<string, unknown>[],
  day = '2025-02-17',
) {
  const docs = answers.map((a) => ({
    _id: randomUUID(),
    campaign: campaign.code,
    pilotCode: campaign.pilotCode,
    waveId: campaign.waveId,
    surveyId: 'staff-wellbeing',
    surveyVersion: 1,
    day,
    answers: a,
  }));
  // as the app stores them: queued for counting first, so summaries and exports see them
  const tokens = await queueForCounting(docs.map((d) => d._id));
  await SurveyResponse.insertMany(docs.map((d, i) => ({ ...d, queuedBy: tokens[i] })));
  return docs;
}

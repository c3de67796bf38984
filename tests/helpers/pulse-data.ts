import { randomUUID } from 'node:crypto';
import { Campaign } from '../../server/study/campaigns/model.js';
import { SurveyResponse } from '../../server/responses/model.js';
import type { SurveyRegistry } from '../../server/surveys/registry.js';
import { validateAnswers } from '../../server/surveys/validate-answers.js';
import { createWave } from '../../server/study/waves/service.js';
import { rebuildSummaries } from '../../server/tally/recompute.js';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Answers to the third-party pulse survey (tests/helpers/third-party-survey.ts), varied by i.
export function pulseAnswers(i: number): Record<string, unknown> {
  return {
    energyMorning: 1 + (i % 5),
    energyDay: 1 + ((i + 1) % 5),
    team_climate: { trust: 1 + (i % 5), voice: 1 + ((i * 2) % 5), help: 1 + ((i + 2) % 5) },
    recommend: i % 11,
    overtime: i % 4 === 0 ? 'yes' : 'no',
    helps: i % 2 ? ['peers'] : ['flexible', 'training'],
    // three bands of 18 each, and a band of 2 that must stay hidden, with its complement
    ...(i < 54 ? { team_type: i % 3 === 0 ? 'front_door' : i % 3 === 1 ? 'long_term' : 'prefer_not_to_say' } : {}),
  };
}

// A closed wave of the pulse survey, run in councils 855 and 891 with 56 responses each.
export async function buildPulseWave(surveys: SurveyRegistry, surveyId: string, surveyVersion: number) {
  const def = surveys.get(surveyId, surveyVersion);
  await createWave(
    { id: 'pulse-1', name: 'Pulse 1', opensOn: day(-30), closesOn: day(-5), surveyId, surveyVersion },
    surveys,
  );
  for (const pilotCode of ['855', '891']) {
    const code = randomUUID().replace(/-/g, '');
    await Campaign.create({ _id: code, pilotCode, waveId: 'pulse-1', headcount: 80 });
    const docs = Array.from({ length: 56 }, (_, i) => {
      const checked = validateAnswers(def, pulseAnswers(i + (pilotCode === '891' ? 1 : 0)));
      if (!checked.ok) throw new Error(`invalid pulse answers: ${JSON.stringify(checked.problems)}`);
      return {
        _id: randomUUID(),
        campaign: code,
        pilotCode,
        waveId: 'pulse-1',
        surveyId,
        surveyVersion,
        day: day(-20 + (i % 5)),
        answers: checked.answers,
      };
    });
    await SurveyResponse.insertMany(docs);
  }
  await rebuildSummaries(surveys);
}

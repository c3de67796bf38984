import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Campaign } from '../../server/study/campaigns/model.js';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { seededRng } from '../../server/demo/random.js';
import { Council } from '../../server/study/councils/model.js';
import { SurveyResponse } from '../../server/responses/model.js';
import { rebuildSummaries } from '../../server/tally/recompute.js';
import { validateAnswers } from '../../server/surveys/validate-answers.js';
import { createWave } from '../../server/study/waves/service.js';
import { importIndicators } from '../../server/workforce/service.js';
import { testSurveys } from './app.js';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Two councils (one per arm), two closed waves and an open one with responses, and the real DfE file.
export async function buildStaffData() {
  const surveys = testSurveys();
  const def = surveys.get('staff-wellbeing', 1);
  await Council.insertMany([
    { _id: '855', name: 'Leicestershire', arm: 'pilot' },
    { _id: '891', name: 'Nottinghamshire', arm: 'comparison' },
  ]);
  await createWave(
    { id: 'w1', name: 'Wave 1', opensOn: day(-200), closesOn: day(-170), surveyId: def.id, surveyVersion: 1 },
    surveys,
  );
  await createWave(
    { id: 'w2', name: 'Wave 2', opensOn: day(-40), closesOn: day(-10), surveyId: def.id, surveyVersion: 1 },
    surveys,
  );
  await createWave(
    { id: 'w3', name: 'Wave 3', opensOn: day(-6), closesOn: day(20), surveyId: def.id, surveyVersion: 1 },
    surveys,
  );
  const rng = seededRng(99);
  for (const pilotCode of ['855', '891']) {
    for (const [waveId, start] of [
      ['w1', -200],
      ['w2', -40],
      ['w3', -6],
    ] as const) {
      const code = randomUUID().replace(/-/g, '');
      await Campaign.create({ _id: code, pilotCode, waveId, headcount: 120 });
      const docs = Array.from({ length: 40 }, (_, i) => {
        const checked = validateAnswers(def, syntheticAnswers(rng, pilotCode === '855' && waveId === 'w2' ? 0.4 : 0));
        if (!checked.ok) throw new Error('invalid synthetic answers');
        return {
          _id: randomUUID(),
          campaign: code,
          pilotCode,
          waveId,
          surveyId: def.id,
          surveyVersion: 1,
          day: day(start + (i % 5)),
          answers: checked.answers,
        };
      });
      await SurveyResponse.insertMany(docs);
    }
  }
  await rebuildSummaries(surveys);
  const file = 'csww_indicators_2017_to_2025.csv';
  await importIndicators(readFileSync(new URL(`../../server/demo/data/${file}`, import.meta.url), 'utf8'), { file });
}

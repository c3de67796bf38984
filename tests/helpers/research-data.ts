import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Campaign } from '../../server/study/campaigns/model.js';
import { demoCouncils } from '../../server/demo/councils.js';
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

// The demo's eight councils (four an arm), two closed waves in DfE years 2024 and 2025 and an open
// one, council sizes from 12 to 60 and a council-level shift, so clustering shows; the real DfE file.
export async function buildResearchData() {
  const surveys = testSurveys();
  const def = surveys.get('staff-wellbeing', 1);
  await Council.insertMany(demoCouncils.map((c) => ({ _id: c.code, name: c.name, arm: c.arm })));
  const waves = [
    { id: 'w1', name: 'Wave 1', opensOn: '2024-03-04', closesOn: '2024-03-29' },
    { id: 'w2', name: 'Wave 2', opensOn: '2025-03-03', closesOn: '2025-03-28' },
    { id: 'w3', name: 'Wave 3', opensOn: day(-6), closesOn: day(20) },
  ];
  for (const w of waves) await createWave({ ...w, surveyId: def.id, surveyVersion: 1 }, surveys);
  const rng = seededRng(15);
  for (const [i, council] of demoCouncils.entries()) {
    const level = (i % 4) * 0.15 - 0.2;
    for (const wave of waves) {
      const code = randomUUID().replace(/-/g, '');
      await Campaign.create({ _id: code, pilotCode: council.code, waveId: wave.id, headcount: council.headcount });
      const lift = council.arm === 'pilot' && wave.id !== 'w1' ? 0.25 : 0;
      const docs = Array.from({ length: 12 + ((i * 7 + wave.id.length * 5) % 49) }, () => {
        const checked = validateAnswers(def, syntheticAnswers(rng, level + lift));
        if (!checked.ok) throw new Error('invalid synthetic answers');
        const dayOf = wave.id === 'w3' ? day(-3) : wave.opensOn;
        return {
          _id: randomUUID(),
          campaign: code,
          pilotCode: council.code,
          waveId: wave.id,
          surveyId: def.id,
          surveyVersion: 1,
          day: dayOf,
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

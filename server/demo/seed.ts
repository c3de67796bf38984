import { createCampaign } from '../study/campaigns/service.js';
import { todayInUk } from '../platform/dates.js';
import type { Logger } from '../log.js';
import { anyCouncil, countCampaigns, insertCouncils, type CouncilDoc } from '../study/store.js';
import { insertResponses } from '../responses/store.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { validateAnswers } from '../surveys/validate-answers.js';
import { rebuildSummaries } from '../tally/recompute.js';
import { importIndicators, importNeighbours } from '../workforce/service.js';
import { readFileSync } from 'node:fs';
import { createWave } from '../study/waves/service.js';
import { syntheticAnswers } from './answers.js';
import { demoCouncils } from './councils.js';
import { normal, seededRng } from './random.js';

const dataDir = new URL('./data/', import.meta.url);

// The real DfE release files (OGL v3.0), so the dashboards show actual workforce figures.
async function importDemoWorkforce() {
  for (const [file, load] of [
    ['csww_indicators_2017_to_2025.csv', importIndicators],
    ['sn_model_2025_wide.csv', importNeighbours],
  ] as const) {
    await load(readFileSync(new URL(file, dataDir), 'utf8'), { file });
  }
}

const SURVEY = { surveyId: 'staff-wellbeing', surveyVersion: 1 };

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// Three waves six months apart; the latest is open now, so the demo always has a live link.
function demoWaves(today: string) {
  return [
    { id: 'wave-1', name: 'Wave 1 (baseline)', opensOn: addDays(today, -385), closesOn: addDays(today, -345) },
    { id: 'wave-2', name: 'Wave 2 (six months)', opensOn: addDays(today, -200), closesOn: addDays(today, -160) },
    { id: 'wave-3', name: 'Wave 3 (one year)', opensOn: addDays(today, -14), closesOn: addDays(today, 30) },
  ];
}

// Seeds eight councils, three waves, 24 campaigns and a few thousand responses, unless the
// database already has councils. Returns one open campaign's code for the start-up banner.
export async function seedDemoIfEmpty(surveys: SurveyRegistry, logger: Logger): Promise<string | null> {
  if (await anyCouncil()) return null;
  logger.info('Empty database: loading the demo data set…');
  await importDemoWorkforce(); // first: a missing file then stops the seed before any council exists
  const rng = seededRng(20251130);
  const today = todayInUk();
  const waves = demoWaves(today);
  const def = surveys.get(SURVEY.surveyId, SURVEY.surveyVersion);
  await insertCouncils(
    demoCouncils.map(
      (c) =>
        ({
          _id: c.code,
          name: c.name,
          arm: c.arm,
          region: c.region,
          ...('practiceModelStart' in c ? { practiceModelStart: c.practiceModelStart } : {}),
        }) as CouncilDoc,
    ),
  );
  for (const w of waves) await createWave({ ...w, ...SURVEY }, surveys);

  let openCode = '';
  let total = 0;
  for (const [wi, wave] of waves.entries()) {
    for (const council of demoCouncils) {
      const code = await createCampaign({ pilotCode: council.code, waveId: wave.id, headcount: council.headcount });
      if (wi === 2 && !openCode) openCode = code;
      // pilot councils improve a little over the waves; comparison councils drift slightly down
      const shift = (council.arm === 'pilot' ? 0.18 * wi : -0.05 * wi) + (Number(council.code) % 7) * 0.04 - 0.1;
      const rate = wi === 2 ? 0.25 + rng() * 0.15 : 0.4 + rng() * 0.25;
      const n = Math.round(council.headcount * rate);
      const lastDay = wave.closesOn < today ? wave.closesOn : today;
      const span = Math.max(1, (Date.parse(lastDay) - Date.parse(wave.opensOn)) / 86_400_000);
      const docs = Array.from({ length: n }, () => {
        const answers = syntheticAnswers(rng, shift + normal(rng) * 0.05);
        const checked = validateAnswers(def, answers);
        if (!checked.ok)
          throw new Error(`demo generator produced invalid answers: ${JSON.stringify(checked.problems)}`);
        return {
          _id: crypto.randomUUID(),
          campaign: code,
          pilotCode: council.code,
          waveId: wave.id,
          ...SURVEY,
          day: addDays(wave.opensOn, Math.floor(rng() * span)),
          answers: checked.answers,
        };
      });
      await insertResponses(docs, false);
      total += n;
    }
  }
  await rebuildSummaries(surveys);
  logger.info(
    `Demo data: ${demoCouncils.length} councils, ${waves.length} waves, ${await countCampaigns()} campaigns, ${total} responses.`,
  );
  return openCode;
}

// Fills a database with N synthetic responses spread over councils and waves, with their
// summary counters computed on the way (as `summaries:verify -- --rebuild` would), fast enough
// for a million: raw driver inserts in batches, counters accumulated in memory.
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { normal, seededRng } from '../../server/demo/random.js';
import { addParts, responseCounters, type CounterParts } from '../../server/summaries/counters.js';
import type { SurveyRegistry } from '../../server/surveys/registry.js';
import { validateAnswers } from '../../server/surveys/validate-answers.js';

export const BENCH_PILOTS = 50;
export const BENCH_WAVES = 4;
export const TARGET_GROUP = 500;

export async function fillResponses(total: number, surveys: SurveyRegistry, onProgress: (done: number) => void = () => {}): Promise<void> {
  const db = mongoose.connection.db!;
  const def = surveys.get('staff-wellbeing', 1);
  const rng = seededRng(7);
  await db.collection('pilots').insertMany(Array.from({ length: BENCH_PILOTS }, (_, i) => ({ _id: String(800 + i) as never, name: `Council ${800 + i}`, arm: i % 2 ? 'comparison' : 'pilot' })));
  await db.collection('waves').insertMany(Array.from({ length: BENCH_WAVES }, (_, w) => ({ _id: `w${w + 1}` as never, name: `Wave ${w + 1}`, opensOn: '2025-01-01', closesOn: '2025-02-01', surveyId: def.id, surveyVersion: def.version, surveyHash: def.hash })));
  const groups = new Map<string, CounterParts>();
  for (let done = 0; done < total;) {
    const docs = [];
    for (let i = 0; i < 1000 && done < total; i++, done++) {
      // the first TARGET_GROUP responses form the group the benchmark reads (council 800, wave w1),
      // so its size is the same at every total; the rest spread over the other groups
      const spread = done - TARGET_GROUP;
      const pilotCode = spread < 0 ? '800' : String(801 + (spread % (BENCH_PILOTS - 1)));
      const waveId = spread < 0 ? 'w1' : `w${1 + (Math.floor(spread / BENCH_PILOTS) % BENCH_WAVES)}`;
      const answers = validateAnswers(def, syntheticAnswers(rng, normal(rng) * 0.2));
      if (!answers.ok) throw new Error('generator produced invalid answers');
      const day = `2025-01-${String(1 + (done % 28)).padStart(2, '0')}`;
      docs.push({ _id: randomUUID(), campaign: `c-${pilotCode}-${waveId}`, pilotCode, waveId, surveyId: def.id, surveyVersion: def.version, day, answers: answers.answers });
      const key = `${pilotCode}|${waveId}`;
      groups.set(key, addParts(groups.get(key) ?? {}, responseCounters(def, answers.answers, day)));
    }
    await db.collection('responses').insertMany(docs as never[], { ordered: false });
    onProgress(done);
  }
  const summaries = [...groups].flatMap(([key, parts]) => Object.entries(parts).map(([part, c]) => {
    const [pilotCode, waveId] = key.split('|');
    return { _id: `${key}|${part}`, pilotCode, waveId, part, c, pending: [] };
  }));
  for (let i = 0; i < summaries.length; i += 100) await db.collection('summaries').insertMany(summaries.slice(i, i + 100) as never[]);
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRng } from '../../../server/demo/random.js';
import { syntheticAnswers } from '../../../server/demo/answers.js';
import { useTestApp } from '../../helpers/app.js';
import { buildCampaign, closeWaves } from '../../helpers/factories.js';
import { assertClose, assertIntervalClose } from '../../helpers/approx.js';
import {
  cronbach,
  flagOf,
  itemScores,
  meanStats,
  median,
  scaleScore,
  surveyFile,
  valueAt,
  wilson,
  type Answers,
} from '../../helpers/independent-summary.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);
const TOL = 1e-9;

// Synthetic respondents with gaps in the optional questions, so bases differ between statistics.
function respondents(count: number): Answers[] {
  const answerRng = seededRng(730_517);
  const gapRng = seededRng(9_110_233);
  return times(count, () => {
    const a = syntheticAnswers(answerRng, 0.25);
    for (const q of ['ons_life_satisfaction', 'ons_worthwhile', 'ons_happy_yesterday', 'ons_anxious_yesterday'])
      if (gapRng() < 0.15) delete a[q];
    const practice = a.practice_model as Record<string, number>;
    if (gapRng() < 0.25)
      delete practice[['framework', 'value_system', 'assessment_tool', 'tick_box'][Math.floor(gapRng() * 4)]!];
    if (gapRng() < 0.1) delete a.practice_model;
    return a;
  });
}

type Stat = { suppressed: boolean; n: number; mean: number; sd: number; ci95: [number, number]; x: number; p: number };
type Item = {
  ref: string;
  suppressed: boolean;
  answered: number;
  median: number | null;
  options: { value: string; n: number }[];
};
type Band = { value: string; suppressed: boolean; n?: number; scales?: ({ id: string } & Stat)[] };

describe('GET /api/v1/pilots/:code/summary against an independent computation', () => {
  test('when 120 synthetic responses are submitted, then every published figure matches the raw answers', async () => {
    const { code, pilotCode, waveId, today } = await buildCampaign({ pilot: '855', wave: 'w-indep', headcount: 150 });
    const answers = respondents(120);
    await submitAll(http, code, answers);
    await closeWaves();
    const res = await (await staff()).get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200);
    const s = res.body;

    assert.deepEqual(s.responses, {
      suppressed: false,
      n: 120,
      headcount: 150,
      rate: 0.8,
      progress: [{ day: today, cumulative: 120 }],
    });

    for (const scale of surveyFile.scales) {
      const scores = answers.map((a) => scaleScore(scale, a)).filter((x): x is number => x !== null);
      const got = (s.scales as ({ id: string } & Stat)[]).find((x) => x.id === scale.id)!;
      assert.ok(scores.length >= 10 && !got.suppressed, scale.id);
      const want = meanStats(scores);
      assert.equal(got.n, want.n, scale.id);
      assertClose(got.mean, want.mean, TOL);
      assertClose(got.sd, want.sd, TOL);
      assertIntervalClose(got.ci95, want.ci95 as [number, number], TOL);
    }

    for (const flag of surveyFile.flags) {
      const values = answers.map((a) => flagOf(flag, a)).filter((v): v is boolean => v !== null);
      const want = wilson(values.filter(Boolean).length, values.length);
      const got = (s.proportions as ({ id: string } & Stat)[]).find((x) => x.id === flag.id)!;
      assert.deepEqual([got.x, got.n], [want.x, want.n], flag.id);
      assertClose(got.p, want.p, TOL);
      assertIntervalClose(got.ci95, want.ci95 as [number, number], TOL);
    }

    for (const item of s.items as Item[]) {
      const raw = answers.map((a) => valueAt(a, item.ref.replace(':', '.'))).filter((v) => v !== undefined);
      assert.equal(item.answered, raw.length, item.ref);
      for (const o of item.options)
        assert.equal(o.n, raw.filter((v) => String(v) === o.value).length, `${item.ref} = ${o.value}`);
      assert.equal(
        item.options.reduce((t, o) => t + o.n, 0),
        raw.length,
        `${item.ref}: every answer is one of the options`,
      );
      assert.equal(item.median, typeof raw[0] === 'number' ? median(raw as number[]) : null, item.ref);
    }

    for (const scale of surveyFile.scales.filter((x) => x.items.length >= 2)) {
      const want = cronbach(answers.map((a) => itemScores(scale, a)));
      const got = (s.alpha as { scale: string; alpha: number; n: number; k: number }[]).find(
        (x) => x.scale === scale.id,
      )!;
      assert.deepEqual([got.n, got.k], [want.n, want.k], scale.id);
      assertClose(got.alpha, want.alpha, TOL);
    }
    // js_facets is required row by row; the practice model is optional, so fewer complete cases
    assert.ok(s.alpha.find((x: { scale: string }) => x.scale === 'practice_model_endorsement').n < 110);
  });

  test('when bands are published, then each shown band matches its own respondents', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '856', wave: 'w-bands' });
    const answers = respondents(80);
    await submitAll(http, code, answers);
    await closeWaves();
    const s = (await (await staff()).get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200))
      .body;
    const overall = surveyFile.scales.find((x) => x.id === 'js_overall')!;
    for (const question of surveyFile.demographics) {
      const { bands } = (s.breakdowns as { question: string; bands: Band[] }[]).find((b) => b.question === question)!;
      const inBand = (value: string) => answers.filter((a) => (a[question] ?? 'unanswered') === value);
      for (const band of bands) {
        const members = inBand(band.value);
        if (band.suppressed) {
          assert.ok(!('n' in band) && !('scales' in band));
          continue;
        }
        assert.equal(band.n, members.length, `${question} = ${band.value}`);
        assert.ok(band.n === 0 || band.n >= 10);
        const js = band.scales!.find((x) => x.id === 'js_overall')!;
        if (members.length === 0) continue;
        assertClose(js.mean, meanStats(members.map((a) => scaleScore(overall, a)!)).mean, TOL);
      }
      assert.ok(
        bands.some((b) => b.suppressed) ||
          bands.every((b) => inBand(b.value).length === 0 || inBand(b.value).length >= 10),
        question,
      );
    }
  });
});

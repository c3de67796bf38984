import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, buildCouncil, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);

type Cell = { id: string; suppressed: boolean; n?: number; mean?: number };

// The practice-model rows are optional. Council 855 has 12 responses but only 4 answer them;
// council 859 has 10, all answering. Both councils reach the minimum, so both are in the pilot
// arm, whose practice scale then holds 14: the arm figure minus 859's shown figure is 855's 4.
describe('GET /api/v1/comparisons when a council’s own scale base is small', () => {
  test('when a council is shown but one of its scales is suppressed, then the arm figure for that scale does not give it away', async () => {
    const high = { framework: 5, value_system: 5, assessment_tool: 5, tick_box: 1 };
    const low = { framework: 2, value_system: 2, assessment_tool: 2, tick_box: 4 };
    const a = await buildCampaign({ pilot: '855', wave: 'w2' });
    await submitAll(
      http,
      a.code,
      times(12, (i) => buildAnswers({ practice_model: i < 4 ? high : undefined })),
    );
    const b = await buildCampaign({ pilot: '859', wave: 'w2' });
    await buildCouncil({ code: '859', arm: 'pilot' });
    await submitAll(
      http,
      b.code,
      times(10, () => buildAnswers({ practice_model: low })),
    );

    await closeWaves();
    const body = (await (await staff()).get('/api/v1/comparisons').query({ wave: 'w2' }).expect(200)).body;
    assert.deepEqual(body.arms.wave.pilot, { included: ['855', '859'], excludedBelowMinimum: [] });
    const rows = body.councils.wave as { code: string; scales: Cell[] }[];
    const cell = (code: string) =>
      rows.find((r) => r.code === code)!.scales.find((c) => c.id === 'practice_model_endorsement')!;
    assert.equal(cell('855').suppressed, true);
    const arm = (body.scales as { id: string; wave: { pilot: Cell } }[]).find(
      (s) => s.id === 'practice_model_endorsement',
    )!.wave.pilot;
    if (arm.suppressed) return;
    const hidden = arm.n! - (cell('859').suppressed ? 0 : cell('859').n!);
    // with the arm at 14 and 859 at 10, (14 · arm mean - 10 · 859's mean) / 4 = 855's four respondents' mean, 5
    assert.ok(hidden === 0 || hidden >= 10, `arm practice n ${arm.n} minus the councils shown leaves ${hidden}`);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

const { http, staff } = useTestApp(import.meta.url);

// Suppression rule 5: a running total replaces the last published figure only if it adds 0 or at
// least the minimum. A live summary is a running total too, so while a wave is open only stepped
// response counts are published, and the statistics appear once it has closed.
describe('GET /api/v1/pilots/:code/summary read twice during a wave', () => {
  test('when one response arrives between two reads, then the two summaries do not differ by that one respondent', async () => {
    const { code, pilotCode, waveId } = await buildCampaign({ pilot: '855', wave: 'w1' });
    await submitAll(
      http,
      code,
      times(10, (i) => buildAnswers({ js_overall: 1 + (i % 5) })),
    );
    const reader = await staff();
    const read = async () =>
      (await reader.get(`/api/v1/pilots/${pilotCode}/summary`).query({ wave: waveId }).expect(200)).body;
    const first = await read();
    assert.equal(first.responses.n, 0, 'today is not complete, so nothing of it is published yet');
    assert.equal(first.resultsPublished, false);
    assert.equal(first.scales, undefined, 'no statistics while the wave is open');
    await submitAll(http, code, [buildAnswers({ js_overall: 5 })]);
    const second = await read();
    assert.equal(second.responses.n, 0, 'the count moves only by completed days, in steps of at least the minimum');
    assert.deepEqual(second, first);

    await closeWaves();
    const closed = await read();
    assert.equal(closed.resultsPublished, true);
    assert.equal(closed.responses.n, 11);
    assert.equal(closed.scales.find((s: { id: string }) => s.id === 'js_overall').n, 11);
  });
});

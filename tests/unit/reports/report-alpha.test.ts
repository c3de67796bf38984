import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../../server/reports/summaries/report.js';
import { countersOf, requiredAnswers, staffWellbeing, times } from '../../helpers/counters.js';
import { assertClose } from '../../helpers/approx.js';

const report = (answers: Record<string, unknown>[]) =>
  buildReport(staffWellbeing, countersOf(answers.map((a) => ({ answers: a }))), { minGroupSize: 10, headcount: null });
const facetsAlpha = (facets: (i: number) => Record<string, number>) => {
  const r = report(times(10, (i) => requiredAnswers({ js_facets: facets(i) })));
  return (r.alpha as { scale: string; alpha?: number; reading?: string | null }[]).find(
    (a) => a.scale === 'js_facets',
  )!;
};
const flat = { workload: 3, supervision: 3, team_support: 3, management: 3, development: 3, recognition: 3, pay: 3 };
const x = (i: number) => 1 + (i % 5); // 1..5 twice
const z = (i: number) => (i < 5 ? x(i) : 6 - x(i)); // same variance as x, uncorrelated with it

describe("buildReport: Cronbach's alpha in words", () => {
  // Four facets are x and three 6 − x: each item's variance is v and so is the total's (x + 18),
  // so alpha = 7/6 · (1 − 7v/v) = −7.
  test('when the facets pull against each other, then alpha is −7 and its reading says they do not form one scale', () => {
    const a = facetsAlpha((i) => {
      const [up, down] = [x(i), 6 - x(i)];
      return {
        workload: up,
        supervision: up,
        team_support: up,
        management: up,
        development: down,
        recognition: down,
        pay: down,
      };
    });
    assertClose(a.alpha, -7, 1e-9);
    assert.match(a.reading!, /^Negative: the items pull against each other and do not form one scale here/);
  });

  // Two facets are x, one z, four constant: item variances 3v, total var(2x + z) = 5v,
  // so alpha = 7/6 · (1 − 3/5) = 7/15.
  test('when three facets vary and only two together, then alpha is 7/15 and its reading says poor', () => {
    const a = facetsAlpha((i) => ({ ...flat, workload: x(i), supervision: x(i), team_support: z(i) }));
    assertClose(a.alpha, 7 / 15, 1e-9);
    assert.equal(a.reading, 'Below 0.5: the items hang together poorly here, so the scale mean is unreliable.');
  });

  // All seven facets are x: item variances 7v, total 49v, so alpha = 7/6 · 6/7 = 1.
  test('when every facet moves together, then alpha is 1 and carries no reading', () => {
    const a = facetsAlpha((i) => Object.fromEntries(Object.keys(flat).map((k) => [k, x(i)])));
    assertClose(a.alpha, 1, 1e-9);
    assert.equal(a.reading, null);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditDrivers } from '../../../server/audit/driver-reads.js';
import { auditReport } from '../../../server/audit/report.js';
import { auditDatabase, readRespondents, type AuditDeps } from '../../../server/audit/service.js';
import { DriverResult } from '../../../server/reports/drivers/model.js';
import { testSurveys, useTestApp } from '../../helpers/app.js';
import { driverAnswers, generator } from '../../helpers/driver-data.js';
import { buildCampaign, closeWaves } from '../../helpers/factories.js';
import { submitAll, times } from '../../helpers/submit.js';

// Driver analyses read by the auditor through the services the routes call, over data submitted
// through the API: 855 (40 people) and 857 (12, of whom 3 hold a caseload and so complete every
// driver) in the pilot arm, 856 (35) in the comparison arm.
const { http, tallier, staff, config } = useTestApp(import.meta.url);
const deps: AuditDeps = {
  surveys: testSurveys(),
  tallier,
  minGroupSize: config.MIN_GROUP_SIZE,
  freeTextMinGroupSize: config.FREE_TEXT_MIN_GROUP_SIZE,
  driverMinGroupSize: config.DRIVER_MIN_GROUP_SIZE,
};

async function threeCouncils() {
  const random = generator(23);
  const { Council } = await import('../../../server/study/councils/model.js');
  const one = await buildCampaign({ pilot: '855' });
  const small = await buildCampaign({ pilot: '857' });
  const other = await buildCampaign({ pilot: '856' });
  await Council.updateOne({ _id: '856' }, { $set: { arm: 'comparison' } });
  await submitAll(
    http,
    one.code,
    times(40, () => ({ ...driverAnswers(random), caseload_children: '11_15' })),
  );
  const fewWithCaseload = times(12, (i) => ({ ...driverAnswers(random), caseload_children: i < 9 ? 'none' : '1_10' }));
  await submitAll(http, small.code, fewWithCaseload);
  await submitAll(
    http,
    other.code,
    times(35, () => ({ ...driverAnswers(random), caseload_children: '11_15' })),
  );
  await closeWaves();
}

describe('disclosure audit of driver analyses', () => {
  test('when councils and arms are analysed as published, then the auditor finds nothing, and the arm leaves out the council with 3 complete answers', async () => {
    await threeCouncils();
    const result = await auditDrivers(await readRespondents(deps), deps);
    assert.deepEqual(result, { findings: [], mismatches: [] });
    const arms = (await (await staff()).get('/api/v1/drivers?wave=w1').expect(200)).body;
    assert.deepEqual(
      arms.arms.map((a: { councils: { code: string }[] }) => a.councils.map((c) => c.code)),
      [['855'], ['856']],
    );
    assert.equal(arms.arms[0].outcomes[0].n, 40);
  });

  test('when a kept analysis holds an intercept and an n the stored responses do not give, then the whole audit reports both', async () => {
    await threeCouncils();
    const honest = (await (await staff()).get('/api/v1/pilots/855/drivers?wave=w1').expect(200)).body;
    const [outcome, ...rest] = honest.outcomes;
    const broken = { ...honest, outcomes: [{ ...outcome, intercept: 2.1, n: 44 }, ...rest] };
    await DriverResult.replaceOne({ _id: 'council|855|w1' }, { result: broken });
    const result = await auditDatabase(deps);
    const lines = auditReport(result);
    assert.ok(lines.includes('driver analysis drivers 855 w1: publishes fields the rules do not allow: intercept'));
    assert.ok(
      lines.includes('MODEL MISMATCH: drivers 855 w1 [drivers|js_overall] published 44, the auditor computes 40'),
    );
    assert.deepEqual(
      result.findings.filter((f) => f.kind === 'driver').map((f) => f.problem),
      ['publishes fields the rules do not allow: intercept'],
    );
    assert.deepEqual(
      result.mismatches.map((m) => [m.source, m.fn, m.published, m.computed]),
      [['drivers 855 w1', 'drivers|js_overall', 44, 40]],
    );
  });
});

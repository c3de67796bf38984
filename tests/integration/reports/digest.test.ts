import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { todayInUk } from '../../../server/platform/dates.js';
import { hrLeadRecipients } from '../../../server/accounts/users.js';
import { queueWeeklyDigests, weekOf } from '../../../server/reports/digest/service.js';
import { createStaffUser } from '../../helpers/app.js';
import { addDays } from '../../../server/platform/dates.js';
import { buildAnswers, buildCampaign, buildCouncil, storeResponses } from '../../helpers/factories.js';
import { useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);

const times = (n: number) => Array.from({ length: n }, () => buildAnswers());

async function respond(code: string, n: number) {
  for (let i = 0; i < n; i++) {
    await supertest(t.app)
      .post(`/api/v1/campaigns/${code}/responses`)
      .send({ submissionId: randomUUID(), answers: buildAnswers() })
      .expect(201);
  }
}

describe('the weekly HR lead digest', () => {
  // Issue 13, item 9: the dashboard's rule for an open campaign (up to yesterday, in steps of at
  // least the minimum), so two digests never differ by a day's few respondents.
  test('when it is queued, then each lead gets one email per week with their open campaigns\' progress as the dashboard shows it, and small counts say only "fewer than N"', async () => {
    const big = await buildCampaign({ pilot: '855', headcount: 40 });
    const small = await buildCampaign({ pilot: '856', headcount: 25 });
    await buildCampaign({ pilot: '857', closedManually: true });
    await storeResponses(big, times(12), addDays(big.today, -1)); // queued for counting, as the app does
    await respond(big.code, 3); // today: not in any count yet
    await respond(small.code, 3);
    const deps = {
      listRecipients: async () => [
        { email: 'lead@council.example', councilCodes: ['855', '856', '857'] },
        { email: 'idle@council.example', councilCodes: ['857'] },
      ],
      minGroupSize: 10,
      flush: () => t.tallier.flush(),
    };
    const now = new Date();
    assert.equal(await queueWeeklyDigests(deps, now), 1, 'a lead with nothing open gets no email');
    assert.equal(await queueWeeklyDigests(deps, now), 0, 'once a week');
    await t.worker().drain();
    const mails = t.smtp().to('lead@council.example');
    assert.equal(mails.length, 1);
    const text = mails[0]!.text ?? '';
    assert.match(mails[0]!.subject ?? '', /^Survey progress, week of /);
    assert.match(
      text,
      /Council 855 \(855\)\n {2}- Wave w1, closes .*: 12 responses by yesterday from 40 staff \(30%\)/,
    );
    assert.match(
      text,
      /Council 856 \(856\)\n {2}- Wave w1, closes .*: fewer than 10 responses by yesterday \(25 staff\)/,
    );
    assert.doesNotMatch(text, /\b3 responses|\b15 responses|12%|Council 857/);
    assert.match(text, /counts below 10 are not shown/);
    assert.equal(t.smtp().to('idle@council.example').length, 0);
    assert.equal(weekOf(todayInUk(now)) <= todayInUk(now), true);
  });

  test('when HR lead accounts exist, then each enabled lead with councils is a digest recipient', async () => {
    await buildCouncil({ code: '855' });
    await buildCouncil({ code: '856' });
    await createStaffUser({ role: 'hr_lead', pilots: ['855', '856'], email: 'lead@council.example' });
    await createStaffUser({ role: 'hr_lead', pilots: ['856'], email: 'other@council.example' });
    await createStaffUser({ role: 'researcher', email: 'research@council.example' });
    assert.deepEqual(
      (await hrLeadRecipients()).sort((a, b) => a.email.localeCompare(b.email)),
      [
        { email: 'lead@council.example', councilCodes: ['855', '856'] },
        { email: 'other@council.example', councilCodes: ['856'] },
      ],
    );
  });
});

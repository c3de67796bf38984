import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { InvitationOptOut } from '../../../server/invitations/model.js';
import { redeemInvitation } from '../../../server/invitations/redeem.js';
import { addDays } from '../../../server/platform/dates.js';
import { queueDueReminders } from '../../../server/invitations/schedule.js';
import { todayInUk } from '../../../server/platform/dates.js';
import { buildCampaign } from '../../helpers/factories.js';
import { optOutLink, surveyLink, upload, useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);
const day = (offset: number) => addDays(todayInUk(), offset);
const at10 = (d: string) => new Date(`${d}T10:00:00Z`); // 10:00 or 11:00 in the UK: after 09:00

async function invited(addresses: string[]) {
  const { code } = await buildCampaign();
  await upload(t.http(), code, addresses.join('\n')).expect(201);
  await t.worker().drain();
  const links = Object.fromEntries(
    addresses.map((a) => {
      const text = t.smtp().to(a)[0]?.text ?? '';
      return [a, { survey: surveyLink(text)![2]!, optOut: optOutLink(text)![1]! }];
    }),
  );
  return { code, links };
}

const setReminders = (code: string, dates: string[], now?: () => Date) =>
  t.http(now).put(`/api/v1/invitations/${code}/reminders`).set('X-Test-Role', 'hr').send({ dates });

describe('reminders', () => {
  test('when a reminder is due, then only addresses whose link is unused and who have not opted out get one, with a new link', async () => {
    const [answered, optedOut, waiting] = ['ans@council.example', 'opt@council.example', 'wait@council.example'];
    const { code, links } = await invited([answered, optedOut, waiting]);
    const redemption = await redeemInvitation({ _id: code }, links[answered]!.survey, randomUUID());
    await redemption!.settle();
    await t
      .http()
      .post(`/unsubscribe/${links[optedOut]!.optOut}`)
      .type('form')
      .send({ 'List-Unsubscribe': 'One-Click' })
      .expect(200);
    await setReminders(code, [day(0)]).expect(200);
    assert.equal(await queueDueReminders(at10(day(0))), 1);
    await t.worker({ now: () => at10(day(0)) }).drain();
    assert.equal(t.smtp().to(answered).length, 1);
    assert.equal(t.smtp().to(optedOut).length, 1);
    const toWaiting = t.smtp().to(waiting);
    assert.equal(toWaiting.length, 2);
    assert.match(toWaiting[1]!.subject ?? '', /^Reminder: the staff wellbeing survey closes on/);
    const newLink = surveyLink(toWaiting[1]!.text ?? '')![2];
    assert.notEqual(newLink, links[waiting]!.survey);
    assert.equal(await queueDueReminders(at10(day(0))), 0, 'a reminder day is queued once');
  });

  test('when someone answers after the reminder was queued but before it is written, then they are not reminded', async () => {
    const person = 'late@council.example';
    const { code, links } = await invited([person]);
    await setReminders(code, [day(0)]).expect(200);
    await queueDueReminders(at10(day(0)));
    await (await redeemInvitation({ _id: code }, links[person]!.survey, randomUUID()))!.settle();
    await t.worker({ now: () => at10(day(0)) }).drain();
    assert.equal(t.smtp().to(person).length, 1);
  });

  test('when the server was down over several reminder days, then one reminder goes, not one per day', async () => {
    const person = 'missed@council.example';
    const { code } = await invited([person]);
    await setReminders(code, [day(1), day(2)]).expect(200);
    await queueDueReminders(at10(day(3)));
    await t.worker({ now: () => at10(day(3)) }).drain();
    assert.equal(t.smtp().to(person).length, 2);
  });

  test("when it is before nine in the morning, then the day's reminder waits", async () => {
    const { code } = await invited(['early@council.example']);
    await setReminders(code, [day(1)]).expect(200);
    assert.equal(await queueDueReminders(new Date(`${day(1)}T06:00:00Z`)), 0);
    assert.equal(await queueDueReminders(at10(day(1))), 1);
  });

  test('when reminder dates fall outside the wave or in the past, then 400 names them', async () => {
    const { code } = await invited(['x@council.example']);
    const res = await setReminders(code, [day(3), day(30), day(-1)]);
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.details.map((d: { problem: string }) => d.problem.slice(0, 10)).sort(),
      [day(-1), day(30)].sort(),
    );
  });
});

describe('GET and POST /unsubscribe/:token', () => {
  test('when the opt-out link is opened, then a page asks, sets no cookie and changes nothing until the button is pressed', async () => {
    const person = 'ask@council.example';
    const { links } = await invited([person]);
    const page = await t.http().get(`/unsubscribe/${links[person]!.optOut}`).expect(200);
    assert.equal(page.headers['set-cookie'], undefined);
    assert.match(page.text, new RegExp(`<form method="post" action="/unsubscribe/${links[person]!.optOut}">`));
    assert.equal(await InvitationOptOut.countDocuments(), 0);
    const done = await t.http().post(`/unsubscribe/${links[person]!.optOut}`).type('form').send('').expect(200);
    assert.match(done.text, /Reminders stopped/);
    assert.equal(await InvitationOptOut.countDocuments(), 1);
    await t.http().post(`/unsubscribe/${links[person]!.optOut}`).type('form').send('').expect(200);
    assert.equal(await InvitationOptOut.countDocuments(), 1);
  });

  test('when the survey link is used as an opt-out link, or the token is unknown, then the page says the link has expired', async () => {
    const person = 'mix@council.example';
    const { links } = await invited([person]);
    await t.http().post(`/unsubscribe/${links[person]!.survey}`).type('form').send('').expect(404);
    const res = await t.http().get('/unsubscribe/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    assert.match(res.text, /This link has expired/);
    assert.equal(await InvitationOptOut.countDocuments(), 0);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { Campaign } from '../../../server/study/campaigns/model.js';
import { todayInUk } from '../../../server/platform/dates.js';
import {
  InvitationList,
  InvitationOptOut,
  InvitationToken,
  inviteeCollectionName,
} from '../../../server/invitations/model.js';
import { addDays } from '../../../server/platform/dates.js';
import { sweepExpiredLists } from '../../../server/invitations/retention.js';
import { MailDone, Mailing, OutboxClaim } from '../../../server/mail/outbox/model.js';
import { buildCampaign } from '../../helpers/factories.js';
import { optOutLink, RETENTION_DAYS, upload, useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);
const day = (offset: number) => addDays(todayInUk(), offset);
const at10 = (d: string) => new Date(`${d}T10:00:00Z`);

async function listCollection(code: string): Promise<boolean> {
  return (await mongoose.connection.db!.listCollections({ name: inviteeCollectionName(code) }).toArray()).length === 1;
}

// A campaign with a list that has been mailed, with one opt-out.
async function mailedList(council: string, wave: string, closesOn: string) {
  const { code } = await buildCampaign({ pilot: council, wave, closesOn });
  await upload(t.http(), code, `a-${council}@council.example\nb-${council}@council.example`).expect(201);
  await t.worker().drain();
  const optOut = optOutLink(t.smtp().to(`a-${council}@council.example`).at(-1)!.text ?? '')![1];
  await t.http().post(`/unsubscribe/${optOut}`).type('form').send('').expect(200);
  return code;
}

async function traces(code: string) {
  return {
    list: Boolean(await InvitationList.exists({ _id: code })),
    addresses: await listCollection(code),
    tokens: await InvitationToken.countDocuments({ campaign: code }),
    optOuts: await InvitationOptOut.countDocuments({ campaign: code }),
    sent: await MailDone.countDocuments({ campaign: code }),
    claims: await OutboxClaim.countDocuments({ campaign: code }),
    mailings: await Mailing.countDocuments({ campaign: code }),
  };
}
const gone = { list: false, addresses: false, tokens: 0, optOuts: 0, sent: 0, claims: 0, mailings: 0 };

describe('deleting email lists', () => {
  test('when a wave closed longer ago than the retention period, then its list and everything naming a person is deleted, and other lists stay', async () => {
    const early = await mailedList('855', 'w-early', day(3));
    const late = await mailedList('856', 'w-late', day(10));
    assert.deepEqual(
      await sweepExpiredLists(at10(day(3 + RETENTION_DAYS)), RETENTION_DAYS),
      [],
      'kept through the last day of retention',
    );
    assert.deepEqual(await traces(early), {
      list: true,
      addresses: true,
      tokens: 4,
      optOuts: 1,
      sent: 2,
      claims: 2,
      mailings: 1,
    });
    assert.deepEqual(await sweepExpiredLists(at10(day(4 + RETENTION_DAYS)), RETENTION_DAYS), [early]);
    assert.deepEqual(await traces(early), gone);
    assert.equal((await traces(late)).addresses, true);
    assert.equal((await traces(late)).tokens, 4);
  });

  test('when a campaign is closed by hand, then the retention period runs from the first day the sweep sees it closed', async () => {
    const code = await mailedList('855', 'w-hand', day(20));
    await Campaign.updateOne({ _id: code }, { $set: { closedManually: true } });
    assert.deepEqual(await sweepExpiredLists(at10(day(0)), RETENTION_DAYS), []);
    assert.equal((await InvitationList.findById(code).lean())?.closedSeenOn, day(0));
    assert.deepEqual(await sweepExpiredLists(at10(day(RETENTION_DAYS)), RETENTION_DAYS), []);
    assert.deepEqual(await sweepExpiredLists(at10(day(RETENTION_DAYS + 1)), RETENTION_DAYS), [code]);
    assert.deepEqual(await traces(code), gone);
  });

  test('when an HR lead deletes the list, then it goes at once and no more mail is sent from it', async () => {
    const code = await mailedList('855', 'w-now', day(5));
    const status = await t.http().get(`/api/v1/invitations/${code}`).set('X-Test-Role', 'hr').expect(200);
    assert.equal(status.body.deleteAfter, day(5 + RETENTION_DAYS));
    assert.equal(status.body.listed, 2);
    assert.equal(status.body.optedOutOfReminders, 1);
    assert.match(status.body.anonymity, /who has taken part/);
    await t
      .http()
      .put(`/api/v1/invitations/${code}/reminders`)
      .set('X-Test-Role', 'hr')
      .send({ dates: [day(1)] })
      .expect(200);
    await t.http().delete(`/api/v1/invitations/${code}/list`).set('X-Test-Role', 'hr').expect(204);
    assert.deepEqual(await traces(code), gone);
    const before = t.smtp().received.length;
    await t.worker({ now: () => at10(day(1)) }).drain();
    assert.equal(t.smtp().received.length, before);
  });
});

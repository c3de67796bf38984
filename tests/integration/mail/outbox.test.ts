import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { feedOutbox } from '../../../server/mail/outbox/feeder.js';
import { claimBatch } from '../../../server/mail/outbox/claim.js';
import { MailProblem, Mailing, OutboxClaim, OutboxMessage } from '../../../server/mail/outbox/model.js';
import { buildCampaign, freshPilot } from '../../helpers/factories.js';
import { upload, useMailTest } from '../../helpers/mail.js';

const t = useMailTest(import.meta.url);
const minutes = (n: number) => n * 60_000;

async function listOf(n: number, tag = randomUUID().slice(0, 8)) {
  const { code } = await buildCampaign({ pilot: freshPilot() });
  const addresses = Array.from({ length: n }, (_, i) => `${tag}-${i}@council.example`);
  await upload(t.http(), code, addresses.join('\n')).expect(201);
  return { code, addresses };
}

function clock() {
  let now = Date.now();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const receivedFor = (addresses: string[]) => t.smtp().received.filter((m) => addresses.includes(m.envelopeTo[0]!));

describe('the outbox', () => {
  test('when the SMTP server is down and then up, then nothing is lost and nothing is doubled', async () => {
    const { addresses } = await listOf(5);
    const time = clock();
    const worker = t.worker({ now: time.now, exclusive: true });
    await t.smtp().stop();
    try {
      await worker.drain();
      time.advance(minutes(1));
      await worker.drain();
    } finally {
      await t.smtp().start();
    }
    assert.equal(receivedFor(addresses).length, 0);
    const waiting = await OutboxMessage.find().lean();
    assert.equal(waiting.length, 5);
    assert.ok(
      waiting.every((m) => m.attempts === 0),
      'an outage uses no attempt',
    );
    assert.equal(await MailProblem.countDocuments(), 0);
    time.advance(minutes(10));
    await worker.drain();
    await worker.drain();
    const got = receivedFor(addresses);
    assert.deepEqual(got.map((m) => m.envelopeTo[0]).sort(), [...addresses].sort());
    assert.equal(new Set(got.map((m) => m.messageId)).size, 5);
    assert.equal(await OutboxMessage.countDocuments(), 0);
  });

  test('when two workers drain the same outbox at once, then each message is sent exactly once', async () => {
    const { addresses } = await listOf(60);
    const a = t.worker({ exclusive: false, concurrency: 4 });
    const b = t.worker({ exclusive: false, concurrency: 4 });
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    assert.equal(na + nb, 60);
    const got = receivedFor(addresses);
    assert.equal(got.length, 60);
    assert.equal(new Set(got.map((m) => m.envelopeTo[0])).size, 60);
    assert.equal(new Set(got.map((m) => m.messageId)).size, 60);
  });

  test('when two workers share the sending lease, then one sends and each message goes once', async () => {
    const { addresses } = await listOf(20);
    const [na, nb] = await Promise.all([t.worker({ exclusive: true }).drain(), t.worker({ exclusive: true }).drain()]);
    assert.equal(Math.min(na, nb), 0);
    assert.equal(receivedFor(addresses).length, 20);
  });

  test('when the connection breaks after the server has the message, then it is reported unknown and not sent again until an admin resends it', async () => {
    const { code, addresses } = await listOf(1);
    const worker = t.worker();
    t.smtp().setMode('hang');
    try {
      await worker.drain();
    } finally {
      t.smtp().setMode('accept');
    }
    assert.equal(receivedFor(addresses).length, 1, 'the server got it, the sender never heard back');
    await worker.drain();
    assert.equal(receivedFor(addresses).length, 1);
    const status = await t.http().get(`/api/v1/invitations/${code}`).set('X-Test-Role', 'hr').expect(200);
    assert.equal(status.body.mail.invitation.unknown, 1);
    const [problem] = status.body.problems;
    assert.equal(problem.state, 'unknown');
    assert.equal(problem.to, addresses[0]);
    await t
      .http()
      .post(`/api/v1/invitations/${code}/problems/${encodeURIComponent(problem.id)}/resend`)
      .set('X-Test-Role', 'hr')
      .expect(202);
    await worker.drain();
    const got = receivedFor(addresses);
    assert.equal(got.length, 2);
    assert.equal(got[0]!.messageId, got[1]!.messageId, 'a resend keeps the Message-ID');
  });

  test('when a sending process dies mid-send, then its message becomes unknown and is never sent by itself', async () => {
    const { addresses } = await listOf(1);
    const time = clock();
    await feedOutbox(time.now(), 100);
    assert.equal((await claimBatch(time.now(), 5)).length, 1); // ... and this process stops before anything more
    time.advance(minutes(11));
    await t.worker({ now: time.now }).drain();
    assert.equal(receivedFor(addresses).length, 0);
    const [problem] = await MailProblem.find().lean();
    assert.equal(problem?.state, 'unknown');
    assert.equal(await OutboxMessage.countDocuments(), 0);
  });

  test('when a process claimed a message and stopped, then the others leave it alone until the claim is stale', async () => {
    const { addresses } = await listOf(1);
    const time = clock();
    await feedOutbox(time.now(), 100);
    const [m] = await OutboxMessage.find().lean();
    await OutboxClaim.create({ _id: `${m!._id}#0`, campaign: m!.campaign, at: time.now() });
    await t.worker({ now: time.now }).drain();
    assert.equal(receivedFor(addresses).length, 0, 'someone holds the round: wait');
    assert.equal(await MailProblem.countDocuments(), 0);
    time.advance(minutes(11));
    await t.worker({ now: time.now }).drain();
    assert.equal(receivedFor(addresses).length, 0);
    assert.equal((await MailProblem.find().lean())[0]?.state, 'unknown');
  });

  test('when the server refuses a recipient for good, then the message fails at once and is reported', async () => {
    const { addresses } = await listOf(1);
    t.smtp().setMode('reject-rcpt');
    try {
      await t.worker().drain();
    } finally {
      t.smtp().setMode('accept');
    }
    const [problem] = await MailProblem.find().lean();
    assert.equal(problem?.state, 'failed');
    assert.equal(problem?.attempts, 1);
    assert.match(problem?.error ?? '', /550/);
    assert.equal(receivedFor(addresses).length, 0);
  });

  test('when the server defers a message, then it is retried with growing waits and fails after the last attempt', async () => {
    await listOf(1);
    const time = clock();
    const worker = t.worker({ now: time.now }); // 3 attempts, 60 s base
    t.smtp().setMode('defer-rcpt');
    try {
      await worker.drain();
      let [m] = await OutboxMessage.find().lean();
      assert.equal(m?.attempts, 1);
      assert.equal(m!.due.getTime() - time.now().getTime(), 60_000);
      time.advance(59_000);
      await worker.drain();
      assert.equal((await OutboxMessage.findById(m!._id).lean())?.attempts, 1, 'not before its time');
      time.advance(2000);
      await worker.drain();
      [m] = await OutboxMessage.find().lean();
      assert.equal(m?.attempts, 2);
      assert.equal(m!.due.getTime() - time.now().getTime(), 120_000);
      time.advance(121_000);
      await worker.drain();
    } finally {
      t.smtp().setMode('accept');
    }
    assert.equal(await OutboxMessage.countDocuments(), 0);
    const [problem] = await MailProblem.find().lean();
    assert.equal(problem?.state, 'failed');
    assert.equal(problem?.attempts, 3);
  });

  test('when a mailing is fed again after a crash, then nothing is sent twice', async () => {
    const { addresses } = await listOf(3);
    const worker = t.worker();
    await worker.drain();
    assert.equal(receivedFor(addresses).length, 3);
    await Mailing.updateMany({}, { $set: { next: 0, done: false } });
    await worker.drain();
    await worker.drain();
    assert.equal(receivedFor(addresses).length, 3);
    assert.equal(await OutboxMessage.countDocuments(), 0);
  });
});

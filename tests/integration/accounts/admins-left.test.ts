import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AdminChangeClaim, User } from '../../../server/accounts/model.js';
import { CLAIM_SLOT_MS } from '../../../server/accounts/admins-left.js';
import { useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';

const { staff } = useTestApp(import.meta.url);
const enabledAdmins = () => User.countDocuments({ role: 'admin', disabled: { $ne: true } });
const emails = (n: number) => Array.from({ length: n }, (_, i) => `admin${i}@example.org`);

type Outcome = { status: number; message?: string };
const LAST = /would leave no enabled admin/;
// under a busy machine thirty serialised changes can outlast a loser's wait for the claim
const BUSY = /being saved; please try again/;

// Every admin signs in first, then all the removals go at once.
async function removeEachOther(n: number, change: (i: number) => object | 'delete'): Promise<Outcome[]> {
  const all = emails(n);
  const agents = await Promise.all(all.map((email) => staff({ role: 'admin', email })));
  const requests = agents.flatMap((agent, i) =>
    all
      .filter((_, j) => j !== i)
      .map((target) => {
        const how = change(i);
        return how === 'delete'
          ? agent.delete(`/api/v1/admin/users/${target}`)
          : agent.patch(`/api/v1/admin/users/${target}`).send(how);
      }),
  );
  return (await Promise.all(requests)).map((r) => ({ status: r.status, message: r.body?.error?.message }));
}

function assertOutcomes(outcomes: Outcome[], conflict = LAST) {
  for (const o of outcomes) {
    assert.ok([200, 204, 401, 403, 404, 409].includes(o.status), `unexpected ${o.status}`);
    // a demoted admin's later requests are refused (403), a disabled or deleted one's session is
    // gone (401), and a deleted target is not found (404)
    if (o.status === 409) assert.match(o.message!, conflict);
  }
}

describe('PATCH and DELETE /api/v1/admin/users/:email at the same time', () => {
  test('when two admins demote each other at once, then one wins, the other gets 409 and one admin is left', async () => {
    for (let round = 0; round < 10; round++) {
      await User.deleteMany({});
      const outcomes = await removeEachOther(2, () => ({ role: 'researcher' }));
      assert.deepEqual(outcomes.map((o) => o.status).sort(), [200, 409], `round ${round}`);
      assertOutcomes(outcomes);
      assert.equal(await enabledAdmins(), 1);
    }
  });

  test('when six admins demote, disable and delete one another in parallel, then at least one admin is left', async () => {
    const changes = [
      { role: 'researcher' },
      { disabled: true },
      'delete' as const,
      { role: 'hr_lead', pilots: ['855'] },
    ];
    for (const [round, change] of changes.entries()) {
      await User.deleteMany({});
      await buildCouncil({ code: '855' });
      const outcomes = await removeEachOther(6, () => change);
      assertOutcomes(outcomes, new RegExp(`${LAST.source}|${BUSY.source}`));
      const left = await enabledAdmins();
      assert.ok(left >= 1, `round ${round}: ${JSON.stringify(change)} left no admin`);
      // a removal that gave up waiting for the claim leaves its target an admin
      if (!outcomes.some((o) => BUSY.test(o.message ?? ''))) assert.equal(left, 1, `round ${round}`);
      assert.equal(await AdminChangeClaim.countDocuments(), 0);
    }
  });

  test('when a claim was left by a process that died, then a removal is refused with 409 and changes nothing', async () => {
    const agent = await staff({ role: 'admin', email: 'admin0@example.org' });
    await staff({ role: 'admin', email: 'admin1@example.org' });
    const slot = Math.floor(Date.now() / CLAIM_SLOT_MS);
    await AdminChangeClaim.create([
      { _id: `admins@${slot}`, holder: 'gone' },
      { _id: `admins@${slot + 1}`, holder: 'gone' },
    ]);
    const res = await agent.patch('/api/v1/admin/users/admin1@example.org').send({ role: 'researcher' }).expect(409);
    assert.match(res.body.error.message, BUSY);
    assert.equal(await enabledAdmins(), 2);
  });
});

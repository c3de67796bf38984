import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePassword, hashPassword, verifyPassword } from '../../../server/accounts/passwords.js';
import { NewUser } from '../../../server/accounts/schemas.js';

describe('passwords', () => {
  test('when a password is hashed, then it is argon2id with a salt and verifies only with the same password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword(a, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(a, 'correct horse battery stapler'), false);
  });

  test('when there is no stored hash or it is malformed, then nothing verifies', async () => {
    assert.equal(await verifyPassword(null, ''), false);
    assert.equal(await verifyPassword(null, 'anything'), false);
    assert.equal(await verifyPassword('not-a-hash', 'anything'), false);
  });

  test('when passwords are generated, then each is 24 URL-safe characters and they differ', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    assert.equal(passwords.size, 50);
    for (const p of passwords) assert.match(p, /^[A-Za-z0-9_-]{24}$/);
  });
});

describe('NewUser', () => {
  test('when councils repeat or come unordered, then they are kept once, in order, and the email normalised', () => {
    const user = NewUser.parse({ email: ' Lead@X.org ', role: 'hr_lead', pilots: ['856', '855', '856'] });
    assert.deepEqual([user.email, user.pilots], ['lead@x.org', ['855', '856']]);
  });

  test('when an admin is given councils or an HR lead none, then the pilots field is named', () => {
    for (const input of [{ role: 'admin', pilots: ['855'] }, { role: 'hr_lead' }]) {
      const result = NewUser.safeParse({ email: 'a@x.org', ...input });
      assert.equal(result.success, false);
      assert.deepEqual(
        result.error?.issues.map((i) => i.path.join('.')),
        ['pilots'],
      );
    }
  });
});

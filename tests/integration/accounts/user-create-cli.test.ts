import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { User } from '../../../server/accounts/model.js';
import { databaseNameFor, testDatabaseUri, useTestApp } from '../../helpers/app.js';
import { buildCouncil } from '../../helpers/factories.js';

const { http } = useTestApp(import.meta.url);
const root = resolve(import.meta.dirname, '../../..');

type Run = { code: number | null; stdout: string; stderr: string };

// The script as `npm run user:create` runs it, against this file's database.
function userCreate(args: string[], stdin?: string): Promise<Run> {
  const env = {
    ...process.env,
    MONGODB_URI: testDatabaseUri(),
    DB_NAME: databaseNameFor(import.meta.url),
    LOG_LEVEL: 'silent',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdin.end(stdin ?? '');
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const signIn = (email: string, password: string) => http().post('/api/v1/session').send({ email, password });

describe('npm run user:create', () => {
  test('when no password is given, then a strong one is generated, printed once and signs in', async () => {
    const run = await userCreate(['--email', 'First.Admin@Example.org', '--role', 'admin']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Account created: first\.admin@example\.org \(admin\)/);
    const password = /shown only this once: (\S+)/.exec(run.stdout)?.[1];
    assert.match(password ?? '', /^[A-Za-z0-9_-]{24}$/);
    const res = await signIn('first.admin@example.org', password!).expect(200);
    assert.equal(res.body.user.role, 'admin');
    assert.match((await User.findById('first.admin@example.org').lean())!.passwordHash, /^\$argon2id\$v=19\$/);
  });

  test('when an HR lead is created with councils and a password on stdin, then that password works and is not printed', async () => {
    await buildCouncil({ code: '855' });
    await buildCouncil({ code: '856' });
    const password = 'a long passphrase from a manager';
    const run = await userCreate(
      ['--email', 'lead@example.org', '--role', 'hr_lead', '--pilot', '856', '--pilot', '855', '--password-stdin'],
      `${password}\n`,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /for councils 855, 856/);
    assert.doesNotMatch(run.stdout, /passphrase|shown only/);
    assert.deepEqual((await signIn('lead@example.org', password).expect(200)).body.user.pilots, ['855', '856']);
  });

  const refused: [string, string[], RegExp][] = [
    [
      'the role is unknown',
      ['--email', 'x@example.org', '--role', 'owner'],
      /--role: must be admin, hr_lead or researcher/,
    ],
    [
      'an HR lead names no council',
      ['--email', 'x@example.org', '--role', 'hr_lead'],
      /--pilot: an HR lead needs at least one council/,
    ],
    [
      'the council does not exist',
      ['--email', 'x@example.org', '--role', 'hr_lead', '--pilot', '999'],
      /no council with code 999/,
    ],
    ['the email is missing', ['--role', 'admin'], /--email and --role are required/],
  ];
  for (const [what, args, message] of refused) {
    test(`when ${what}, then it exits 1 saying why and creates nothing`, async () => {
      const run = await userCreate(args);
      assert.equal(run.code, 1);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: npm run user:create/);
      assert.equal(await User.countDocuments(), 0);
    });
  }

  test('when the email already has an account or the stdin password is short, then it exits 1', async () => {
    assert.equal((await userCreate(['--email', 'a@example.org', '--role', 'researcher'])).code, 0);
    const again = await userCreate(['--email', 'A@example.org', '--role', 'admin']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already an account for a@example\.org/);
    const short = await userCreate(['--email', 'b@example.org', '--role', 'admin', '--password-stdin'], 'short\n');
    assert.match(short.stderr, /password on stdin: must be at least 12 characters/);
    assert.equal(await User.countDocuments(), 1);
  });
});

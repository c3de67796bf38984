// Creates a staff account; the first admin comes from here. Without --password-stdin a strong
// password is generated and printed once.
import { ZodError } from 'zod';
import { createUser } from '../server/accounts/users.js';
import { AppError, badRequest } from '../server/errors.js';
import { runCli } from './cli.js';

const usage =
  'Usage: npm run user:create -- --email <email> --role admin|hr_lead|researcher [--pilot 855 --pilot 856] [--password-stdin]';
const flags: Record<string, string> = {
  email: '--email',
  role: '--role',
  pilots: '--pilot',
  password: 'the password on stdin',
};

// The whole of stdin, less one trailing newline (as `echo` or a password manager pipe adds).
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

// Field errors, from zod or from the service's own checks, named by the flag that set them.
function fieldProblems(err: unknown): string | null {
  const problems =
    err instanceof ZodError
      ? err.issues.map((i) => ({ field: String(i.path[0] ?? ''), problem: i.message }))
      : err instanceof AppError && err.details
        ? err.details.map((d) => ({ field: String(d.field), problem: String(d.problem) }))
        : null;
  return problems && problems.map(({ field, problem }) => `${flags[field] ?? field}: ${problem}`).join('\n');
}

await runCli(
  usage,
  {
    email: { type: 'string' },
    role: { type: 'string' },
    pilot: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean' },
  },
  async ({ values }) => {
    if (!values.email || !values.role) throw badRequest('--email and --role are required.');
    const password = values['password-stdin'] ? await readStdin() : undefined;
    const created = await createUser({
      email: values.email,
      role: values.role,
      pilots: values.pilot ?? [],
      password,
    }).catch((err) => {
      const problems = fieldProblems(err);
      throw problems ? badRequest(problems) : err;
    });
    const { user } = created;
    console.log(
      `Account created: ${user.email} (${user.role}${user.pilots.length ? ` for councils ${user.pilots.join(', ')}` : ''}).`,
    );
    if (created.password) console.log(`Password, shown only this once: ${created.password}`);
  },
);

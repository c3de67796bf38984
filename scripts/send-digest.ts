// The HR lead digest by hand: `--preview` prints what each lead would get now; without it this
// week's digests are queued at once (still once a week) for the server's mail worker to send.
// Usage: npm run digest:send -- [--preview]
import { todayInUk } from '../server/platform/dates.js';
import { buildDigest } from '../server/reports/digest/digest.js';
import { hrLeadRecipients } from '../server/accounts/users.js';
import { digestInput, queueWeeklyDigests, weekOf } from '../server/reports/digest/service.js';
import { runCli } from './cli.js';

await runCli('Usage: npm run digest:send -- [--preview]', { preview: { type: 'boolean' } }, async (args, config) => {
  const now = new Date();
  if (args.values.preview) {
    for (const lead of await hrLeadRecipients()) {
      const digest = buildDigest(await digestInput(lead, todayInUk(now), config.MIN_GROUP_SIZE), {
        minGroupSize: config.MIN_GROUP_SIZE,
        weekOf: weekOf(todayInUk(now)),
      });
      process.stdout.write(
        digest
          ? `To: ${digest.to}\nSubject: ${digest.subject}\n\n${digest.text}\n\n`
          : `${lead.email}: nothing open, no email\n\n`,
      );
    }
    return;
  }
  const queued = await queueWeeklyDigests(
    { listRecipients: hrLeadRecipients, minGroupSize: config.MIN_GROUP_SIZE },
    now,
  );
  process.stdout.write(
    queued > 0
      ? `${queued} digests queued; the running server sends them.\n`
      : "This week's digests were already queued (or no HR lead has an open campaign).\n",
  );
});

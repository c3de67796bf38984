import { todayInUk } from '../campaigns/status.js';
import { invitationComposer } from '../invitations/compose.js';
import { sweepExpiredLists } from '../invitations/retention.js';
import { queueDueReminders } from '../invitations/schedule.js';
import type { Logger } from '../log.js';
import { createMailWorker, type MailWorker, type MailWorkerOptions, type Tick } from '../outbox/worker.js';
import { digestComposer, queueWeeklyDigests, type DigestRecipient } from './digest-service.js';
import type { MailSettings } from './settings.js';
import { createMailTransport, type TransportOptions } from './transport.js';

export type MailServiceDeps = {
  settings: MailSettings;
  logger: Logger;
  baseUrl: string;
  minGroupSize: number;
  // from the accounts feature; without it no digests are sent
  listDigestRecipients?: () => Promise<DigestRecipient[]>;
  flushSummaries?: () => Promise<void>;
  transport?: TransportOptions;
} & Partial<Pick<MailWorkerOptions, 'now' | 'concurrency' | 'pollMs' | 'exclusive' | 'staleMs'>>;

const ukDayHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });

// Digests go from Monday 08:00 UK time (or at the first chance after, once a week).
export function digestDue(now: Date): boolean {
  const parts = Object.fromEntries(ukDayHour.formatToParts(now).map((p) => [p.type, p.value]));
  return !(parts.weekday === 'Mon' && Number(parts.hour) < 8);
}

// Everything mail needs, for server/index.ts: the transport from the settings, the outbox worker
// with its composers, and its housekeeping (due reminders, retention sweep, weekly digests).
// Returns null when mail is off.
export function createMailService(d: MailServiceDeps): MailWorker | null {
  const s = d.settings;
  const transport = createMailTransport(s, { connections: d.concurrency ?? 4, ...d.transport });
  if (transport.kind === 'off') {
    d.logger.info('Mail is off (no SMTP_HOST in production): no invitations, reminders or digests are sent.');
    return null;
  }
  if (transport.kind === 'folder') d.logger.info(`Mail goes to files in ${s.MAIL_DIR} (set SMTP_HOST to send it).`);
  let sweptOn = '';
  const ticks: Tick[] = [
    async (now) => { await queueDueReminders(now); },
    async (now) => {
      if (sweptOn === todayInUk(now)) return;
      const deleted = await sweepExpiredLists(now, s.INVITATION_RETENTION_DAYS);
      sweptOn = todayInUk(now);
      if (deleted.length > 0) d.logger.info({ campaigns: deleted.length }, 'email lists past their retention deleted');
    },
  ];
  const { listDigestRecipients } = d;
  if (listDigestRecipients) {
    ticks.push(async (now) => {
      if (digestDue(now)) await queueWeeklyDigests({ listRecipients: listDigestRecipients, minGroupSize: d.minGroupSize, flush: d.flushSummaries, dashboardUrl: d.baseUrl }, now);
    });
  }
  const compose = invitationComposer({ baseUrl: d.baseUrl, minGroupSize: d.minGroupSize, retentionDays: s.INVITATION_RETENTION_DAYS });
  return createMailWorker({
    transport, logger: d.logger, ticks,
    composers: { invitation: compose, reminder: compose, digest: digestComposer },
    ratePerSecond: s.MAIL_RATE_PER_SECOND, maxAttempts: s.MAIL_MAX_ATTEMPTS, retryBaseMs: s.MAIL_RETRY_BASE_SECONDS * 1000,
    concurrency: d.concurrency, pollMs: d.pollMs, exclusive: d.exclusive, staleMs: d.staleMs, now: d.now,
  });
}

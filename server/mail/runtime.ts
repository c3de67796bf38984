import type { Logger } from '../log.js';
import type { MailSettings } from '../config.js';
import {
  createMailWorker,
  type Composer,
  type MailWorker,
  type MailWorkerOptions,
  type Tick,
} from './outbox/worker.js';
import type { MessageKind } from './outbox/model.js';
import { createMailTransport, type TransportOptions } from './transport.js';

// What a feature hands to mail: the messages it can write and its housekeeping ticks. Mail knows
// no feature; server/mail-jobs.ts gathers the features' parts.
export type MailParts = { ticks: Tick[]; composers: Partial<Record<MessageKind, Composer>> };

export type MailRuntimeDeps = {
  settings: MailSettings;
  logger: Logger;
  parts: MailParts[];
  transport?: TransportOptions;
} & Partial<Pick<MailWorkerOptions, 'now' | 'concurrency' | 'pollMs' | 'exclusive' | 'staleMs'>>;

// The transport from the settings and the outbox worker with the features' composers and ticks.
// Returns null when mail is off.
export function createMailRuntime(d: MailRuntimeDeps): MailWorker | null {
  const s = d.settings;
  const transport = createMailTransport(s, { connections: d.concurrency ?? 4, ...d.transport });
  if (transport.kind === 'off') {
    d.logger.info('Mail is off (no SMTP_HOST in production): no invitations, reminders or digests are sent.');
    return null;
  }
  if (transport.kind === 'folder') d.logger.info(`Mail goes to files in ${s.MAIL_DIR} (set SMTP_HOST to send it).`);
  return createMailWorker({
    transport,
    logger: d.logger,
    ticks: d.parts.flatMap((p) => p.ticks),
    composers: Object.assign({}, ...d.parts.map((p) => p.composers)),
    ratePerSecond: s.MAIL_RATE_PER_SECOND,
    maxAttempts: s.MAIL_MAX_ATTEMPTS,
    retryBaseMs: s.MAIL_RETRY_BASE_SECONDS * 1000,
    concurrency: d.concurrency,
    pollMs: d.pollMs,
    exclusive: d.exclusive,
    staleMs: d.staleMs,
    now: d.now,
  });
}

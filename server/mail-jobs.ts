import type { MailSettings } from './config.js';
import type { Logger } from './log.js';
import { invitationMail } from './invitations/mail.js';
import { createMailRuntime, type MailRuntimeDeps } from './mail/runtime.js';
import type { MailWorker } from './mail/outbox/worker.js';
import { digestMail } from './reports/digest/mail.js';
import type { DigestRecipient } from './reports/digest/service.js';

export type MailServiceDeps = {
  settings: MailSettings;
  logger: Logger;
  baseUrl: string;
  minGroupSize: number;
  // from the accounts feature; without it no digests are sent
  listDigestRecipients?: () => Promise<DigestRecipient[]>;
  flushSummaries?: () => Promise<void>;
} & Omit<MailRuntimeDeps, 'settings' | 'logger' | 'parts'>;

// Everything mail does, for server/index.ts: invitations and reminders, and the weekly digest,
// sent by one outbox worker. Returns null when mail is off.
export function createMailService({
  settings,
  logger,
  baseUrl,
  minGroupSize,
  listDigestRecipients,
  flushSummaries,
  ...rest
}: MailServiceDeps): MailWorker | null {
  const parts = [
    invitationMail({ baseUrl, minGroupSize, retentionDays: settings.INVITATION_RETENTION_DAYS, logger }),
    digestMail({ listRecipients: listDigestRecipients, minGroupSize, flush: flushSummaries, dashboardUrl: baseUrl }),
  ];
  return createMailRuntime({ settings, logger, parts, ...rest });
}

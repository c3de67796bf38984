import { createHash } from 'node:crypto';
import { campaignStatus } from '../../study/campaigns/status.js';
import { addDays, todayInUk } from '../../platform/dates.js';
import { createMailing, insertNew } from '../../mail/outbox/feeder.js';
import { mailingExists } from '../../mail/outbox/store.js';
import { findCouncil, findWave, listCampaigns } from '../../study/store.js';
import { groupCounters } from '../../tally/store.js';
import { dayCounts } from '../../tally/read-counters.js';
import { openCount } from '../../disclosure/progress.js';
import { buildDigest, type DigestInput } from './digest.js';

// The HR leads and their councils come from the accounts feature, through this function.
export type DigestRecipient = { email: string; councilCodes: string[] };
export type DigestDeps = {
  listRecipients: () => Promise<DigestRecipient[]>;
  minGroupSize: number;
  // counts queued responses first, so the digest agrees with the summaries (tallier.flush)
  flush?: () => Promise<void>;
  dashboardUrl?: string;
};

// Plain inputs for buildDigest: each council's open campaigns with the response count the
// dashboard publishes for them (the same function: disclosure/progress.ts) and headcount.
export async function digestInput(recipient: DigestRecipient, today: string, min: number): Promise<DigestInput> {
  const councils = [];
  for (const code of recipient.councilCodes) {
    const council = await findCouncil(code, { name: 1 });
    if (!council) continue;
    const campaigns = [];
    for (const c of await listCampaigns({ pilotCode: code })) {
      const wave = await findWave(c.waveId);
      if (!wave || campaignStatus(wave, c.closedManually ?? false, today) !== 'open') continue;
      const { n } = openCount(dayCounts(await groupCounters(code, wave._id, ['main'])), min, today);
      campaigns.push({ wave: wave.name, n, headcount: c.headcount ?? null, closesOn: wave.closesOn });
    }
    councils.push({ code, name: council.name, campaigns });
  }
  return { email: recipient.email, councils };
}

// Monday of the UK week containing `today` (the digest's identity: one per lead per week).
export function weekOf(today: string): string {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(today, -weekday);
}

// Queues this week's digests once. Each message id is fixed by week and address, so running
// again after a crash queues only what is missing, and a digest already sent is never queued
// again (its old claim stops the copy, see outbox/claim.ts).
export async function queueWeeklyDigests(deps: DigestDeps, now: Date): Promise<number> {
  const today = todayInUk(now);
  const week = weekOf(today);
  const marker = `digest:${week}`;
  if (await mailingExists(marker)) return 0;
  await deps.flush?.();
  let queued = 0;
  for (const recipient of await deps.listRecipients()) {
    const digest = buildDigest(await digestInput(recipient, today, deps.minGroupSize), {
      minGroupSize: deps.minGroupSize,
      weekOf: week,
      dashboardUrl: deps.dashboardUrl,
    });
    if (!digest) continue;
    const id = `${marker}:${createHash('sha256').update(recipient.email.toLowerCase()).digest('base64url').slice(0, 16)}`;
    queued += await insertNew([{ _id: id, kind: 'digest', ...digest, round: 0, attempts: 0, due: now }]);
  }
  await createMailing({ id: marker, kind: 'digest', invitees: [] }); // done: marks the week as queued
  return queued;
}

// A prepared message is sent as queued.
export const digestComposer = async (m: {
  _id: string;
  to?: string | null;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
}) =>
  m.to && m.subject && m.text && m.html
    ? { id: m._id, to: m.to, subject: m.subject, text: m.text, html: m.html, lang: 'en' }
    : null;

import { randomBytes } from 'node:crypto';
import { findCampaign } from '../study/campaigns/service.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { createMailing, insertNew } from '../mail/outbox/feeder.js';
import {
  campaignMail,
  deleteMailProblem,
  findMailProblem,
  holdMailingUntil,
  isDuplicateKey,
} from '../mail/outbox/store.js';
import { invitationAnonymityText } from './anonymity.js';
import { parseAddressList } from './csv.js';
import {
  InvitationList,
  InvitationOptOut,
  inviteeId,
  inviteesOf,
  type InvitationLang,
  type InviteeDoc,
} from './model.js';
import { deleteAfterDay } from './retention.js';

export type UploadResult = { added: number; alreadyListed: number; duplicates: number };

async function openOrScheduled(code: string) {
  const found = await findCampaign(code);
  if (found.status === 'closed') throw conflict('This survey has closed, so its email list can no longer change.');
  return found;
}

export async function ensureList(code: string): Promise<void> {
  await InvitationList.create({ _id: code }).catch((err) => {
    if (!isDuplicateKey(err)) throw err;
  });
}

// A whole list or nothing: any bad row refuses the upload with every problem and its line.
// Addresses already on the campaign's list are left alone, the new ones are invited (from
// the opening day if the survey has not opened yet).
export async function uploadList(code: string, csv: string, lang: InvitationLang, now: Date): Promise<UploadResult> {
  const { wave } = await openOrScheduled(code);
  const parsed = parseAddressList(csv);
  if (parsed.problems.length > 0) {
    throw unprocessable(
      'invalid_list',
      `The list has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}; nothing was imported. Correct the rows named and upload it again.`,
      parsed.problems.slice(0, 200),
    );
  }
  await ensureList(code);
  const people = inviteesOf(code);
  const docs: InviteeDoc[] = parsed.addresses.map((email) => ({ _id: inviteeId(email), email, lang, used: false }));
  const listed = new Set((await people.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
  const fresh = docs.filter((d) => !listed.has(d._id));
  // the mailing first, held until the addresses are stored, so no stored address is left uninvited
  const mailing = `${code}:i:${randomBytes(6).toString('base64url')}`;
  await createMailing({
    id: mailing,
    kind: 'invitation',
    campaign: code,
    invitees: fresh.map((d) => d._id),
    notBefore: wave.opensOn,
    holdUntil: new Date(now.getTime() + 10 * 60_000),
  });
  if (fresh.length > 0) {
    await people.insertMany(fresh, { ordered: false }).catch((err) => {
      const errors = (err as { writeErrors?: unknown[] }).writeErrors;
      if (!Array.isArray(errors) || !errors.every(isDuplicateKey)) throw err;
    });
  }
  await holdMailingUntil(mailing, now);
  return { added: fresh.length, alreadyListed: docs.length - fresh.length, duplicates: parsed.duplicates };
}

type KindCounts = { sent: number; notNeeded: number; waiting: number; failed: number; unknown: number };
const emptyCounts = (): KindCounts => ({ sent: 0, notNeeded: 0, waiting: 0, failed: 0, unknown: 0 });

// What an HR lead sees: how many are listed and how the mail is going. Never who has answered,
// nor how many of the listed have (that count could fall below the minimum group size).
export async function invitationStatus(code: string, minGroupSize: number, retentionDays: number) {
  const { wave, campaign } = await findCampaign(code);
  const list = await InvitationList.findById(code).lean();
  const [people, optedOut, { done, problems, mailings, queued }] = await Promise.all([
    inviteesOf(code)
      .find({}, { projection: { email: 1 } })
      .toArray(),
    InvitationOptOut.countDocuments({ campaign: code }),
    campaignMail(code),
  ]);
  const mail = { invitation: emptyCounts(), reminder: emptyCounts() };
  const countsOf = (kind: string) => (kind === 'reminder' ? mail.reminder : mail.invitation);
  for (const d of done) countsOf(d.kind)[d.skipped ? 'notNeeded' : 'sent']++;
  for (const m of mailings) countsOf(m.kind).waiting += m.invitees.length - m.next;
  for (const m of queued) countsOf(m.kind).waiting++;
  for (const p of problems) countsOf(p.kind)[p.state]++;
  const emails = new Map(people.map((p) => [p._id, p.email]));
  return {
    campaign: code,
    listed: people.length,
    optedOutOfReminders: optedOut,
    requireInvitation: (campaign as { requireInvitation?: boolean }).requireInvitation ?? false,
    reminders: { dates: list?.reminders ?? [], queued: list?.remindersQueued ?? [] },
    mail,
    problems: problems.map((p) => ({
      id: p._id,
      kind: p.kind,
      state: p.state,
      to: p.to ?? (p.invitee ? (emails.get(p.invitee) ?? null) : null),
      attempts: p.attempts,
      error: p.error ?? null,
      day: p.day,
    })),
    deleteAfter: list ? deleteAfterDay(wave.closesOn, retentionDays) : null,
    anonymity: invitationAnonymityText(minGroupSize, retentionDays),
  };
}

// An admin's decision: for an "unknown" message this may deliver it a second time.
export async function resendProblem(code: string, id: string, now: Date): Promise<{ id: string; queued: true }> {
  const p = await findMailProblem(id);
  if (!p || p.campaign !== code) throw notFound('No undelivered message with this id for this survey.');
  await openOrScheduled(code);
  const { _id, kind, campaign, invitee, to, subject, text, html } = p;
  const inserted = await insertNew([
    { _id, kind, campaign, invitee, to, subject, text, html, round: p.round + 1, attempts: 0, due: now },
  ]);
  if (inserted === 0) throw conflict('This message is already queued.');
  await deleteMailProblem(id);
  return { id, queued: true };
}

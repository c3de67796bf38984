import { campaignStatus } from '../study/campaigns/status.js';
import { todayInUk } from '../platform/dates.js';
import { renderInvitation } from '../mail/templates.js';
import type { OutgoingMail } from '../mail/transport.js';
import type { OutboxDoc } from '../mail/outbox/store.js';
import type { Composer } from '../mail/outbox/worker.js';
import { findCampaignByCode, findCouncil, findWave, type WaveDoc } from '../study/store.js';
import { InvitationClaim, InvitationOptOut, inviteesOf, personKey } from './model.js';
import { issueTokens } from './tokens.js';

export type ComposeDeps = { baseUrl: string; minGroupSize: number; retentionDays: number };
type Context = { council: string | null; wave: WaveDoc; closedManually: boolean };

// Campaign, wave and council change rarely: read once a minute, not once per email.
function contextCache(ttlMs = 60_000) {
  const cache = new Map<string, { at: number; value: Context | null }>();
  return async (code: string, now: Date): Promise<Context | null> => {
    const hit = cache.get(code);
    if (hit && now.getTime() - hit.at < ttlMs) return hit.value;
    const campaign = await findCampaignByCode(code);
    const wave = campaign && (await findWave(campaign.waveId));
    const council = campaign && (await findCouncil(campaign.pilotCode, { name: 1 }));
    const value =
      campaign && wave
        ? { council: council?.name ?? null, wave, closedManually: campaign.closedManually ?? false }
        : null;
    cache.set(code, { at: now.getTime(), value });
    return value;
  };
}

async function stillWanted(m: OutboxDoc, used: boolean): Promise<boolean> {
  if (used) return false;
  if (m.kind !== 'reminder') return true;
  const key = personKey(m.campaign!, m.invitee!);
  const [optedOut, answering] = await Promise.all([
    InvitationOptOut.exists({ _id: key }),
    InvitationClaim.exists({ _id: key }),
  ]);
  return !optedOut && !answering;
}

// Invitations and reminders are written at send time: whether the person is still to be
// reminded is decided then, and the links carry tokens made for this one email.
export function invitationComposer(deps: ComposeDeps): Composer {
  const contextOf = contextCache();
  return async (m, now): Promise<OutgoingMail | null> => {
    if (!m.campaign || !m.invitee) return null;
    const ctx = await contextOf(m.campaign, now);
    if (!ctx || campaignStatus(ctx.wave, ctx.closedManually, todayInUk(now)) === 'closed') return null;
    const person = await inviteesOf(m.campaign).findOne({ _id: m.invitee });
    if (!person || !(await stillWanted(m, person.used))) return null;
    const tokens = await issueTokens(m.campaign, m.invitee);
    const links = {
      survey: `${deps.baseUrl}/s/${encodeURIComponent(m.campaign)}?t=${tokens.survey}`,
      optOut: `${deps.baseUrl}/unsubscribe/${tokens.optOut}`,
    };
    const kind = m.kind === 'reminder' ? 'reminder' : 'invitation';
    const facts = {
      council: ctx.council,
      closesOn: ctx.wave.closesOn,
      minGroupSize: deps.minGroupSize,
      retentionDays: deps.retentionDays,
    };
    const rendered = renderInvitation(kind, person.lang, facts, links);
    return {
      id: m._id,
      to: person.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      lang: rendered.lang,
      // RFC 8058 one-click: mail providers POST List-Unsubscribe=One-Click to this address
      headers: { 'List-Unsubscribe': `<${links.optOut}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  };
}

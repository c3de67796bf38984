import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { isDuplicateKey } from '../mail/outbox/store.js';
import { InvitationClaim, inviteesOf, personKey } from './model.js';
import { findToken } from './tokens.js';

// How a personal link unlocks the survey once, without anything that ties the stored response
// to the link or the address:
// 1. an invitation claim for the person is inserted (atomic: a second submission waits for
//    nothing, it is refused), then their `used` flag is checked;
// 2. the response is stored (by submitResponse, which stores no token, address or time);
// 3. settle(): the flag is set in place (no time, no order) and the claim is deleted.
// A crash between 1 and 3 leaves the claim; the browser's retry (same token and submissionId)
// recognises it and completes, and a retry of an already stored response settles it.

export type InvitationCampaign = { _id: string; requireInvitation?: boolean | null };
export type Redemption = { settle: () => Promise<void> };

export const invitationRequired = () =>
  new AppError(
    403,
    'invitation_required',
    'This survey is by invitation. Please open the personal link in your invitation email.',
  );
export const invitationUnknown = () =>
  new AppError(
    403,
    'invitation_unknown',
    'This personal link is not recognised. Check that you opened the whole link from your invitation email; links stop working some weeks after the survey closes.',
  );
export const invitationUsed = () =>
  new AppError(
    409,
    'invitation_used',
    'This personal link has already been used to answer the survey. Each link works once, so that everyone answers once. Thank you for taking part.',
  );

const claimHash = (token: string, submissionId: string) =>
  createHash('sha256').update(`${token}|${submissionId}`).digest('hex');

async function surveyToken(campaign: string, token: string) {
  const found = await findToken(token, 'survey');
  if (!found || found.campaign !== campaign) throw invitationUnknown();
  return found;
}

function settler(campaign: string, invitee: string): Redemption {
  return {
    settle: async () => {
      await inviteesOf(campaign).updateOne({ _id: invitee }, { $set: { used: true } });
      await InvitationClaim.deleteOne({ _id: personKey(campaign, invitee) });
    },
  };
}

export async function redeemInvitation(
  campaign: InvitationCampaign,
  token: string | undefined,
  submissionId: string,
): Promise<Redemption | null> {
  if (!token) {
    if (campaign.requireInvitation) throw invitationRequired();
    return null;
  }
  const { invitee } = await surveyToken(campaign._id, token);
  const key = personKey(campaign._id, invitee);
  const h = claimHash(token, submissionId);
  try {
    await InvitationClaim.create({ _id: key, campaign: campaign._id, h });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    if ((await InvitationClaim.findById(key, { h: 1 }).lean())?.h === h) return settler(campaign._id, invitee); // our own retry
    throw invitationUsed();
  }
  const person = await inviteesOf(campaign._id).findOne({ _id: invitee }, { projection: { used: 1 } });
  if (!person || person.used) {
    await InvitationClaim.deleteOne({ _id: key });
    throw person ? invitationUsed() : invitationUnknown();
  }
  return settler(campaign._id, invitee);
}

// For a retry whose response is already stored: finish step 3 if a crash interrupted it.
export async function settleInvitation(
  campaign: string,
  token: string | undefined,
  submissionId: string,
): Promise<void> {
  if (!token) return;
  const found = await findToken(token, 'survey');
  if (!found || found.campaign !== campaign) return;
  const claim = await InvitationClaim.findById(personKey(campaign, found.invitee), { h: 1 }).lean();
  if (claim?.h === claimHash(token, submissionId)) await settler(campaign, found.invitee).settle();
}

// Lets the survey page say "already used" before someone spends ten minutes answering.
export async function checkInvitation(campaign: string, token: string): Promise<{ status: 'unused' }> {
  const { invitee } = await surveyToken(campaign, token);
  const [person, claim] = await Promise.all([
    inviteesOf(campaign).findOne({ _id: invitee }, { projection: { used: 1 } }),
    InvitationClaim.exists({ _id: personKey(campaign, invitee) }),
  ]);
  if (!person) throw invitationUnknown();
  if (person.used || claim) throw invitationUsed();
  return { status: 'unused' };
}

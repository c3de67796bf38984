import { createHash, randomBytes } from 'node:crypto';
import { InvitationToken } from './model.js';

export const tokenPattern = /^[A-Za-z0-9_-]{22}$/;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// 128 random bits, URL-safe (22 characters).
export const newToken = () => randomBytes(16).toString('base64url');

export type IssuedTokens = { survey: string; optOut: string };

// Fresh tokens for one email, made when the email is sent: the plain tokens exist only in that
// email. The survey link and the reminder opt-out are separate, so a link seen in one place
// (a request log of /unsubscribe/…, say) cannot be used to answer in someone's name.
export async function issueTokens(campaign: string, invitee: string): Promise<IssuedTokens> {
  const survey = newToken();
  const optOut = newToken();
  await InvitationToken.insertMany([
    { _id: hashToken(survey), campaign, invitee, purpose: 'survey' },
    { _id: hashToken(optOut), campaign, invitee, purpose: 'optout' },
  ]);
  return { survey, optOut };
}

export async function findToken(token: string, purpose: 'survey' | 'optout') {
  if (!tokenPattern.test(token)) return null;
  const doc = await InvitationToken.findById(hashToken(token)).lean();
  return doc && doc.purpose === purpose ? doc : null;
}

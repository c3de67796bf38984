import { createHash, randomBytes } from 'node:crypto';
import type { OidcProviderSettings } from '../../config.js';
import { User, type UserDoc } from '../model.js';
import type { StaffUser } from '../rules.js';
import type { Clock, SessionStore } from '../sessions.js';
import { createUser } from '../users.js';
import type { OidcClients } from './clients.js';
import { classify, type Failure } from './failures.js';
import { emailFromClaims } from './identity.js';
import { PendingSignIn, type PendingSignInDoc } from './model.js';

export type OidcDeps = { clients: OidcClients; store: SessionStore; now: Clock };
export type SignedInThrough = { token: string; user: StaffUser };

// A sign-in left at the provider for longer than this must start again.
const PENDING_MS = 10 * 60_000;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
const idOf = (token: string) => createHash('sha256').update(token).digest('hex');

// Returns the provider URL to send the browser to and the value of the cookie that ties the
// callback to this browser.
export async function beginSignIn(p: OidcProviderSettings, { clients, now }: OidcDeps) {
  await PendingSignIn.deleteMany({ createdAt: { $lte: new Date(now() - PENDING_MS) } });
  const { url, checks } = await clients.authorizationUrl(p);
  const token = randomBytes(32).toString('base64url');
  await PendingSignIn.create({ _id: idOf(token), provider: p.id, ...checks, createdAt: new Date(now()) });
  return { url, token };
}

// The pending sign-in is used up by its first callback, whatever the outcome: a replayed or
// forged callback finds nothing (the provider refuses a second use of a code too).
async function takePending(token: string, p: OidcProviderSettings, now: Clock): Promise<PendingSignInDoc | null> {
  if (!tokenPattern.test(token)) return null;
  const pending = await PendingSignIn.findById(idOf(token)).lean<PendingSignInDoc>();
  if (!pending) return null;
  await PendingSignIn.deleteOne({ _id: pending._id });
  return pending.provider === p.id && now() - pending.createdAt.getTime() < PENDING_MS ? pending : null;
}

export async function finishSignIn(
  p: OidcProviderSettings,
  pendingToken: string,
  query: URLSearchParams,
  { clients, store, now }: OidcDeps,
): Promise<SignedInThrough | { failure: Failure }> {
  const pending = await takePending(pendingToken, p, now);
  if (!pending) return { failure: { kind: 'expired' } };
  if (query.get('state') !== pending.state) return { failure: { kind: 'tampered' } };
  let claims: Record<string, unknown>;
  try {
    claims = await clients.claims(p, `?${query}`, pending);
  } catch (err) {
    return { failure: classify(err) };
  }
  const checked = emailFromClaims(claims, p);
  if ('failure' in checked) return checked;
  const user = await accountFor(checked.email, p);
  if ('failure' in user) return user;
  const { token } = await store.start(user.email, p.id);
  return { token, user };
}

// Roles and councils come from our account, never from the token. With createAccounts set, a
// first sign-in makes the account the provider's settings name (off unless configured).
async function accountFor(email: string, p: OidcProviderSettings): Promise<StaffUser | { failure: Failure }> {
  const found = await User.findById(email, { passwordHash: 0 }).lean<UserDoc>();
  if (found) return found.disabled ? { failure: { kind: 'disabled', email } } : staff(found);
  if (!p.createAccounts) return { failure: { kind: 'no_account', email } };
  try {
    const { user } = await createUser({ email, ...p.createAccounts });
    return { email: user.email, role: user.role, pilots: user.pilots };
  } catch (err) {
    const again = await User.findById(email, { passwordHash: 0 }).lean<UserDoc>(); // made meanwhile by another sign-in
    if (again && !again.disabled) return staff(again);
    return { failure: { kind: 'account_not_created', email, code: (err as { code?: string }).code } };
  }
}

const staff = (u: UserDoc): StaffUser => ({ email: u._id, role: u.role, pilots: u.pilots });

import { signInFailed } from './errors.js';
import type { createLoginLimiter } from './login-limit.js';
import { User, type UserDoc } from './model.js';
import { verifyPassword } from './passwords.js';
import type { StaffUser } from './rules.js';
import { SignInBody } from './schemas.js';
import type { SessionStore } from './sessions.js';

// `address`: the client address the limiter counted the attempt against (req.ip).
export type SignInDeps = { store: SessionStore; limiter: ReturnType<typeof createLoginLimiter>; address: string };
export type SignedIn = { token: string; csrfToken: string; user: StaffUser };

// The attempt has already been counted by the rate limit; a success takes it back (login-limit.ts).
export async function signIn(body: unknown, { store, limiter, address }: SignInDeps): Promise<SignedIn> {
  const { email, password } = SignInBody.parse(body);
  const user = email ? await User.findById(email).lean<UserDoc>() : null;
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) throw signInFailed();
  limiter.succeeded(email, address);
  const { token, csrfToken } = await store.start(user._id);
  return { token, csrfToken, user: { email: user._id, role: user.role, pilots: user.pilots } };
}

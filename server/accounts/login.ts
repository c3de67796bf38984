import { signInFailed } from './errors.js';
import type { createLoginLimiter } from './login-limit.js';
import { User, type UserDoc } from './model.js';
import { verifyPassword } from './passwords.js';
import type { StaffUser } from './rules.js';
import { SignInBody } from './schemas.js';
import type { SessionStore } from './sessions.js';

export type SignInDeps = { store: SessionStore; limiter: ReturnType<typeof createLoginLimiter> };
export type SignedIn = { token: string; csrfToken: string; user: StaffUser };

// The attempt has already been counted by the rate limit; a success clears the email's count.
export async function signIn(body: unknown, { store, limiter }: SignInDeps): Promise<SignedIn> {
  const { email, password } = SignInBody.parse(body);
  const user = email ? await User.findById(email).lean<UserDoc>() : null;
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) throw signInFailed();
  limiter.succeeded(email);
  const { token, csrfToken } = await store.start(user._id);
  return { token, csrfToken, user: { email: user._id, role: user.role, pilots: user.pilots } };
}

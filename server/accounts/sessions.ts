import { createHash, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { Session, User, type SessionDoc, type UserDoc } from './model.js';
import { sessionExpired, type SessionLimits, type StaffUser } from './rules.js';

export type Clock = () => number;
export type ActiveSession = { id: string; csrfToken: string; user: StaffUser; provider?: string };
export type SessionStore = ReturnType<typeof createSessionStore>;

// The cookie holds 32 random bytes (256 bits); the database holds only their SHA-256.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
const idOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
// lastSeenAt is written at most this often, not on every request.
const TOUCH_MS = 60_000;

export function createSessionStore(limits: SessionLimits, now: Clock) {
  // `provider`: the OpenID Connect provider that vouched for the email, if any.
  async function start(email: string, provider?: string): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    const at = new Date(now());
    await Session.create({ _id: idOf(token), email, csrfToken, createdAt: at, lastSeenAt: at, provider });
    return { token, csrfToken };
  }

  // A session past its idle or absolute limit, or whose account is gone or disabled, is deleted
  // here and reads as no session at all.
  async function resume(token: string): Promise<ActiveSession | null> {
    if (!tokenPattern.test(token)) return null;
    const id = idOf(token);
    // through the driver, as every request reads both: a lean mongoose query costs more than the read
    const session = (await Session.collection.findOne({ _id: id as never })) as SessionDoc | null;
    if (!session) return null;
    const at = now();
    const user = sessionExpired(session, at, limits)
      ? null
      : ((await User.collection.findOne(
          { _id: session.email as never },
          { projection: { passwordHash: 0 } },
        )) as UserDoc | null);
    if (!user || user.disabled) {
      await Session.deleteOne({ _id: id });
      return null;
    }
    if (at - session.lastSeenAt.getTime() >= TOUCH_MS)
      await Session.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(at) } });
    const staff = { email: user._id, role: user.role, pilots: user.pilots };
    return {
      id,
      csrfToken: session.csrfToken,
      user: staff,
      ...(session.provider ? { provider: session.provider } : {}),
    };
  }

  const end = async (token: string): Promise<void> => {
    if (tokenPattern.test(token)) await Session.deleteOne({ _id: idOf(token) });
  };

  // Deletes every expired session (a scan, so it runs now and then rather than per request).
  async function sweep(): Promise<number> {
    const at = now();
    const { deletedCount } = await Session.deleteMany({
      $or: [
        { lastSeenAt: { $lte: new Date(at - limits.idleMs) } },
        { createdAt: { $lte: new Date(at - limits.absoluteMs) } },
      ],
    });
    return deletedCount;
  }

  function sweepEvery(ms: number, onError: (err: unknown) => void): NodeJS.Timeout {
    return setInterval(() => {
      if (mongoose.connection.readyState === 1) sweep().catch(onError);
    }, ms).unref();
  }

  return { start, resume, end, sweep, sweepEvery };
}

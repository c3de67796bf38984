import { ApiError, postResponse } from './api.js';

// A completed response waits in localStorage until the server acknowledges it, so a dropped
// connection, a server outage or a closed tab loses nothing. It is deleted on acknowledgement.
type Pending = { submissionId: string; answers: unknown; token?: string };
const keyFor = (code: string) => `wellbeing-pending:${code}`;

export function loadPending(code: string): Pending | null {
  try {
    const raw = localStorage.getItem(keyFor(code));
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

export function savePending(code: string, answers: unknown, token?: string): Pending {
  const pending = { submissionId: newUuid(), answers, ...(token ? { token } : {}) };
  try {
    localStorage.setItem(keyFor(code), JSON.stringify(pending));
  } catch {
    /* private mode: retry in memory only */
  }
  return pending;
}

function forgetPending(code: string): void {
  try {
    localStorage.removeItem(keyFor(code));
  } catch {
    /* storage blocked: nothing was kept */
  }
}

export type SendOutcome = { ok: true } | { ok: false; final: true; error: ApiError };

// Retries with growing waits (1 s, 2 s, 4 s … capped at 60 s) until the server answers, and at
// once when the browser says the connection is back. `onWait` hears the seconds left, each second.
// Only a definite refusal (4xx other than 408/429) stops the retries.
export async function sendUntilAcknowledged(
  code: string,
  pending: Pending,
  onWait: (secondsLeft: number) => void,
): Promise<SendOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      await postResponse(code, pending.submissionId, pending.answers, pending.token);
      forgetPending(code);
      return { ok: true };
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.status >= 400 &&
        err.status < 500 &&
        err.status !== 408 &&
        err.status !== 429
      ) {
        forgetPending(code); // refused for good: keep the link usable for a fresh start
        return { ok: false, final: true, error: err };
      }
      await waitOrOnline(Math.min(60, 2 ** attempt), onWait);
    }
  }
}

function waitOrOnline(seconds: number, onWait: (secondsLeft: number) => void): Promise<void> {
  return new Promise((resolve) => {
    let left = seconds;
    const done = () => {
      clearInterval(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) done();
      else onWait(left);
    }, 1000);
    window.addEventListener('online', done);
    onWait(left);
  });
}

// crypto.randomUUID exists only in secure contexts; plain-HTTP intranet installs need the fallback.
function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Pure timing rules of the outbox, unit-tested.

// A message the server refused for now waits base, 2×base, 4×base … up to six hours.
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

// While the SMTP server cannot be reached the whole worker waits 5 s, 10 s … up to 5 minutes.
export function outagePauseMs(consecutiveOutages: number): number {
  return Math.min(5000 * 2 ** Math.max(0, consecutiveOutages - 1), 300_000);
}

// Evenly spaced sends at `perSecond`, shared by every sending loop of the process. Slots missed
// while the database was slow may be made up within `slackMs`, so the average keeps to the rate;
// no second ever holds more than perSecond × (1 + slackMs/1000) sends.
export function createThrottle(
  perSecond: number,
  clock: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  slackMs = 250,
) {
  const gap = 1000 / perSecond;
  let next = -Infinity;
  return async (): Promise<void> => {
    const now = clock();
    const at = Math.max(now - slackMs, next);
    next = at + gap;
    if (at > now) await sleep(at - now);
  };
}

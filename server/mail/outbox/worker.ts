import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.js';
import { MailSendError, type SendOutcome } from '../send-errors.js';
import type { MailTransport, OutgoingMail } from '../transport.js';
import { claimBatch, recordDone, recoverStale, removeFromOutbox, requeue, toProblem } from './claim.js';
import { feedOutbox } from './feeder.js';
import { createLease } from '../../platform/lease.js';
import type { MessageKind, OutboxDoc } from './model.js';
import { createThrottle, outagePauseMs, retryDelayMs } from './pacing.js';

// Builds the email for a claimed message at send time; null means "no longer wanted" (the
// person has answered or opted out, the list was deleted, the survey closed).
export type Composer = (m: OutboxDoc, now: Date) => Promise<OutgoingMail | null>;
export type Tick = (now: Date) => Promise<void>;

export type MailWorkerOptions = {
  transport: MailTransport;
  composers: Partial<Record<MessageKind, Composer>>;
  logger: Logger;
  ratePerSecond: number;
  maxAttempts: number;
  retryBaseMs: number;
  concurrency?: number;
  // messages one loop claims at once (one insert); a process killed mid-batch leaves them "unknown"
  batch?: number;
  window?: number;
  staleMs?: number;
  pollMs?: number;
  // housekeeping run by the sending process, at most every tickMs (reminders, retention, digests)
  ticks?: Tick[];
  tickMs?: number;
  // false only in tests that check per-message claims without the sending lease
  exclusive?: boolean;
  now?: () => Date;
};

export type MailWorker = { holder: string; start: () => void; stop: () => Promise<void>; drain: () => Promise<number> };

export function createMailWorker(o: MailWorkerOptions): MailWorker {
  const holder = randomUUID();
  const clock = o.now ?? (() => new Date());
  const concurrency = o.concurrency ?? 4;
  const staleMs = o.staleMs ?? 10 * 60_000;
  const holds = createLease('mail', holder);
  const throttle = createThrottle(o.ratePerSecond, () => clock().getTime());
  let outages = 0;
  let pausedUntil = 0;
  let lastTick = -Infinity;
  let stopping = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;
  // claimed by this process and still in the outbox (being sent, or finished and waiting to be
  // removed in one batch): the other loops of this process do not try them again
  const busy = new Set<string>();
  const finished = new Set<string>();
  const flushFinished = async () => {
    const ids = [...finished];
    await removeFromOutbox(ids);
    ids.forEach((id) => finished.delete(id)); // still busy: a loop may hold an older list of candidates
  };
  const finish = async (m: OutboxDoc, skipped: boolean) => {
    await recordDone(m, skipped);
    finished.add(m._id);
    if (finished.size >= 25) await flushFinished();
  };

  const deliver = async (m: OutboxDoc): Promise<void> => {
    const composer = o.composers[m.kind as MessageKind];
    let mail: OutgoingMail | null;
    try {
      mail = composer ? await composer(m, clock()) : null;
    } catch (err) {
      return failed(m, 'retry', `preparing the message failed: ${(err as Error).message}`); // nothing left
    }
    if (!mail) return finish(m, true);
    try {
      await o.transport.send(mail);
    } catch (err) {
      return failed(m, err instanceof MailSendError ? err.outcome : 'unknown', (err as Error).message);
    }
    outages = 0;
    await finish(m, false);
  };

  const failed = async (m: OutboxDoc, outcome: SendOutcome, error: string): Promise<void> => {
    const now = clock();
    if (outcome === 'outage') {
      pausedUntil = now.getTime() + outagePauseMs(++outages);
      o.logger.warn({ err: error }, 'mail server unreachable; sending paused, nothing lost');
      return requeue(m, new Date(pausedUntil), m.attempts, error); // an outage uses no attempt
    }
    const attempts = m.attempts + 1;
    if (outcome === 'retry' && attempts < o.maxAttempts)
      return requeue(m, new Date(now.getTime() + retryDelayMs(attempts, o.retryBaseMs)), attempts, error);
    const state = outcome === 'unknown' ? 'unknown' : 'failed';
    o.logger.warn({ message: m._id, kind: m.kind, outcome: state }, 'mail not delivered; shown to admins');
    await toProblem({ ...m, attempts }, state, error, now);
  };

  // one top-up at a time; the loop that runs short waits for it while the others keep sending
  let feeding: Promise<number> | null = null;
  const feed = () =>
    (feeding ??= feedOutbox(clock(), o.window ?? 100).finally(() => {
      feeding = null;
    }));

  const sendLoop = async (): Promise<number> => {
    const size = o.batch ?? 5;
    let handled = 0;
    while (!stopping && clock().getTime() >= pausedUntil) {
      if (o.exclusive !== false && !(await holds(clock().getTime()))) break;
      const batch = await claimBatch(clock(), size, busy);
      if (batch.length < size && (await feed()) === 0 && batch.length === 0) break;
      batch.forEach((m) => busy.add(m._id));
      for (const m of batch) {
        // after an outage, or when stopping, the rest of the batch goes back untouched for a next round
        if (stopping || clock().getTime() < pausedUntil) {
          await requeue(m, new Date(Math.max(pausedUntil, clock().getTime())), m.attempts, 'not sent yet');
          continue;
        }
        await throttle();
        await deliver(m).catch((err) =>
          o.logger.error(
            { err, message: m._id },
            'mail delivery step failed; the message will show as unknown if it was sent',
          ),
        );
        handled++;
      }
    }
    return handled;
  };

  // Sends everything due now. Returns how many messages were handled (sent, skipped or failed).
  const drainOnce = async (): Promise<number> => {
    const now = clock();
    if (now.getTime() < pausedUntil) return 0;
    if (o.exclusive !== false && !(await holds(now.getTime()))) return 0;
    if (now.getTime() - lastTick >= (o.tickMs ?? 60_000)) {
      lastTick = now.getTime();
      await recoverStale(now, staleMs, busy);
      for (const tick of o.ticks ?? [])
        await tick(now).catch((err) => o.logger.error({ err }, 'mail housekeeping failed'));
    }
    try {
      const counts = await Promise.all(Array.from({ length: concurrency }, () => sendLoop()));
      return counts.reduce((a, b) => a + b, 0);
    } finally {
      await flushFinished();
      busy.clear(); // no loop is running now
    }
  };

  const drain = (): Promise<number> => {
    running ??= drainOnce().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    holder,
    drain,
    start: () => {
      const poll = () =>
        void drain().catch((err) => o.logger.warn({ err: (err as Error).message }, 'mail worker: will retry'));
      poll();
      timer = setInterval(poll, o.pollMs ?? 2000).unref();
    },
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await running?.catch(() => {});
      await flushFinished().catch(() => {}); // what is left is tidied by the next claimer
      await holds.release().catch(() => {}); // else the next process waits for the slots to pass
      o.transport.close();
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { acquireLease, releaseLease } from './lease.js';
import { tallyPending } from './tally.js';

export type Tallier = { kick: () => void; flush: () => Promise<void>; start: () => void; stop: () => Promise<void> };

const LEASE = 'tally';
const LEASE_MS = 60_000;

// Keeps summaries current: kicked after each stored response, swept every few seconds (which
// also finishes work left by a process that died), and flushed before a summary is read so a
// reader sees every acknowledged response. Only the process holding the lease counts.
export function createTallier(surveys: SurveyRegistry, logger: Logger): Tallier {
  const me = randomUUID();
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const keepLease = async () => {
    if (!(await acquireLease(LEASE, me, LEASE_MS))) throw new Error('lost the tally lease');
  };

  const once = async () => {
    if (!(await acquireLease(LEASE, me, LEASE_MS))) return; // another process is counting
    try {
      await tallyPending(surveys, keepLease);
    } finally {
      await releaseLease(LEASE, me).catch(() => {});
    }
  };

  const run = (): Promise<void> => {
    if (running) { again = true; return running; }
    running = (async () => {
      do {
        again = false;
        await once().catch((err) => logger.warn({ err: (err as Error).message }, 'counting responses into summaries failed; will retry'));
      } while (again);
    })().finally(() => { running = null; });
    return running;
  };

  return {
    kick: () => { void run(); },
    flush: async () => { await run(); },
    start: () => { void run(); timer = setInterval(() => void run(), 5000).unref(); },
    stop: async () => { clearInterval(timer); await running; },
  };
}

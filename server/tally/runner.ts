import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import { createLease } from '../platform/lease.js';
import type { TallyHandOff } from '../responses/writer.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { allStoredMarked } from './marks.js';
import { TallyRun } from './model.js';
import { anyQueued, queueEntryIds, queueForCounting } from './queue.js';
import { unavailable } from '../errors.js';
import { createCounting } from './tally.js';
import { exportCountsReady } from './export-counts.js';

export type Tallier = {
  kick: () => void;
  flush: () => Promise<void>;
  // the flush, for a reader of these groups only: skipped when nothing queued can be theirs
  flushFor: (selected: (pilotCode: string, waveId: string) => boolean) => Promise<void>;
  start: () => void;
  stop: () => Promise<void>;
  // for the response writer (responses/writer.ts), which sits below the tally
  handOff: TallyHandOff;
};

const LEASE_SLOT_MS = 30_000;
// A kick waits before counting, so that under load one run covers many responses: a run costs
// about the same whether it counts one response or five hundred (its writes rewrite each summary
// document, hundreds of counters, once). The wait is at least a second and nine times the last
// run, so counting takes at most about a tenth of the database's time however busy it gets (with
// three times, one submission a second during a 100k export cost it 0.81× → 0.75× the plain
// cursor); a summary read or an export flushes first, so nobody reads the lag.
const KICK_PAUSE_MS = 1000;
const PAUSE_PER_RUN = 9;
// Under load (the last run counted many responses) a kick waits longer, so that one run counts a
// few seconds of submissions together and takes the database's write lock less often; a summary
// read flushes first, so readers never see the lag.
const BUSY_COUNT = 200;
const BUSY_PAUSE_MS = 4000;
// A flush in a process that does not hold the lease (a second server, a command-line script)
// cannot count. It waits, up to FLUSH_WAIT_MS, until every queue entry there when it began is
// gone, or the holder has finished a run that began after it asked (which leaves only what the
// holder's own flush would: responses still being stored, and entries whose response never
// came), looking every FLUSH_POLL_MS and counting itself if the lease lapses meanwhile. Without
// this, a first publication there froze figures that missed acknowledged responses.
const FLUSH_WAIT_MS = 10_000;
const FLUSH_POLL_MS = 100;
const RUN_STATE = 'tally';

type RunState = { started?: string; finished?: string };
const runState = async (): Promise<RunState> =>
  (await TallyRun.findById(RUN_STATE, { started: 1, finished: 1 }).lean<RunState>()) ?? {};
const recordRun = (field: keyof RunState, token: string) =>
  TallyRun.collection.updateOne({ _id: RUN_STATE as never }, { $set: { [field]: token } }, { upsert: true });

// Keeps summaries current: kicked after each stored response, swept every few seconds (which
// also finishes work left by a process that died), and flushed before a summary is read so a
// reader sees every acknowledged response. Only the process holding the lease counts.
export function createTallier(surveys: SurveyRegistry, logger: Logger): Tallier {
  const holds = createLease('tally', randomUUID(), LEASE_SLOT_MS);
  const counting = createCounting(surveys);
  let running: Promise<void> | null = null;
  let again = false; // a flush arrived during a run: run once more at once
  let kicked = false; // responses arrived during a run: run again after the pause
  let paused: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastRunMs = 0;
  let lastCounted = 0;
  let timer: NodeJS.Timeout | undefined;
  // the slot is the fence each summary write carries (summary-update.ts)
  const keepLease = async () => {
    const now = Date.now();
    if (!(await holds(now))) throw new Error('lost the tally lease');
    return Math.floor(now / LEASE_SLOT_MS);
  };

  let heldLastRun = false;
  const once = async (): Promise<number> => {
    heldLastRun = false; // until the lease is known to be held
    heldLastRun = await holds(Date.now());
    if (!heldLastRun) return 0; // another process is counting
    // tokens only while something is queued, the one case a flush elsewhere waits on them: a run
    // that finds the queue empty has nothing such a flush still waits for (its entries are gone)
    const token = (await anyQueued()) ? randomUUID() : null;
    if (token) await recordRun('started', token);
    const counted = await counting.pending(keepLease);
    if (token) await recordRun('finished', token);
    return counted;
  };

  // What was queued when asked counted by whoever holds the lease, or 503 after FLUSH_WAIT_MS.
  const countedElsewhere = async (): Promise<void> => {
    const queued = await queueEntryIds();
    if (queued.length === 0) return;
    const asked = await runState();
    let waiting = new Set(queued);
    const deadline = Date.now() + FLUSH_WAIT_MS;
    for (;;) {
      if (Date.now() > deadline)
        throw unavailable('Responses are still being counted by another server process; please try again shortly.');
      await new Promise((r) => setTimeout(r, FLUSH_POLL_MS));
      await run();
      if (heldLastRun) return;
      const [now, state] = await Promise.all([queueEntryIds(), runState()]);
      const left = new Set(now);
      waiting = new Set([...waiting].filter((id) => left.has(id)));
      const laterRun =
        state.finished !== undefined && state.finished !== asked.finished && state.finished !== asked.started;
      if (waiting.size === 0 || laterRun) return;
    }
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(paused);
    paused = undefined;
    running = (async () => {
      const started = performance.now();
      let counted = 0;
      do {
        again = false;
        kicked = false;
        counted += await once().catch((err: unknown) => {
          logger.warn({ err: (err as Error).message }, 'counting responses into summaries failed; will retry');
          return 0;
        });
      } while (again);
      lastRunMs = performance.now() - started;
      lastCounted = counted;
    })().finally(() => {
      running = null;
      if (kicked) kick();
    });
    return running;
  };

  const flush = async () => {
    await run();
    if (!heldLastRun) await countedElsewhere();
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      kicked = true;
      return;
    }
    paused ??= setTimeout(
      () => {
        paused = undefined;
        void run();
      },
      Math.max(KICK_PAUSE_MS, PAUSE_PER_RUN * lastRunMs, lastCounted >= BUSY_COUNT ? BUSY_PAUSE_MS : 0),
    ).unref();
  };

  return {
    kick,
    flush,
    flushFor: async (selected) => {
      const [uncounted, ready] = await Promise.all([counting.mayBeUncounted(selected), exportCountsReady()]);
      if (uncounted || !ready) await flush(); // the export counts of an upgrade are built by a run
    },
    start: () => {
      stopped = false;
      void run();
      timer = setInterval(() => void run(), 5000).unref();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(paused);
      paused = undefined;
      await running;
      // so that a process started next counts at once; failing that, it waits for the slots to pass
      await holds.release().catch((err: unknown) => {
        logger.warn({ err: (err as Error).message }, 'could not give up the tally lease; it lapses on its own');
      });
    },
    handOff: {
      queue: (docs) => {
        counting.storing(docs);
        return queueForCounting(docs.map((d) => d._id));
      },
      stored: (docs, notStored) => {
        counting.handOver(docs, notStored);
        if (docs.length > 0) kick();
      },
      allMarked: allStoredMarked,
    },
  };
}

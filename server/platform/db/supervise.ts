import { startEmbeddedDatabase, type EmbeddedDatabase, type EmbeddedOptions } from './embedded.js';

type Log = { info: (msg: string) => void; warn: (msg: string) => void; error: (msg: string) => void };

// The embedded database is restarted whenever it exits while the server runs, on the same port
// and data directory, so the driver reconnects by itself and /healthz recovers without anyone
// stepping in. Restarts back off from half a second to half a minute; a database that then stays
// up for a minute starts the backoff afresh. The server itself keeps answering throughout (503
// for anything that needs the database).
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const STABLE_MS = 60_000;

export type SupervisedDatabase = { uri: string; stop: () => Promise<void> };

export function superviseEmbeddedDatabase(
  first: EmbeddedDatabase,
  options: EmbeddedOptions,
  log: Log,
): SupervisedDatabase {
  let current = first;
  let stopping = false;
  let delay = FIRST_DELAY_MS;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;

  const restart = async () => {
    timer = undefined;
    if (stopping) return;
    try {
      const next = await startEmbeddedDatabase({ ...options, port: first.port });
      if (stopping) return void (await next.stop());
      current = next;
      startedAt = Date.now();
      log.info(`embedded database restarted on port ${first.port}`);
      watch(next);
    } catch (err) {
      log.error(`embedded database did not restart: ${(err as Error).message}`);
      schedule();
    }
  };

  function schedule() {
    log.warn(`restarting the embedded database in ${delay} ms`);
    timer = setTimeout(() => void restart(), delay);
    delay = Math.min(MAX_DELAY_MS, delay * 2);
  }

  function watch(db: EmbeddedDatabase) {
    db.child.once('exit', (code, signal) => {
      void db.stop(); // only forgets its exit hook: the process is gone
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_MS) delay = FIRST_DELAY_MS;
      log.error(`embedded database exited (code ${code}, signal ${signal}); the server answers 503 until it is back`);
      schedule();
    });
  }

  watch(first);
  return {
    uri: first.uri,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await current.stop();
    },
  };
}

import type mongoose from 'mongoose';

type Client = ReturnType<typeof mongoose.connection.getClient>;

// The driver's server monitor can stop for good (mongodb 7.8 to 7.9.1). A heartbeat that starts
// on its connection after the socket was destroyed (the database went away) but before the
// socket's 'close' event writes into the dead socket, which neither errors nor drains, so the
// check never ends and the monitor never reports again. Mongoose then reads as disconnected, so
// /healthz stays 503, and once the server is marked unknown no operation can select it: the app
// would answer 503 until restarted. Seen after a database restart under load.
//
// A working monitor reports every heartbeat (success or failure) within the heartbeat interval
// plus its connect timeout. When nothing has been reported for that long and STALL_SLACK_MS more
// (10 s with the server's settings), the watchdog replaces the client's topology: close, then
// connect again (retried until the database answers), which starts a fresh monitor. Requests
// meanwhile get the driver's not-connected errors, answered 503.
const CHECK_EVERY_MS = 1_000;
const STALL_SLACK_MS = 6_000;

export type WatchdogOptions = { heartbeatMs: number; connectTimeoutMs: number; warn: (msg: string) => void };

export function watchServerMonitor(client: Client, options: WatchdogOptions): () => void {
  const stallMs = options.heartbeatMs + options.connectTimeoutMs + STALL_SLACK_MS;
  let lastReport = Date.now();
  let lastTick = Date.now();
  let recovering = false;
  let stopped = false;
  const reported = () => (lastReport = Date.now());
  client.on('serverHeartbeatSucceeded', reported);
  client.on('serverHeartbeatFailed', reported);

  const timer = setInterval(() => {
    const now = Date.now();
    // this process was stalled (the monitor's timers were held up too): start counting afresh
    if (now - lastTick > 2 * CHECK_EVERY_MS) lastReport = now;
    lastTick = now;
    if (recovering || now - lastReport < stallMs) return;
    recovering = true;
    void reconnect(client, () => stopped).finally(() => {
      recovering = false;
      lastReport = Date.now();
    });
    options.warn(`the database driver's server monitor reported nothing for ${stallMs / 1000} s; reconnecting`);
  }, CHECK_EVERY_MS).unref();

  return () => {
    stopped = true;
    clearInterval(timer);
    client.off('serverHeartbeatSucceeded', reported);
    client.off('serverHeartbeatFailed', reported);
  };
}

async function reconnect(client: Client, stopped: () => boolean): Promise<void> {
  await client.close().catch(() => {});
  while (!stopped()) {
    try {
      await client.connect();
      // disconnected meanwhile (shutting down): leave nothing open behind it
      if (stopped()) await client.close().catch(() => {});
      return;
    } catch {
      await new Promise((r) => setTimeout(r, CHECK_EVERY_MS));
    }
  }
}

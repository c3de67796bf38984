import mongoose from 'mongoose';
import { watchServerMonitor } from './monitor-watchdog.js';

// Commands fail at once while disconnected instead of queueing; the driver reconnects by itself.
mongoose.set('bufferCommands', false);
mongoose.set('strictQuery', true);

const HEARTBEAT_MS = 1000;
const CONNECT_TIMEOUT_MS = 3000;

// The watchdog lives as long as the connection: however it is closed (disconnectDatabase or
// mongoose.disconnect), it stops, so a client closed on purpose is never opened again.
let stopWatchdog: (() => void) | undefined;
const stopWatching = () => {
  stopWatchdog?.();
  stopWatchdog = undefined;
};
mongoose.connection.on('close', stopWatching);

// `warn` hears when the driver's server monitor had to be replaced (see monitor-watchdog.ts).
export async function connectDatabase(
  uri: string,
  dbName: string,
  warn: (msg: string) => void = () => {},
): Promise<typeof mongoose> {
  const connected = await mongoose.connect(uri, {
    dbName,
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    socketTimeoutMS: 30_000,
    heartbeatFrequencyMS: HEARTBEAT_MS,
    maxPoolSize: 50,
    autoIndex: false,
  });
  stopWatching();
  stopWatchdog = watchServerMonitor(mongoose.connection.getClient(), {
    heartbeatMs: HEARTBEAT_MS,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    warn,
  });
  return connected;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export async function pingDatabase(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([
      db
        .admin()
        .command({ ping: 1 })
        .then(
          () => true,
          () => false,
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const unavailableNames = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongooseServerSelectionError',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (unavailableNames.has(err.name)) return true;
  // mongoose with bufferCommands off throws a plain MongooseError while disconnected
  return err.name === 'MongooseError' && /buffer|not connected|connection/i.test(err.message);
}

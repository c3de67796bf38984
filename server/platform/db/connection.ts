import mongoose from 'mongoose';

// Commands fail at once while disconnected instead of queueing; the driver reconnects by itself.
mongoose.set('bufferCommands', false);
mongoose.set('strictQuery', true);

export async function connectDatabase(uri: string, dbName: string): Promise<typeof mongoose> {
  return mongoose.connect(uri, {
    dbName,
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: 3000,
    socketTimeoutMS: 30_000,
    heartbeatFrequencyMS: 1000,
    maxPoolSize: 50,
    autoIndex: false,
  });
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

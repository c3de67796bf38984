// Shared start-up for command-line tools: read config, reach the database (MONGODB_URI, the
// embedded one a running server already started, or a fresh embedded one), run, disconnect.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import mongoose from 'mongoose';
import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { connectDatabase, disconnectDatabase } from '../server/platform/db/connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../server/platform/db/embedded.js';
import { AppError } from '../server/errors.js';

async function reachable(uri: string): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 700, directConnection: true });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => {});
  }
}

export async function runCli<T extends ParseArgsConfig['options']>(
  usage: string,
  options: T,
  main: (args: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>, config: Config) => Promise<void>,
): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  try {
    const args = parseArgs({ options, allowPositionals: true, strict: true });
    const config = loadConfig();
    let uri = config.MONGODB_URI;
    if (!uri) {
      const running = `mongodb://127.0.0.1:${config.EMBEDDED_DB_PORT}/`;
      if (await reachable(running)) uri = running;
      else {
        embedded = await startEmbeddedDatabase({
          port: config.EMBEDDED_DB_PORT,
          dataDir: config.EMBEDDED_DB_DIR,
          logLevel: 'error',
          onLog: () => {},
        });
        uri = embedded.uri;
      }
    }
    await connectDatabase(uri, config.DB_NAME);
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
    await main(args, config);
  } catch (err) {
    const known =
      err instanceof AppError ||
      err instanceof ConfigError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`${known ? (err as Error).message : `Failed: ${(err as Error).stack}`}\n${usage}\n`);
    process.exitCode = 1;
  } finally {
    await disconnectDatabase().catch(() => {});
    await embedded?.stop();
  }
}

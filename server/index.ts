import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connectDatabase, disconnectDatabase } from './platform/db/connection.js';
import { startEmbeddedDatabase } from './platform/db/embedded.js';
import { superviseEmbeddedDatabase, type SupervisedDatabase } from './platform/db/supervise.js';
import { answerClientErrors } from './platform/http/client-errors.js';
import { createLogger, type Logger } from './log.js';
import { packStoredAnswers } from './responses/pack-migration.js';
import { prepareDatabase } from './startup.js';
import { createSurveyRegistry, type SurveyRegistry } from './surveys/registry.js';
import { createTallier } from './tally/runner.js';
import { hrLeadRecipients } from './accounts/users.js';
import { createMailService } from './mail-jobs.js';
import { SurveyDefinitionError } from './surveys/definition.js';
import { loadStoredSurveys } from './surveys/store.js';

const SURVEY_SYNC_MS = 60_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\nSee .env.example for every key and its meaning.\n`);
    process.exit(1);
  }
}

async function connectWithRetry(uri: string, config: Config, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await connectDatabase(uri, config.DB_NAME, (msg) => logger.warn(msg));
      return;
    } catch (err) {
      logger.warn({ attempt, err: (err as Error).message }, 'database not reachable yet; retrying');
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * attempt)));
    }
  }
}

function readSurveys(): SurveyRegistry {
  try {
    return createSurveyRegistry();
  } catch (err) {
    if (!(err instanceof SurveyDefinitionError)) throw err;
    const lines = err.problems.map((p) => `  ${p.path}: ${p.reason}`).join('\n');
    process.stderr.write(
      `Survey definition ${err.file}:\n${lines}\nFix the file (check it with: npm run surveys:check).\n`,
    );
    process.exit(1);
  }
}

async function main() {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const surveys = readSurveys();
  const tallier = createTallier(surveys, logger);
  let embedded: SupervisedDatabase | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    const options = {
      port: config.EMBEDDED_DB_PORT,
      dataDir: config.EMBEDDED_DB_DIR,
      logLevel: config.EMBEDDED_DB_LOG_LEVEL,
      onLog: (line: string) => logger.warn({ ferretdb: line }),
    };
    embedded = superviseEmbeddedDatabase(await startEmbeddedDatabase(options), options, {
      info: (msg) => logger.info(msg),
      warn: (msg) => logger.warn(msg),
      error: (msg) => logger.error(msg),
    });
    uri = embedded.uri;
    logger.info(`Embedded FerretDB at ${uri} (data in ${config.EMBEDDED_DB_DIR}); connect with: npx mongosh ${uri}`);
  }

  const server: Server = answerClientErrors(
    createApp({ config, logger, surveys, tallier }).listen(config.PORT, config.HOST),
  );
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  const base = config.PUBLIC_URL ?? `http://${config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${port}`;
  logger.info(`Listening on ${base}`);
  const mail = createMailService({
    settings: config,
    logger,
    baseUrl: base,
    minGroupSize: config.MIN_GROUP_SIZE,
    listDigestRecipients: hrLeadRecipients,
    flushSummaries: () => tallier.flush(),
  });

  let stopping = false;
  let surveySync: NodeJS.Timeout | undefined;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests and shutting down`);
    const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
    clearInterval(surveySync);
    await tallier.stop();
    await mail?.stop();
    await disconnectDatabase().catch(() => {});
    await embedded?.stop();
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await connectWithRetry(uri, config, logger);
  try {
    await prepareDatabase({ config, logger, surveys, baseUrl: base });
    tallier.start();
    mail?.start();
    // readers accept both stored forms meanwhile, so this runs behind the server, not before it
    packStoredAnswers({ onProgress: (n) => logger.info(`${n} stored responses' answers packed`) }).catch((err: Error) =>
      logger.warn({ err: err.message }, 'packing stored answers stopped; the next start resumes it'),
    );
    // versions added by `npm run survey:add` or another server process, without a restart
    surveySync = setInterval(() => {
      loadStoredSurveys(surveys).catch((err: Error) =>
        logger.warn({ err: err.message }, 'installing added survey versions failed; will retry'),
      );
    }, SURVEY_SYNC_MS).unref();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    await shutdown('startup check failed', 1);
  }
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

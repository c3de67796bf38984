// The server under test for bench:export, in its own process so its memory is measured alone:
// health check, survey submissions and the export routes on the database named on the command line.
import express from 'express';
import { campaignRoutes } from '../../server/campaigns/routes.js';
import { parseConfig } from '../../server/config.js';
import { connectDatabase } from '../../server/db/connection.js';
import { exportRoutes } from '../../server/exports/routes.js';
import { healthRoutes } from '../../server/health/routes.js';
import { errorHandler } from '../../server/http/error-handler.js';
import { createLogger } from '../../server/log.js';
import { createTallier } from '../../server/summaries/runner.js';
import { createSurveyRegistry } from '../../server/surveys/registry.js';

const [uri, dbName = 'bench'] = process.argv.slice(2);
await connectDatabase(uri!, dbName);
const surveys = createSurveyRegistry();
const config = parseConfig({ LOG_LEVEL: 'error' });
const logger = createLogger('error');
// BENCH_NO_TALLY=1 leaves submissions uncounted, to tell the tally's load from the export's
const tallier = process.env.BENCH_NO_TALLY ? { kick: () => {}, flush: async () => {}, start: () => {}, stop: async () => {} } : createTallier(surveys, logger);
const allow: express.RequestHandler = (_req, _res, next) => next();
const app = express().use(healthRoutes).use('/api', express.json())
  .use('/api/v1', campaignRoutes(config, surveys, tallier), exportRoutes({ config, surveys, requireResearcher: allow, currentUser: () => 'bench' }))
  .use(errorHandler(logger));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' ? address?.port : 0 })}\n`);
});
// BENCH_MEMORY=1 prints the heap and external memory every two seconds (to see what RSS is made of)
if (process.env.BENCH_MEMORY) {
  setInterval(() => {
    const m = process.memoryUsage();
    process.stderr.write(`rss ${Math.round(m.rss / 1e6)} heapUsed ${Math.round(m.heapUsed / 1e6)} heapTotal ${Math.round(m.heapTotal / 1e6)} external ${Math.round(m.external / 1e6)} arrayBuffers ${Math.round(m.arrayBuffers / 1e6)}\n`);
  }, 2000).unref();
}
process.stdin.resume().on('end', () => process.exit(0));

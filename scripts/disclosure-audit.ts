import { createLogger } from '../server/log.js';
import { auditDatabase } from '../server/audit/service.js';
import { auditReport } from '../server/audit/report.js';
import { createTallier } from '../server/tally/runner.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { runCli } from './cli.js';

// Exit 0: nothing determined; 2: disclosure findings; 1: the audit could not run or could not
// read a published figure the way the platform computes it (a model mismatch proves nothing).
const usage = 'Usage: npm run disclosure:audit';

await runCli(usage, {}, async (_args, config) => {
  const surveys = createSurveyRegistry();
  const tallier = createTallier(surveys, createLogger('silent'));
  try {
    const result = await auditDatabase({
      surveys,
      tallier,
      minGroupSize: config.MIN_GROUP_SIZE,
      freeTextMinGroupSize: config.FREE_TEXT_MIN_GROUP_SIZE,
      driverMinGroupSize: config.DRIVER_MIN_GROUP_SIZE,
    });
    for (const l of auditReport(result)) console.log(l);
    process.exitCode = result.mismatches.length > 0 ? 1 : result.findings.length > 0 ? 2 : 0;
  } finally {
    await tallier.stop();
  }
});

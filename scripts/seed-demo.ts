import mongoose from 'mongoose';
import { createLogger } from '../server/log.js';
import { seedDemoIfEmpty } from '../server/demo/seed.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { runCli } from './cli.js';

const usage = 'Usage: npm run seed:demo [-- --reset]   (--reset first deletes everything in the database)';

await runCli(usage, { reset: { type: 'boolean' } }, async ({ values }, config) => {
  if (values.reset) {
    await mongoose.connection.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  }
  const code = await seedDemoIfEmpty(createSurveyRegistry(), createLogger('info'));
  if (!code) {
    console.log(
      'The database already has councils, so nothing was added. Run with -- --reset to replace everything with the demo.',
    );
    return;
  }
  console.log(`Demo respondent link: ${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}/s/${code}`);
});

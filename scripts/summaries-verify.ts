import { markEarlierResponses } from '../server/tally/marks.js';
import { rebuildSummaries, verifySummaries } from '../server/tally/recompute.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { runCli } from './cli.js';

const usage =
  'Usage: npm run summaries:verify [-- --rebuild | --mark]   (--rebuild replaces stored summaries by a recompute; stop the server first. ' +
  '--mark marks as counted the responses a database from before tally marks holds, once; the server may run)';

await runCli(usage, { rebuild: { type: 'boolean' }, mark: { type: 'boolean' } }, async ({ values }) => {
  const surveys = createSurveyRegistry();
  if (values.mark) {
    console.log(
      (await markEarlierResponses())
        ? 'Marked the responses counted before tally marks existed.'
        : 'Every stored response was marked or queued already.',
    );
  }
  if (values.rebuild) {
    console.log(
      `Rebuilt the summaries of ${await rebuildSummaries(surveys)} council × wave groups from the stored responses.`,
    );
  }
  const { groups, pending, differences } = await verifySummaries(surveys);
  console.log(
    `Checked ${groups} council × wave groups against a recompute from the raw responses (${pending} responses still queued for counting, included).`,
  );
  if (differences.length === 0) {
    console.log('No differences: every stored response is counted exactly once.');
    return;
  }
  for (const d of differences.slice(0, 50))
    console.log(`  ${d.pilotCode} ${d.waveId} ${d.key}: stored ${d.stored}, recomputed ${d.recomputed}`);
  console.log(`${differences.length} difference(s). Run with -- --rebuild (server stopped) to repair.`);
  process.exitCode = 2;
});

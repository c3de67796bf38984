import { setTimeout as sleep } from 'node:timers/promises';
import { markEarlierResponses } from '../server/tally/marks.js';
import { TallyBatch } from '../server/tally/model.js';
import { anyQueued } from '../server/tally/queue.js';
import { rebuildSummaries, verifySummaries } from '../server/tally/recompute.js';
import { unsealAll } from '../server/exports/seals.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { runCli } from './cli.js';

const usage =
  'Usage: npm run summaries:verify [-- --rebuild | --mark | --wait <seconds>]   (--rebuild replaces stored summaries by a recompute; stop the server first. ' +
  '--mark marks as counted the responses a database from before tally marks holds, once; the server may run. ' +
  '--wait: how long to wait for a backlog still being counted, 120 s by default)';

// While a server is counting, a batch can be half applied or move from queued to counted between
// the reads, which shows as differences that are not errors. Those are read again until the
// backlog is counted; one that outlasts the wait is reported as a backlog (exit 3), not as errors.
const backlog = async () => (await anyQueued()) || (await TallyBatch.exists({})) !== null;

await runCli(
  usage,
  { rebuild: { type: 'boolean' }, mark: { type: 'boolean' }, wait: { type: 'string' } },
  async ({ values }) => {
    const surveys = createSurveyRegistry();
    if (values.mark) {
      console.log(
        (await markEarlierResponses())
          ? 'Marked the responses counted before tally marks existed.'
          : 'Every stored response was marked or queued already.',
      );
    }
    if (values.rebuild) {
      await unsealAll(); // exports read the rebuilt counts, not counts sealed before
      console.log(
        `Rebuilt the summaries of ${await rebuildSummaries(surveys)} council × wave groups from the stored responses.`,
      );
    }
    const waitMs = 1000 * Number(values.wait ?? 120);
    let result = await verifySummaries(surveys);
    for (const until = Date.now() + waitMs; result.differences.length > 0 && (await backlog());) {
      if (Date.now() >= until) {
        console.log(
          `${result.differences.length} difference(s) while responses are still being counted (${result.pending} queued): ` +
            'a backlog, not errors. Run again once the server has counted it.',
        );
        process.exitCode = 3;
        return;
      }
      console.log(`Responses are still being counted (${result.pending} queued); checking again shortly…`);
      await sleep(2000);
      result = await verifySummaries(surveys);
    }
    const { groups, pending, differences } = result;
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
  },
);

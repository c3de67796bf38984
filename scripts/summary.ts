import { createLogger } from '../server/log.js';
import { badRequest } from '../server/errors.js';
import { createTallier } from '../server/tally/runner.js';
import { councilSummary } from '../server/reports/summaries/service.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { runCli } from './cli.js';

const usage = 'Usage: npm run summary -- --pilot <council code> --wave <wave id> [--json]';

await runCli(
  usage,
  { pilot: { type: 'string' }, wave: { type: 'string' }, json: { type: 'boolean' } },
  async ({ values }, config) => {
    if (!values.pilot || !values.wave) throw badRequest('--pilot and --wave are required.');
    const surveys = createSurveyRegistry();
    // stopped when done: it gives the tally lease back if it took it (no server was counting)
    const tallier = createTallier(surveys, createLogger('silent'));
    const summary = await councilSummary(values.pilot, values.wave, {
      surveys,
      tallier,
      minGroupSize: config.MIN_GROUP_SIZE,
    }).finally(() => tallier.stop());
    if (values.json) {
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    console.log(`${summary.pilot.name} (${summary.pilot.code}, ${summary.pilot.arm} arm) — ${summary.wave.name}`);
    const { scales, proportions, responses } = summary;
    if (responses.suppressed || !scales || !proportions) {
      console.log(`Suppressed: fewer than ${summary.minGroupSize} responses.`);
      return;
    }
    const rate = responses.rate == null ? '' : ` (${(responses.rate * 100).toFixed(0)}% of ${responses.headcount})`;
    console.log(`Responses: ${responses.n}${rate}\n`);
    for (const s of scales) {
      console.log(
        s.suppressed
          ? `  ${s.label}: ${s.note}`
          : `  ${s.label}: mean ${s.mean!.toFixed(2)} (95% CI ${s.ci95![0].toFixed(2)}–${s.ci95![1].toFixed(2)}), n ${s.n}`,
      );
    }
    console.log('');
    for (const p of proportions) {
      console.log(
        p.suppressed
          ? `  ${p.label}: ${p.note}`
          : `  ${p.label}: ${(p.p * 100).toFixed(1)}% (95% CI ${(p.ci95[0] * 100).toFixed(1)}–${(p.ci95[1] * 100).toFixed(1)}%), n ${p.n}`,
      );
    }
  },
);

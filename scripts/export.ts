// npm run export -- --format csv --wave w1 --out responses.csv
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { ZodError } from 'zod';
import { badRequest } from '../server/errors.js';
import { ExportQuery } from '../server/exports/schemas.js';
import { prepareExport } from '../server/exports/service.js';
import { createLogger } from '../server/log.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { createTallier } from '../server/tally/runner.js';
import { createProgress } from '../server/workforce/progress.js';
import { runCli } from './cli.js';

const usage = `Usage: npm run export -- --format csv|xlsx|sav|ndjson --out <file> [--wave w1,w2] [--pilot 855,856]
       [--arm pilot|comparison] [--version 1,2] [--survey <id>] [--labels] [--bom] [--user <name for the audit log>]`;

const options = {
  format: { type: 'string' },
  out: { type: 'string' },
  wave: { type: 'string' },
  pilot: { type: 'string' },
  arm: { type: 'string' },
  version: { type: 'string' },
  survey: { type: 'string' },
  labels: { type: 'boolean' },
  bom: { type: 'boolean' },
  user: { type: 'string' },
} as const;

function parseQuery(values: Record<string, string | boolean | undefined>): ExportQuery {
  const { out: _out, user: _user, labels, bom, ...rest } = values;
  try {
    return ExportQuery.parse({ ...rest, ...(labels ? { labels: 'true' } : {}), ...(bom ? { bom: 'true' } : {}) });
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    throw badRequest(err.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
}

await runCli(usage, options, async ({ values }, config) => {
  if (!values.out) throw badRequest('--out <file> is required');
  const query = parseQuery(values);
  const user = values.user ?? `cli:${userInfo().username}`;
  const surveys = createSurveyRegistry();
  // a server holding the tally lease counts instead, and has counted a closed campaign long since
  // stopped once the rows are decided: it gives the tally lease back if it took it
  const tallier = createTallier(surveys, createLogger('silent'));
  const prepared = await prepareExport(query, user, {
    surveys,
    minGroupSize: config.MIN_GROUP_SIZE,
    freeTextMinGroupSize: config.FREE_TEXT_MIN_GROUP_SIZE,
    flushTally: () => tallier.flush(),
  }).finally(() => tallier.stop());
  // written beside the target and renamed at the end, so a failed export leaves no partial file
  const partial = `${values.out}.partial`;
  const progress = createProgress(process.stderr);
  progress('exporting', 0, prepared.total);
  const file = createWriteStream(partial);
  try {
    // rows arrive a run at a time: shown every 2,000 or so
    let shown = 0;
    const rows = await prepared.write(file, (done) => {
      if (done - shown < 2000) return;
      shown = done;
      progress('exporting', Math.min(done, prepared.total), prepared.total);
    });
    progress('exporting', prepared.total, prepared.total);
    renameSync(partial, values.out);
    console.log(
      `Exported ${rows} responses to ${values.out} (${query.format}; recorded in the export audit log as ${user}).`,
    );
    if (prepared.stillOpen > 0)
      console.log(
        `${prepared.stillOpen} campaign(s) in the selection are still open and were left out; they are exported once they close.`,
      );
    // how many groups, never which: naming them would say which councils had so few respondents
    if (prepared.smallGroupsLeftOut > 0) {
      console.log(
        `${prepared.smallGroupsLeftOut} council × wave group(s) with fewer than ${config.MIN_GROUP_SIZE} responses were left out: small groups are never exported.`,
      );
    }
  } catch (err) {
    file.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
});

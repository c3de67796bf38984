// npm run import:responses -- <file.csv> --campaign <code>
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { badRequest } from '../server/errors.js';
import { importResponses } from '../server/imports/service.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { createProgress } from '../server/workforce/progress.js';
import { runCli } from './cli.js';

const usage = `Usage: npm run import:responses -- <file.csv> --campaign <code>
  The file uses the coded CSV export layout (npm run export -- --format csv, without --labels).`;

await runCli(usage, { campaign: { type: 'string' } }, async ({ values, positionals }) => {
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw badRequest('Name exactly one CSV file.');
  if (!values.campaign) throw badRequest('--campaign <code> is required.');
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw badRequest(`Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  const { inserted } = await importResponses(
    text,
    values.campaign,
    createSurveyRegistry(),
    createProgress(process.stderr),
  );
  console.log(`Imported ${inserted} responses from ${basename(path)} into campaign ${values.campaign}.`);
});

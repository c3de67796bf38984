// npm run survey:add -- <file.json> [--supplied-by "<who the questions come from>"] [--by <your email>] [--check]
// Adds a survey version through the same code as POST /api/v1/admin/surveys; a running server
// installs it within a minute, without a restart.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { addAdminSurvey } from '../server/admin/surveys.js';
import { AppError, badRequest } from '../server/errors.js';
import { parseJson } from '../server/surveys/loader.js';
import { createSurveyRegistry } from '../server/surveys/registry.js';
import { loadStoredSurveys } from '../server/surveys/store.js';
import { runCli } from './cli.js';

const usage = `Usage: npm run survey:add -- <file.json> [--supplied-by "<organisation>"] [--by <your email>] [--check]
  The file is a plain SurveyJS JSON or a definition in this project's format (see surveys/).`;

await runCli(
  usage,
  { 'supplied-by': { type: 'string' }, by: { type: 'string' }, check: { type: 'boolean' } },
  async ({ values, positionals }) => {
    const [path, ...extra] = positionals;
    if (!path || extra.length) throw badRequest('Name exactly one JSON file.');
    const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw badRequest(`Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    });
    const json = parseJson(text);
    if (!json.ok) throw badRequest(`${path}: ${json.problems[0]!.reason}`);
    const surveys = createSurveyRegistry();
    await loadStoredSurveys(surveys);
    const query = { check: values.check ? 'true' : undefined, suppliedBy: values['supplied-by'] };
    try {
      const { body } = await addAdminSurvey(
        json.value,
        query,
        values.by ?? `${userInfo().username} (command line)`,
        surveys,
      );
      body.notes.forEach((note) => console.log(`NOTE  ${note}`));
      body.proposals.forEach((p) => console.log(`PROPOSED ${p.kind} ${p.id} "${p.label}" (${p.because})`));
      const { id, version } = body.definition;
      console.log(
        body.stored
          ? `Stored ${id} version ${version}${'created' in body && !body.created ? ' (already there)' : ''}.`
          : `OK: ${id} would be stored as a new version.`,
      );
    } catch (err) {
      if (err instanceof AppError && err.details)
        err.details.forEach((d) => console.error(`      ${String(d.path)}: ${String(d.reason)}`));
      throw err;
    }
  },
);

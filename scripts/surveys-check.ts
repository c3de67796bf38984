// Checks every survey definition file: `node --import tsx scripts/surveys-check.ts [dir]`.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSurveyFile, SurveyDefinitionError } from '../server/surveys/loader.js';

const dir = resolve(process.argv[2] ?? 'surveys');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort();
if (files.length === 0) console.error(`FAIL  no survey definitions in ${dir}`);
let failed = files.length === 0 ? 1 : 0;
for (const file of files) {
  try {
    const definition = loadSurveyFile(join(dir, file));
    console.log(`OK    ${file}  ${definition.key}  sha256:${definition.hash}`);
  } catch (error) {
    if (!(error instanceof SurveyDefinitionError)) throw error;
    failed += 1;
    console.error(`FAIL  ${file}: ${error.problems.length} problem(s)`);
    for (const { path, reason } of error.problems) console.error(`      ${path}: ${reason}`);
  }
}
if (failed > 0) process.exitCode = 1;

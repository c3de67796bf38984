// Checks survey definitions and prints every problem with its JSON path:
//   npm run surveys:check                 the built-in set in surveys/
//   npm run surveys:check -- <dir>        every *.json in a folder, named <id>.v<version>.json
//   npm run surveys:check -- <file.json>  one definition, plain SurveyJS or our format, as the admin API would take it
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSurveyFile, parseJson, SurveyDefinitionError } from '../server/surveys/loader.js';
import { checkSubmitted } from '../server/surveys/submitted.js';

const target = resolve(process.argv[2] ?? 'surveys');
const print = (problems: { path: string; reason: string }[]) =>
  problems.forEach((p) => console.error(`      ${p.path}: ${p.reason}`));

function checkFolder(dir: string): number {
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
      print(error.problems);
    }
  }
  return failed;
}

function checkOne(file: string): number {
  const json = parseJson(readFileSync(file, 'utf8'));
  const result = json.ok
    ? checkSubmitted(json.value, { suppliedBy: 'unknown' })
    : { ok: false as const, problems: json.problems, notes: [] };
  result.notes.forEach((note) => console.log(`NOTE  ${note}`));
  if (!result.ok) {
    console.error(`FAIL  ${file}: ${result.problems.length} problem(s)`);
    print(result.problems);
    return 1;
  }
  result.proposals.forEach((p) => console.log(`PROPOSED ${p.kind} ${p.id} "${p.label}" (${p.because})`));
  console.log(`OK    ${file}  ${result.file.id}${result.derived ? ' (derived from plain SurveyJS)' : ''}`);
  return 0;
}

if ((statSync(target).isDirectory() ? checkFolder(target) : checkOne(target)) > 0) process.exitCode = 1;

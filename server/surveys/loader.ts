import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { pathSegment, SurveyDefinitionError, SurveyFileSchema, type Fail, type SurveyDefinition, type SurveyFile } from './definition.js';
import { buildModel, readQuestions, type QuestionSpec } from './questions.js';
import { checkReferences } from './references.js';
import { checkNoForbiddenKeys, checkStructure } from './structure.js';

export { SurveyDefinitionError } from './definition.js';

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)\.json$/;

// Reads every *.json file in `dir`; the first problem in any file throws a SurveyDefinitionError.
export function loadSurveys(dir: string): Map<string, SurveyDefinition> {
  const definitions = new Map<string, SurveyDefinition>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const definition = loadSurveyFile(join(dir, file));
    definitions.set(definition.key, definition);
  }
  return definitions;
}

export function loadSurveyFile(filePath: string): SurveyDefinition {
  const file = filePath.split(/[\\/]/).pop() ?? filePath;
  const fail: Fail = (path, reason) => {
    throw new SurveyDefinitionError(file, path, reason);
  };
  const json = parseJson(readFileSync(filePath, 'utf8'), fail);
  checkNoForbiddenKeys(json, '$', fail);
  const parsed = SurveyFileSchema.safeParse(json);
  if (!parsed.success) failWithIssue(parsed.error.issues[0], fail);
  const definition = parsed.data;
  const match = FILE_NAME.exec(file);
  if (!match || match[1] !== definition.id || Number(match[2]) !== definition.version) {
    fail('$', `file name must be "${definition.id}.v${definition.version}.json"`);
  }
  checkSurvey(definition, fail);
  return deepFreeze({ ...definition, key: `${definition.id}@${definition.version}`, hash: contentHash(withoutPresentation(json)), file });
}

function checkSurvey(definition: SurveyFile, fail: Fail): void {
  const pathByName = checkStructure(definition.survey, fail);
  const model = buildModel(definition.survey);
  const jsonError = model.jsonErrors?.[0];
  if (jsonError) fail('$.survey', `survey-core cannot read the survey: ${jsonError.message}`);
  const specs = readQuestions(model);
  if (specs.length === 0) fail('$.survey', 'the survey has no questions');
  const byName = new Map<string, QuestionSpec>(specs.map((spec) => [spec.name, spec]));
  checkReferences(definition, { byName, pathByName }, fail);
  for (const [list, entries] of [['scales', definition.scales], ['flags', definition.flags]] as const)
    entries.forEach((entry, i) => {
      if (entry.outcome && entry.driver) fail(`$.${list}[${i}]`, 'is marked both outcome and driver: choose one');
    });
}

function parseJson(text: string, fail: Fail): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail('$', `invalid JSON: ${(error as Error).message}`);
  }
}

function failWithIssue(issue: z.core.$ZodIssue | undefined, fail: Fail): never {
  const path = (issue?.path ?? []).map(pathSegment).join('');
  return fail(`$${path}`, issue?.message ?? 'invalid definition');
}

// Which way is better for a scale or flag (`higherIsBetter`) says how to word and colour a
// result, and `outcome` / `driver` which the driver analysis relates to which; neither is what was
// asked or how it is scored, so they are left out of the content hash: they can be added to a
// version already in use without changing the hash its waves pinned. A file without them hashes
// exactly as before.
const PRESENTATION_KEYS = new Set(['higherIsBetter', 'outcome', 'driver']);

export function withoutPresentation(json: unknown): unknown {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const strip = (list: unknown) =>
    Array.isArray(list)
      ? list.map((entry: unknown) =>
          entry !== null && typeof entry === 'object' && !Array.isArray(entry)
            ? Object.fromEntries(Object.entries(entry).filter(([key]) => !PRESENTATION_KEYS.has(key)))
            : entry,
        )
      : list;
  const file = json as Record<string, unknown>;
  return { ...file, scales: strip(file.scales), flags: strip(file.flags) };
}

// Key order in the file must not change the hash, so keys are sorted at every level.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
